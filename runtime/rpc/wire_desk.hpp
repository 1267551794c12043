#pragma once
// Agent desk and ticket values between the service's structs and the wire (both directions).

#include <vector>

#include "runtime/rpc/agent_event.hpp"
#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {

void to_wire(api::AgentView::Builder out, const service::AgentView& in);
service::AgentView from_wire(api::AgentView::Reader in);

void to_wire(api::ConversationView::Builder out, const service::ConversationView& in);
service::ConversationView from_wire(api::ConversationView::Reader in);

void to_wire(api::AgentEvent::Builder out, const AgentEvent& in);
// nullopt for an event kind newer than this build (the caller skips it).
std::optional<AgentEvent> from_wire(api::AgentEvent::Reader in);

void to_wire(api::Timeline::Builder out, const std::vector<service::TimelineEntry>& in);
void to_wire(api::HistoryMatches::Builder out, const std::vector<service::HistoryMatch>& in);
std::vector<service::HistoryMatch> from_wire(api::HistoryMatches::Reader in);
std::vector<service::TimelineEntry> from_wire(api::Timeline::Reader in);

void to_wire(api::SuggestedReplies::Builder out, const std::vector<service::SuggestedReply>& in);
std::vector<service::SuggestedReply> from_wire(api::SuggestedReplies::Reader in);

void to_wire(api::TicketSpec::Builder out, const service::TicketSpec& in);
service::TicketSpec from_wire(api::TicketSpec::Reader in);

void to_wire(api::TicketView::Builder out, const service::TicketView& in);
service::TicketView from_wire(api::TicketView::Reader in);

// Empty optional wire fields mean "unchanged".
void to_wire(api::TicketUpdate::Builder out, const service::TicketUpdate& in);
service::TicketUpdate from_wire(api::TicketUpdate::Reader in);

}  // namespace sb::rpc
