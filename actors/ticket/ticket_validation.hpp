#pragma once
// Checks on what enters a ticket from outside. Each returns why the input is refused, or nullopt.

#include <optional>
#include <string>
#include <string_view>

#include "actors/ticket/ticket_model.hpp"

namespace sb::ticket {

struct Problem {
  Rejection code;
  std::string detail;
};

// Ids (agent, customer, ticket, group, `by`): non-empty, at most kIdBytesMax bytes of UTF-8, no
// whitespace or control characters. `what` names the field in the message.
std::optional<std::string> check_id(std::string_view what, std::string_view id);

// Free text that must say something: valid UTF-8, at most `bytes_max`, not blank.
std::optional<std::string> check_required_text(std::string_view what, std::string_view text,
                                               std::size_t bytes_max);

// "agent:<id>" or "group:<id>".
std::optional<std::string> check_assignee(std::string_view assignee);

// Every present field: a known source, text within its limit, and a parsable order number, phone
// or email. Empty values are allowed (they clear the field).
std::optional<Problem> check_fields(const Fields& fields);

bool is_known(Channel channel);
bool is_known(Tier tier);
bool is_known(TicketSource source);
bool is_known(FieldSource source);

inline constexpr std::string_view kAgentPrefix = "agent:";
inline constexpr std::string_view kGroupPrefix = "group:";

}  // namespace sb::ticket
