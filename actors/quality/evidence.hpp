#pragma once
// Evidence text within a byte limit: cut on a UTF-8 character boundary, never inside one, and
// flagged when cut so the event says so.

#include <cstddef>
#include <string>
#include <string_view>

namespace sb::quality {

struct BoundedText {
  std::string text;
  bool truncated = false;
  bool operator==(const BoundedText&) const = default;
};

// The longest prefix of `text` made of whole, well-formed UTF-8 characters that fits in
// `bytes_max` bytes (malformed bytes end the prefix too).
BoundedText bound_text(std::string_view text, std::size_t bytes_max);

}  // namespace sb::quality
