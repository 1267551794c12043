#include "actors/quality/evidence.hpp"

#include <cstdint>

#include "actors/common/text.hpp"

namespace sb::quality {
namespace {

// Bytes of the UTF-8 character a lead byte starts; 0 for a byte that cannot start one.
std::size_t character_bytes(char lead) {
  const auto c = static_cast<std::uint8_t>(lead);
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 0;
}

}  // namespace

BoundedText bound_text(std::string_view text, std::size_t bytes_max) {
  std::size_t end = 0;
  while (end < text.size()) {
    const std::size_t length = character_bytes(text[end]);
    if (length == 0 || end + length > text.size() || end + length > bytes_max ||
        !is_valid_utf8(text.substr(end, length))) {
      break;
    }
    end += length;
  }
  return {std::string(text.substr(0, end)), end < text.size()};
}

}  // namespace sb::quality
