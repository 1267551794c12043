#include "runtime/bot/text_folding.hpp"

#include <cstdint>

namespace sb::bot {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kFullWidthFirst = 0xFF01;  // '！'
constexpr char32_t kFullWidthLast = 0xFF5E;   // '～'
constexpr char32_t kFullWidthOffset = 0xFEE0;
constexpr char32_t kIdeographicSpace = 0x3000;

bool is_space(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f' || cp == U'\v' ||
         cp == kIdeographicSpace || cp == 0xA0;
}

}  // namespace

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto lead = static_cast<std::uint8_t>(text[pos]);
  std::size_t extra = 0;
  char32_t cp = 0;
  if (lead < 0x80) {
    ++pos;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    cp = lead & 0x07;
  } else {
    ++pos;
    return kReplacement;
  }
  if (pos + extra >= text.size()) {  // truncated sequence
    ++pos;
    return kReplacement;
  }
  for (std::size_t k = 1; k <= extra; ++k) {
    const auto cont = static_cast<std::uint8_t>(text[pos + k]);
    if ((cont & 0xC0) != 0x80) {
      ++pos;
      return kReplacement;
    }
    cp = (cp << 6) | (cont & 0x3F);
  }
  pos += extra + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = next_code_point(text, pos);
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (cp >= kFullWidthFirst && cp <= kFullWidthLast) cp -= kFullWidthOffset;
    if (cp >= U'A' && cp <= U'Z') cp += U'a' - U'A';
    if (pending_space) out.push_back(' ');
    pending_space = false;
    append_utf8(out, cp);
  }
  return out;
}

std::string_view cut_utf8(std::string_view text, std::size_t bytes_max) {
  if (text.size() <= bytes_max) return text;
  std::size_t end = bytes_max;
  // Back off continuation bytes (10xxxxxx) so the cut lands on the start of a code point.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // extension A
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0x20000 && cp <= 0x2FFFF) ||  // extensions B..F
         (cp >= 0x3040 && cp <= 0x30FF) ||    // kana
         (cp >= 0xAC00 && cp <= 0xD7AF);      // hangul
}

bool is_ascii_alnum(char32_t cp) {
  return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || (cp >= U'0' && cp <= U'9');
}

std::size_t find_phrase(std::string_view text, std::string_view phrase, std::size_t from) {
  if (phrase.empty()) return std::string_view::npos;
  const auto is_word_byte = [](char c) { return is_ascii_alnum(static_cast<unsigned char>(c)); };
  const bool check_start = is_word_byte(phrase.front());
  const bool check_end = is_word_byte(phrase.back());
  for (std::size_t at = text.find(phrase, from); at != std::string_view::npos;
       at = text.find(phrase, at + 1)) {
    const std::size_t after = at + phrase.size();
    const bool starts_word = !check_start || at == 0 || !is_word_byte(text[at - 1]);
    const bool ends_word = !check_end || after == text.size() || !is_word_byte(text[after]);
    if (starts_word && ends_word) return at;
  }
  return std::string_view::npos;
}

}  // namespace sb::bot
