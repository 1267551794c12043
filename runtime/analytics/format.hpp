#pragma once
// Number formatting shared by the text and HTML renderers.

#include <cstdint>
#include <string>

namespace sb::analytics {

std::string format_ms(std::int64_t ms);    // "850 ms", "12.4 s", "3 m 05 s", "2 h 10 m"
std::string format_percent(double share);  // 0.1234 -> "12.3%"
std::string format_fixed(double value, int decimals);
std::string format_utc_hour(std::int64_t unix_ms);  // "2026-11-11 09:00Z"

}  // namespace sb::analytics
