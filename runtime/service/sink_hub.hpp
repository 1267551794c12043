#pragma once
// The sink hub: where outbound messages meet the channels and agent desks that subscribed.
// Sinks are called from this actor only, one message at a time.
//
// Protocol:
//   (subscribe, Channel, SubscriptionId, shared_ptr<ChannelSink>)   (unsub, SubscriptionId)
//   (desk, agent_id, shared_ptr<AgentEventSink>)                     a desk logged in
//   (undesk, agent_id, shared_ptr<AgentEventSink>) -> bool            a desk logged out or was
//       lost: drops the agent's sink if it is this one (null: whichever); true if one was dropped
//   (learn, customer_id, Channel, channel_user_id)                   who to address on a channel
//   (push, OutboundMessage)      to every sink of the message's channel
//   (offer, agent_id, AgentOffer)   (withdraw, agent_id, conversation_id)
//   (said, agent_id, conversation_id, TranscriptLine)   (notice, agent_id, text)

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>
#include <caf/atom.hpp>

namespace sb::service {

using undesk_atom = caf::atom_constant<caf::atom("undesk")>;

caf::actor spawn_sink_hub(caf::actor_system& system);

}  // namespace sb::service
