#pragma once
// Text that enters the system from outside: named size limits and UTF-8 validation.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sb {

inline constexpr std::size_t kMessageTextBytesMax = 16 * 1024;
inline constexpr std::size_t kIdBytesMax = 128;
inline constexpr std::size_t kNoteBytesMax = 4 * 1024;

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Why `text` may not be stored, or nullopt when it may. `what` names the field in the message.
std::optional<std::string> check_text(std::string_view what, std::string_view text,
                                      std::size_t bytes_max);

}  // namespace sb
