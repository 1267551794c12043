#pragma once
// A terminal table: a title, a header row and rows of cells; columns padded to their widest cell
// (by display width, CJK counted as two), numbers right-aligned.

#include <string>
#include <vector>

namespace sb::analytics {

class TextTable {
 public:
  TextTable(std::string title, std::vector<std::string> header);
  void add(std::vector<std::string> row);
  std::string render() const;

 private:
  std::string title_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Columns a terminal uses for `text` (East Asian wide characters take two).
std::size_t display_width(const std::string& text);

}  // namespace sb::analytics
