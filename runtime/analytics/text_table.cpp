#include "runtime/analytics/text_table.hpp"

#include <algorithm>
#include <cctype>

namespace sb::analytics {
namespace {

bool looks_numeric(const std::string& cell) {
  return !cell.empty() &&
         (std::isdigit(static_cast<unsigned char>(cell.front())) != 0 || cell.front() == '-');
}

std::string pad(const std::string& cell, std::size_t width, bool right) {
  const std::size_t fill = width - std::min(width, display_width(cell));
  return right ? std::string(fill, ' ') + cell : cell + std::string(fill, ' ');
}

}  // namespace

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    width += length >= 3 ? 2 : 1;  // 3- and 4-byte sequences are mostly CJK and emoji
    i += length;
  }
  return width;
}

TextTable::TextTable(std::string title, std::vector<std::string> header)
    : title_(std::move(title)), header_(std::move(header)) {}

void TextTable::add(std::vector<std::string> row) {
  row.resize(header_.size());
  rows_.push_back(std::move(row));
}

std::string TextTable::render() const {
  std::vector<std::size_t> widths(header_.size(), 0);
  for (std::size_t c = 0; c < header_.size(); ++c) widths[c] = display_width(header_[c]);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) out += "  ";
      out += pad(cells[c], widths[c], !header && c > 0 && looks_numeric(cells[c]));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = "== " + title_ + " ==\n" + line(header_, true);
  std::size_t total = 0;
  for (const auto w : widths) total += w + 2;
  out += std::string(total > 2 ? total - 2 : 0, '-') + "\n";
  if (rows_.empty()) out += "(no data)\n";
  for (const auto& row : rows_) out += line(row, false);
  return out + "\n";
}

}  // namespace sb::analytics
