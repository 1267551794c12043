#pragma once
// What the bot tells a customer who asks "what is the status of my ticket". Never shows internal
// notes, assignees or SLA details; only the stage and what the customer can do next.

#include <string>

#include "actors/ticket/ticket_model.hpp"

namespace sb::ticket {

struct StatusText {
  std::string zh;
  std::string en;
  bool operator==(const StatusText&) const = default;
};

StatusText customer_status_text(const State& state);

}  // namespace sb::ticket
