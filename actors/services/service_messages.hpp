#pragma once
// Messages between the entity actors, the routing desk and the sink hub (in-process only).

#include <caf/allowed_unsafe_message_type.hpp>
#include <caf/atom.hpp>

#include <optional>
#include <cstdint>
#include <string>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/time.hpp"
#include "actors/customer/customer_model.hpp"
#include "actors/router/router_model.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::services {

using inbound_atom = caf::atom_constant<caf::atom("inbound")>;
using deliver_atom = caf::atom_constant<caf::atom("deliver")>;
using push_atom = caf::atom_constant<caf::atom("push")>;
using offer_atom = caf::atom_constant<caf::atom("offer")>;
using withdraw_atom = caf::atom_constant<caf::atom("withdraw")>;
using notice_atom = caf::atom_constant<caf::atom("notice")>;
using said_atom = caf::atom_constant<caf::atom("said")>;
using enqueue_atom = caf::atom_constant<caf::atom("enqueue")>;
using remove_atom = caf::atom_constant<caf::atom("remove")>;
using avail_atom = caf::atom_constant<caf::atom("avail")>;
using accept_atom = caf::atom_constant<caf::atom("accept")>;
using decline_atom = caf::atom_constant<caf::atom("decline")>;
using tick_atom = caf::atom_constant<caf::atom("tick")>;
using queues_atom = caf::atom_constant<caf::atom("queues")>;
using timer_atom = caf::atom_constant<caf::atom("timer")>;
using subscribe_atom = caf::atom_constant<caf::atom("subscribe")>;
using unsub_atom = caf::atom_constant<caf::atom("unsub")>;
using desk_atom = caf::atom_constant<caf::atom("desk")>;
using learn_atom = caf::atom_constant<caf::atom("learn")>;
using suggest_atom = caf::atom_constant<caf::atom("suggest")>;
using merge_atom = caf::atom_constant<caf::atom("merge")>;
using unmerge_atom = caf::atom_constant<caf::atom("unmerge")>;
using timeline_atom = caf::atom_constant<caf::atom("timeline")>;
using lookup_atom = caf::atom_constant<caf::atom("lookup")>;
using looked_up_atom = caf::atom_constant<caf::atom("lookedup")>;
using lookup_expired_atom = caf::atom_constant<caf::atom("lookupexp")>;
using register_atom = caf::atom_constant<caf::atom("register")>;
using unregister_atom = caf::atom_constant<caf::atom("unregister")>;

// A customer absorbed into another forwards what it is sent to the survivor; merges can chain
// (a customer that absorbed others is absorbed in turn) but never this deep.
inline constexpr std::uint8_t kCustomerRedirectsMax = 8;

// How long a Conversation waits for a business lookup: the BackendDesk answers `unavailable`
// itself after service::kBackendLookupTimeout, so this only catches a desk that is gone.
inline constexpr auto kLookupWait = service::kBackendLookupTimeout + std::chrono::seconds(1);

// A customer's message on its way from the Customer to a Conversation.
struct InboundTurn {
  std::string message_id;  // the channel's id, also the command id (idempotency)
  std::string customer_id;
  Channel channel = Channel::web;
  std::string channel_user_id;
  std::string text;
  Tier tier = Tier::regular;
  Timestamp at;
  bool force_new = false;  // the last conversation refused it: this is a new one
  // The channel verified the shop account that names `customer_id`: the channel identity joins
  // that customer (and the history it had on its own is merged in).
  bool verified_account = false;
  std::uint8_t redirects = 0;  // hops from absorbed customers to their survivor so far
};

// What a Conversation answers to an InboundTurn.
struct TurnOutcome {
  std::string customer_id;  // the customer that took it (the survivor, for an absorbed one)
  std::string conversation_id;
  bool duplicate = false;
  std::optional<std::string> bot_reply;
  bool handed_off = false;
  std::uint32_t queue_position = 0;
  // The conversation cannot take the message (closed, outside the reopen window): start another.
  bool needs_new_conversation = false;
  std::optional<service::ServiceError> error;
};

// A customer's timeline with those of the customers merged into it, asked of any of them (an
// absorbed customer forwards to its survivor). `entries` is empty when the customer is unknown.
struct CustomerTimeline {
  std::string customer_id;  // the survivor that answered
  bool registered = false;
  std::vector<customer::TimelineEntry> entries;  // oldest first
};

// The timeline as the service API shows it.
inline std::vector<service::TimelineEntry> timeline_view(
    const std::vector<customer::TimelineEntry>& entries) {
  std::vector<service::TimelineEntry> out;
  out.reserve(entries.size());
  for (const auto& entry : entries) {
    out.push_back({std::string(to_string(entry.kind)), entry.id, entry.channel, {}, entry.started_at});
  }
  return out;
}

// A conversation that waits for a person, for the routing desk.
struct RoutingTicket {
  router::QueuedConversation queued;
};

// An agent's answer to an offer, or an offer to withdraw.
struct OfferAnswer {
  std::string agent_id;
  std::string conversation_id;
};

}  // namespace sb::services

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::services::InboundTurn)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::services::TurnOutcome)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::services::CustomerTimeline)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::bot::BackendQuery)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::bot::BackendResult)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::shared_ptr<sb::service::IntegratorBackend>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::services::RoutingTicket)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::services::OfferAnswer)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::service::OutboundMessage)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::service::AgentOffer)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::service::TranscriptLine)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::router::AgentAvailability)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::router::AssignmentExplanation)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<sb::service::QueueSnapshot>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::shared_ptr<sb::service::ChannelSink>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::shared_ptr<sb::service::AgentEventSink>)
