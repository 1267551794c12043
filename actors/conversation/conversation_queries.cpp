#include "actors/conversation/conversation_queries.hpp"

#include "actors/common/overloaded.hpp"

namespace sb::conversation {

bool should_reopen(const State& state, Timestamp at, Duration window) {
  if (state.phase != Phase::resolved && state.phase != Phase::closed) return false;
  std::optional<Timestamp> since;
  if (state.resolution) {
    since = state.resolution->at;
  } else if (state.closing) {
    since = state.closing->at;
  }
  if (!since) return false;
  return at - *since <= window;
}

bool bot_has_turn(const State& state, Timestamp at, Duration reopen_window) {
  if (state.handoff) return false;
  if (state.phase == Phase::none || state.phase == Phase::bot) return true;
  return should_reopen(state, at, reopen_window);
}

std::vector<Message> transcript(const State& state) { return state.messages; }

std::optional<HandoffRecord> handoff_record(const State& state) {
  if (!state.handoff) return std::nullopt;
  const Handoff& h = *state.handoff;
  return HandoffRecord{state.customer_id,
                       state.channel,
                       h.initiator,
                       h.reasons,
                       h.intent,
                       h.slots,
                       state.tags,
                       h.skill_hint,
                       h.at,
                       transcript(state),
                       state.messages_total};
}

std::optional<RoutingRequest> routing_request(const State& state) {
  if (state.phase != Phase::queued) return std::nullopt;
  RoutingRequest request;
  if (state.transfer) request.target = state.transfer->target;
  if (state.handoff) request.skill_hint = state.handoff->skill_hint;
  request.intent = state.intent;
  request.last_agent_id = state.last_agent_id;
  return request;
}

std::optional<Timestamp> queue_abandoned_at(const State& state, Duration after) {
  const bool waiting = state.phase == Phase::queued || state.phase == Phase::offered;
  if (!waiting || after <= Duration::zero()) return std::nullopt;
  return state.last_activity_at + after;
}

std::optional<Timestamp> bot_resolves_at(const State& state, Duration after) {
  if (state.phase != Phase::bot || state.handoff || after <= Duration::zero()) return std::nullopt;
  return state.last_activity_at + after;
}

std::optional<Timestamp> next_deadline(const State& state, Duration auto_close_after,
                                       Duration queue_abandon_after, Duration bot_resolve_after) {
  std::optional<Timestamp> due = queue_abandoned_at(state, queue_abandon_after);
  const auto earliest = [&](Timestamp t) { due = due ? std::min(*due, t) : t; };
  if (auto resolves = bot_resolves_at(state, bot_resolve_after)) earliest(*resolves);
  if (state.phase == Phase::offered && state.offer) earliest(state.offer->expires_at);
  if (state.phase == Phase::resolved && state.resolution && auto_close_after > Duration::zero()) {
    earliest(state.resolution->at + auto_close_after);
  }
  return due;
}

std::string_view to_string(Effect effect) {
  switch (effect) {
    case Effect::record_conversation_on_customer:
      return "record_conversation_on_customer";
    case Effect::record_last_agent_on_customer:
      return "record_last_agent_on_customer";
    case Effect::push_to_channel:
      return "push_to_channel";
    case Effect::switch_outbound_channel:
      return "switch_outbound_channel";
    case Effect::notify_agent_desk:
      return "notify_agent_desk";
    case Effect::ask_router:
      return "ask_router";
    case Effect::withdraw_from_router:
      return "withdraw_from_router";
    case Effect::accept_on_agent:
      return "accept_on_agent";
    case Effect::release_agent:
      return "release_agent";
    case Effect::prompt_csat:
      return "prompt_csat";
    case Effect::open_follow_up_ticket:
      return "open_follow_up_ticket";
  }
  return "unknown";
}

namespace {

// Leaving the queue or an agent: who has to be told depends on where the conversation was.
std::vector<Effect> effects_of_leaving(const State& before) {
  switch (before.phase) {
    case Phase::queued:
    case Phase::offered:
      return {Effect::withdraw_from_router};
    case Phase::assigned:
      return {Effect::release_agent};
    case Phase::none:
    case Phase::bot:
    case Phase::resolved:
    case Phase::closed:
      return {};
  }
  return {};
}

}  // namespace

std::vector<Effect> effects_after(const State& before, const Event& event) {
  using Effects = std::vector<Effect>;
  return std::visit(
      Overloaded{
          [](const Opened&) { return Effects{Effect::record_conversation_on_customer}; },
          [&](const MessageReceived&) {
            return before.phase == Phase::assigned ? Effects{Effect::notify_agent_desk} : Effects{};
          },
          [](const ChannelSwitched&) { return Effects{Effect::switch_outbound_channel}; },
          [](const BotReplied&) { return Effects{Effect::push_to_channel}; },
          [](const HandoffRequested&) { return Effects{Effect::ask_router}; },
          [](const Queued&) { return Effects{}; },
          [](const Offered&) { return Effects{Effect::notify_agent_desk}; },
          [](const OfferDeclined&) { return Effects{Effect::ask_router}; },
          [](const OfferExpired&) { return Effects{Effect::ask_router}; },
          [](const Assigned&) {
            return Effects{Effect::accept_on_agent, Effect::record_last_agent_on_customer,
                           Effect::notify_agent_desk};
          },
          [](const AgentReplied&) { return Effects{Effect::push_to_channel}; },
          [](const Transferred&) {
            return Effects{Effect::release_agent, Effect::ask_router};
          },
          // The agent is already gone (offline); only the queue needs to know.
          [](const ReleasedFromAgent&) { return Effects{Effect::ask_router}; },
          [&](const Resolved&) {
            Effects effects = effects_of_leaving(before);
            effects.push_back(Effect::prompt_csat);
            return effects;
          },
          [&](const Closed&) { return effects_of_leaving(before); },
          [&](const Reopened&) { return before.handoff ? Effects{Effect::ask_router} : Effects{}; },
          [](const RatedByCustomer&) { return Effects{}; },
          [](const FollowUpRequested&) { return Effects{Effect::open_follow_up_ticket}; },
          [](const FollowUpOpened&) { return Effects{}; },
      },
      event);
}

}  // namespace sb::conversation
