#pragma once
// How the terminal clients show values: one idea per function, plain text, no colours.

#include <string>
#include <vector>

#include "runtime/rpc/agent_event.hpp"

namespace sb::rpc::cli {

std::string describe(const service::OutboundMessage& message);
std::string describe(const service::ServiceError& error);
// An agent event as lines (an offer takes several).
std::vector<std::string> describe(const AgentEvent& event);
std::vector<std::string> describe(const service::ConversationView& view);
std::string describe(const service::TicketView& ticket);
std::string describe(const service::TimelineEntry& entry);

}  // namespace sb::rpc::cli
