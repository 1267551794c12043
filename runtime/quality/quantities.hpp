#pragma once
// Numbers with units in English or Chinese text ("7 days", "7-day", "7 天", "1–3 business days",
// "1–3 个工作日", "¥99", "48 小时", "30%"), for comparing an agent's reply with the knowledge
// base. Clock times (16:00), dates (11 月 11 日, 2026 年) and numbers glued to letters (S3,
// SB2026…) are not quantities.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb::quality {

enum class Unit { minute, hour, day, business_day, week, month, year, yuan, percent };
std::string_view to_string(Unit unit);

struct Quantity {
  double low = 0;  // a single value has low == high
  double high = 0;
  Unit unit = Unit::day;
  std::string text;  // as written, for evidence
};

std::vector<Quantity> extract_quantities(std::string_view text);

// The first quantity of `reply` whose unit the KB answer also uses but whose value lies in none
// of the KB's ranges for that unit, described for a supervisor; nullopt when consistent.
std::optional<std::string> find_kb_contradiction(std::string_view reply,
                                                 std::string_view kb_answer);

}  // namespace sb::quality
