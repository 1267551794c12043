#include "actors/common/text.hpp"

#include <cstdint>

namespace sb {

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<std::uint8_t>(text[i]);
    std::size_t extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= n) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<std::uint8_t>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    constexpr std::uint32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMinForLength[extra]) return false;           // overlong encoding
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;        // UTF-16 surrogate
    if (cp > 0x10FFFF) return false;
    i += extra + 1;
  }
  return true;
}

std::optional<std::string> check_text(std::string_view what, std::string_view text,
                                      std::size_t bytes_max) {
  if (text.size() > bytes_max) {
    return std::string(what) + " is " + std::to_string(text.size()) + " bytes; the limit is " +
           std::to_string(bytes_max);
  }
  if (!is_valid_utf8(text)) return std::string(what) + " is not valid UTF-8";
  return std::nullopt;
}

}  // namespace sb
