#include "actors/conversation/conversation_effects.hpp"

#include "actors/agent/agent_decider.hpp"
#include "actors/conversation/conversation_follow_up.hpp"
#include "actors/conversation/conversation_queries.hpp"
#include "actors/customer/customer_codec.hpp"
#include "actors/customer/customer_decider.hpp"
#include "actors/services/service_messages.hpp"
#include "actors/services/tell_entity.hpp"

namespace sb::conversation {
namespace {

using services::tell_entity;

service::OutboundMessage outbound(const ConversationActor* self, const State& state,
                                  service::OutboundKind kind, std::string message_id,
                                  std::string text, Timestamp at) {
  service::OutboundMessage out;
  out.kind = kind;
  out.conversation_id = self->state.key.id;
  out.customer_id = state.customer_id;
  out.channel = state.channel;
  out.message_id = std::move(message_id);
  out.text = std::move(text);
  out.at = at;
  return out;
}

service::TranscriptLine line_of(const Message& message) {
  return {std::string(to_string(message.author)), message.text, message.channel, message.at};
}

service::AgentOffer make_offer(const ConversationActor* self, const State& state, Tier tier,
                               const Offered& offered) {
  service::AgentOffer offer;
  offer.offer_id = self->state.key.id + "@" + offered.agent_id;
  offer.conversation.conversation_id = self->state.key.id;
  offer.conversation.customer_id = state.customer_id;
  offer.conversation.phase = std::string(to_string(state.phase));
  offer.conversation.channel = state.channel;
  for (const auto& message : transcript(state)) offer.conversation.transcript.push_back(line_of(message));
  if (auto record = handoff_record(state)) {
    service::HandoffInfo info;
    info.intent = record->intent;
    info.slots = record->slots;
    info.tags = record->tags;
    for (auto reason : record->reasons) info.reasons.emplace_back(to_string(reason));
    info.summary = "intent " + (record->intent.empty() ? std::string("unknown") : record->intent) +
                   ", " + std::to_string(record->messages_total) + " messages";
    offer.conversation.handoff = std::move(info);
  }
  offer.expires_at = offered.expires_at;
  offer.customer_tier = std::string(to_string(tier));
  return offer;
}

// The offer goes out with the customer's whole cross-channel timeline (with the customers merged
// into it), read from the Customer.
void send_offer(ConversationActor* self, const services::EntityServices& services,
                const std::string& agent_id, service::AgentOffer offer) {
  const runtime::EntityKey customer_key{EntityKind::customer, offer.conversation.customer_id};
  auto sinks = services.sinks;
  runtime::watched_request(
      self, runtime::deadlines_of(self), self->state.context.registry, std::chrono::seconds(5),
      runtime::route_atom::value, customer_key,
      caf::make_message(services::timeline_atom::value, std::uint8_t{0}, false))
      .then(
          [self, sinks, agent_id, offer](services::CustomerTimeline& timeline) mutable {
            offer.customer_timeline = services::timeline_view(timeline.entries);
            self->send(sinks, services::offer_atom::value, agent_id, std::move(offer));
          },
          [self, sinks, agent_id, offer](caf::error&) mutable {
            self->send(sinks, services::offer_atom::value, agent_id, std::move(offer));  // without it
          });
}

void ask_router(ConversationActor* self, const services::EntityServices& services,
                const Volatile& memory, const State& state, Timestamp at) {
  router::QueuedConversation queued;
  queued.conversation_id = self->state.key.id;
  queued.customer_id = state.customer_id;
  queued.tier = memory.tier;
  std::string skill = state.handoff ? state.handoff->skill_hint : std::string();
  if (state.transfer && state.transfer->target.kind == TargetKind::skill_group) {
    skill = state.transfer->target.id;
  }
  queued.skill = skill.empty() ? skill_for_intent(services, state.intent) : skill;
  queued.kind = router::channel_kind_of(state.channel);
  queued.enqueued_at = at;
  if (!state.last_agent_id.empty()) queued.sticky = router::StickyAgent{state.last_agent_id, at};
  self->send(services.routing, services::enqueue_atom::value, services::RoutingTicket{queued});
}

}  // namespace

std::string skill_for_intent(const services::EntityServices& services, const std::string& intent) {
  if (!intent.empty()) {
    auto bot = services.bot->get();
    if (const auto* entry = bot->knowledge_base().find(intent)) return std::string(bot::to_string(entry->skill));
  }
  return "general";
}

void record_on_customer(ConversationActor* self, const State& state) {
  if (state.customer_id.empty()) return;  // not started: nothing to record
  // The channel it was opened on, as the first effect recorded it (later messages may switch).
  const auto channel = state.messages.empty() ? state.channel : state.messages.front().channel;
  tell_entity<customer::Decider>(self, self->state.context.registry, {EntityKind::customer, state.customer_id},
                                 customer::RecordConversation{self->state.key.id, channel, state.opened_at});
}

void record_last_agent(ConversationActor* self, const State& state) {
  if (!state.assignment || state.customer_id.empty()) return;
  tell_entity<customer::Decider>(self, self->state.context.registry, {EntityKind::customer, state.customer_id},
                                 customer::RecordLastAgent{state.assignment->agent_id, self->state.key.id,
                                                           state.assignment->at});
}

void perform_effects(ConversationActor* self, const services::EntityServices& services,
                     const Volatile& memory, const State& before, const std::vector<Event>& events) {
  State state = before;
  for (const auto& event : events) {
    const auto effects = effects_after(state, event);
    state = Decider::evolve(std::move(state), event);
    const auto& id = self->state.key.id;
    for (auto effect : effects) {
      switch (effect) {
        case Effect::record_conversation_on_customer:
          record_on_customer(self, state);
          break;
        case Effect::record_last_agent_on_customer:
          record_last_agent(self, state);
          break;
        case Effect::push_to_channel:
          if (const auto* bot_reply = std::get_if<BotReplied>(&event)) {
            self->send(services.sinks, services::push_atom::value,
                       outbound(self, state, service::OutboundKind::bot_reply, bot_reply->message_id,
                                bot_reply->text, bot_reply->at));
          } else if (const auto* reply = std::get_if<AgentReplied>(&event)) {
            auto out = outbound(self, state, service::OutboundKind::agent_reply, reply->message_id,
                                reply->text, reply->at);
            out.agent_name = reply->agent_id;
            self->send(services.sinks, services::push_atom::value, std::move(out));
          }
          break;
        case Effect::switch_outbound_channel:
          break;  // outbound messages carry state.channel, which the event just changed
        case Effect::notify_agent_desk:
          if (const auto* offered = std::get_if<Offered>(&event)) {
            send_offer(self, services, offered->agent_id, make_offer(self, state, memory.tier, *offered));
          } else if (const auto* received = std::get_if<MessageReceived>(&event); received && state.assignment) {
            self->send(services.sinks, services::said_atom::value, state.assignment->agent_id, id,
                       service::TranscriptLine{"customer", received->text, received->channel, received->at});
          }
          break;
        case Effect::ask_router:
          ask_router(self, services, memory, state, state.last_activity_at);
          if (const auto* handoff = std::get_if<HandoffRequested>(&event);
              handoff && out_of_hours(services.conversation, handoff->at)) {
            tell_entity<Decider>(self, self->state.context.registry, self->state.key,
                                 RequestFollowUp{FollowUpReason::out_of_hours, handoff->at});
          }
          break;
        case Effect::open_follow_up_ticket:
          open_follow_up(self, services, memory);
          break;
        case Effect::withdraw_from_router:
          self->send(services.routing, services::remove_atom::value, id);
          break;
        case Effect::accept_on_agent:
          if (state.assignment) {
            tell_entity<agent::Decider>(self, self->state.context.registry, {EntityKind::agent, state.assignment->agent_id},
                                        agent::AcceptConversation{id, state.channel, state.assignment->at});
          }
          break;
        case Effect::release_agent:
          if (before.assignment) {
            tell_entity<agent::Decider>(self, self->state.context.registry, {EntityKind::agent, before.assignment->agent_id},
                                        agent::ReleaseConversation{id, agent::ReleaseReason::resolved, state.last_activity_at});
          }
          break;
        case Effect::prompt_csat:
          self->send(services.sinks, services::push_atom::value,
                     outbound(self, state, service::OutboundKind::csat_prompt, id + "/csat",
                              "How did we do? Please rate this conversation from 1 to 5.", state.last_activity_at));
          break;
      }
    }
  }
}

}  // namespace sb::conversation
