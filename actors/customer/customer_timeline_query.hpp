#pragma once
// The customer's timeline as the agent should see it: its own conversations and tickets and
// those of every customer merged into it (recursively), asked of any of them — an absorbed
// customer forwards the question to its survivor. Histories stay with their own customers, so
// this is gathered on each read.
//
// Protocol: (timeline, uint8 redirects, bool own_part) -> services::CustomerTimeline
//   own_part: the survivor asks an absorbed customer for its part (no forwarding back).

#include <cstdint>

#include "actors/customer/customer_host.hpp"
#include "actors/services/service_messages.hpp"

namespace sb::customer {

caf::result<services::CustomerTimeline> answer_timeline(CustomerActor* self, std::uint8_t redirects,
                                                        bool own_part);

}  // namespace sb::customer
