#pragma once
// A quality violation: which rule an agent's reply (or conversation) broke, with the evidence a
// supervisor needs to judge it. Evidence never carries personal data in full (last 4 only).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "actors/common/time.hpp"

namespace sb::quality {

// Persisted in ViolationDetected events (schemas/quality.capnp): only append.
enum class Rule : std::uint8_t {
  forbidden_phrase = 1,
  rudeness = 2,
  card_number = 3,   // Luhn-valid 13..19 digits
  national_id = 4,   // Chinese resident ID with a valid checksum
  phone_number = 5,  // mainland mobile or +international
  missing_greeting = 6,
  missing_closing = 7,
  slow_first_response = 8,
  slow_reply = 9,
  kb_contradiction = 10,
};
inline constexpr std::uint8_t kRuleCount = 10;

std::string_view to_string(Rule rule);
std::optional<Rule> parse_rule(std::string_view name);

struct Violation {
  Rule rule = Rule::forbidden_phrase;
  std::string evidence;
  std::string agent_id;
  std::string conversation_id;
  Timestamp at;
  bool operator==(const Violation&) const = default;
};

}  // namespace sb::quality
