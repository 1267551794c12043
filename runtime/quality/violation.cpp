#include "runtime/quality/violation.hpp"

#include <array>

namespace sb::quality {
namespace {

constexpr std::array<std::string_view, kRuleCount> kNames{
    "forbidden_phrase", "rudeness",         "card_number",     "national_id",
    "phone_number",     "missing_greeting", "missing_closing", "slow_first_response",
    "slow_reply",       "kb_contradiction"};

}  // namespace

std::string_view to_string(Rule rule) {
  const auto index = static_cast<std::size_t>(rule) - 1;
  return index < kNames.size() ? kNames[index] : "unknown";
}

std::optional<Rule> parse_rule(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Rule>(i + 1);
  }
  return std::nullopt;
}

}  // namespace sb::quality
