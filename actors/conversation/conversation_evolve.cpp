// evolve: applies one durable event to the conversation's state. Only assigns; every check was
// made in decide (conversation_decider.cpp). Also used for replay, so it never throws.

#include <algorithm>

#include "actors/common/assert.hpp"
#include "actors/common/overloaded.hpp"
#include "actors/conversation/conversation_decider.hpp"

namespace sb::conversation {
namespace {

void add_message(State& state, Message message) {
  state.last_activity_at = message.at;
  state.messages.push_back(std::move(message));
  ++state.messages_total;
  if (state.messages.size() > kMessagesKept) {
    state.messages.erase(state.messages.begin(),
                         state.messages.begin() +
                             static_cast<std::ptrdiff_t>(state.messages.size() - kMessagesKept));
  }
}

void add_tags(State& state, const std::vector<std::string>& tags) {
  for (const auto& tag : tags) {
    if (state.tags.size() >= kTagsMax) return;  // the first tags are the most telling
    if (std::find(state.tags.begin(), state.tags.end(), tag) == state.tags.end()) {
      state.tags.push_back(tag);
    }
  }
}

void take_understanding(State& state, const std::string& intent,
                        const std::map<std::string, std::string>& slots,
                        const std::vector<std::string>& tags) {
  if (!intent.empty()) state.intent = intent;
  if (!slots.empty()) state.slots = slots;
  add_tags(state, tags);
}

// Back to waiting for a person (declined, expired, transferred, released).
void back_to_queue(State& state) {
  state.phase = Phase::queued;
  state.offer.reset();
  state.assignment.reset();
  state.queue.reset();
}

void withdraw_offer(State& state) {
  state.phase = Phase::queued;
  state.offer.reset();
}

void apply_handoff(State& state, const HandoffRequested& e) {
  take_understanding(state, e.intent, e.slots, e.tags);
  state.handoff = Handoff{e.initiator, e.reasons, state.intent, state.slots, e.skill_hint, e.at};
  back_to_queue(state);
}

void apply_assigned(State& state, const Assigned& e) {
  state.phase = Phase::assigned;
  state.assignment = Assignment{e.agent_id, e.explanation, e.at};
  state.last_agent_id = e.agent_id;
  state.offer.reset();
  state.queue.reset();
  state.transfer.reset();
}

// Resolved or closed: nobody is waiting for or working on the conversation any more.
void end(State& state, Phase phase) {
  state.phase = phase;
  state.offer.reset();
  state.assignment.reset();
  state.queue.reset();
}

void apply_reopened(State& state, const Reopened& e) {
  state.phase = state.handoff ? Phase::queued : Phase::bot;
  state.resolution.reset();
  state.closing.reset();
  state.transfer.reset();
  state.last_activity_at = e.at;
  ++state.reopen_count;
}

}  // namespace

State evolve(State state, const Event& event) {
  std::visit(
      Overloaded{
          [&](const Opened& e) {
            state.phase = Phase::bot;
            state.customer_id = e.customer_id;
            state.channel = e.channel;
            state.opened_at = e.at;
            state.last_activity_at = e.at;
          },
          [&](const MessageReceived& e) {
            state.channel = e.channel;
            add_message(state,
                        Message{e.message_id, Author::customer, "", e.channel, e.text, e.at});
          },
          [&](const ChannelSwitched& e) { state.channel = e.to; },
          [&](const BotReplied& e) {
            SB_ASSERT(!state.handoff.has_value());
            add_message(state, Message{e.message_id, Author::bot, "", state.channel, e.text, e.at});
            state.bot_context = e.context;
            take_understanding(state, e.intent, e.slots, e.tags);
          },
          [&](const HandoffRequested& e) { apply_handoff(state, e); },
          [&](const Queued& e) {
            state.queue = QueueEntry{e.skill_group, e.tier, e.position, e.at};
          },
          [&](const Offered& e) {
            state.phase = Phase::offered;
            state.offer = PendingOffer{e.agent_id, e.at, e.expires_at};
          },
          // The router still holds the conversation in its skill queue: keep the entry.
          [&](const OfferDeclined&) { withdraw_offer(state); },
          [&](const OfferExpired&) { withdraw_offer(state); },
          [&](const Assigned& e) { apply_assigned(state, e); },
          [&](const AgentReplied& e) {
            add_message(state, Message{e.message_id, Author::agent, e.agent_id, state.channel,
                                       e.text, e.at});
          },
          [&](const Transferred& e) {
            back_to_queue(state);
            state.transfer = e;
          },
          [&](const ReleasedFromAgent&) { back_to_queue(state); },
          [&](const Resolved& e) {
            end(state, Phase::resolved);
            state.resolution = e;
          },
          [&](const Closed& e) {
            end(state, Phase::closed);
            state.closing = e;
          },
          [&](const Reopened& e) { apply_reopened(state, e); },
          [&](const RatedByCustomer& e) {
            state.rating = Rating{e.score, e.comment, e.at};
          },
          [&](const FollowUpRequested& e) {
            state.follow_ups = e.ordinal;
            state.follow_up = e;
          },
          [&](const FollowUpOpened& e) {
            state.follow_up.reset();
            state.follow_up_tickets.push_back(e.ticket_id);
          },
      },
      event);
  return state;
}

}  // namespace sb::conversation
