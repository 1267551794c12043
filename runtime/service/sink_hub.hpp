#pragma once
// The sink hub: where outbound messages meet the channels and agent desks that subscribed.
// Sinks are called from this actor only, one message at a time.
//
// Protocol:
//   (subscribe, Channel, SubscriptionId, shared_ptr<ChannelSink>)   (unsub, SubscriptionId)
//   (desk, agent_id, shared_ptr<AgentEventSink>)                     a desk logged in
//   (learn, customer_id, Channel, channel_user_id)                   who to address on a channel
//   (push, OutboundMessage)      to every sink of the message's channel
//   (offer, agent_id, AgentOffer)   (withdraw, agent_id, conversation_id)
//   (said, agent_id, conversation_id, TranscriptLine)   (notice, agent_id, text)

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

namespace sb::service {

caf::actor spawn_sink_hub(caf::actor_system& system);

}  // namespace sb::service
