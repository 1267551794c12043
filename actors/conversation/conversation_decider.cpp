#include "actors/conversation/conversation_decider.hpp"

#include <algorithm>

#include "actors/common/assert.hpp"
#include "actors/common/overloaded.hpp"
#include "actors/common/text.hpp"
#include "actors/conversation/conversation_queries.hpp"
#include "actors/conversation/conversation_validation.hpp"

namespace sb::conversation {
namespace {

using ConversationDecision = Decision<Event, Rejection>;

ConversationDecision reject(Rejection code, std::string detail) {
  return ConversationDecision::reject(code, std::move(detail));
}
ConversationDecision reject(const Rejected<Rejection>& problem) {
  return ConversationDecision::reject(problem.code, problem.detail);
}

ConversationDecision wrong_phase(const State& state, std::string_view action) {
  if (state.phase == Phase::none) {
    return reject(Rejection::not_started, "the conversation has no message yet");
  }
  return reject(Rejection::wrong_phase, "cannot " + std::string(action) +
                                            " while the conversation is " +
                                            std::string(to_string(state.phase)));
}

bool has_message(const State& state, std::string_view message_id) {
  return std::any_of(state.messages.begin(), state.messages.end(),
                     [&](const Message& m) { return m.message_id == message_id; });
}

Problem check_new_message_id(const State& state, std::string_view message_id) {
  if (auto bad = check_id("message id", message_id)) return bad;
  if (has_message(state, message_id)) {
    return Rejected<Rejection>{Rejection::duplicate_message,
                               "message " + std::string(message_id) + " was already received"};
  }
  return std::nullopt;
}

// The events of the bot's turn. REQUIRES: check_bot_outcome(bot) passed.
void append_bot_events(std::vector<Event>& events, const ReceiveMessage& c, const BotOutcome& bot) {
  const bool handoff = bot.action == BotAction::handoff;
  if (!handoff || !bot.reply_text.empty()) {
    events.push_back(BotReplied{c.message_id + "/bot", bot.action, bot.intent, bot.confidence,
                                bot.reply_text, bot.slots, bot.tags, bot.context, c.at});
  }
  if (handoff) {
    events.push_back(HandoffRequested{Initiator::bot, bot.handoff_reasons, bot.intent, bot.slots,
                                      bot.tags, "", c.at});
  }
}

Problem check_receive(const State& state, const ReceiveMessage& c) {
  if (auto bad = check_id("customer id", c.customer_id)) return bad;
  if (auto bad = check_new_message_id(state, c.message_id)) return bad;
  if (auto bad = check_message_text("message text", c.text, kMessageTextBytesMax)) return bad;
  if (state.phase != Phase::none && c.customer_id != state.customer_id) {
    return Rejected<Rejection>{
        Rejection::wrong_customer,
        "the conversation belongs to customer " + state.customer_id + ", not " + c.customer_id};
  }
  if (c.bot) {
    if (state.handoff) {
      return Rejected<Rejection>{Rejection::bot_silenced,
                                 "the conversation was handed off; the bot stays silent"};
    }
    if (auto bad = check_bot_outcome(*c.bot)) return bad;
  }
  return std::nullopt;
}

ConversationDecision decide_receive(const State& state, const ReceiveMessage& c) {
  if (auto bad = check_receive(state, c)) return reject(*bad);
  std::vector<Event> events;
  const bool ended = state.phase == Phase::resolved || state.phase == Phase::closed;
  if (state.phase == Phase::none) {
    events.push_back(Opened{c.customer_id, c.channel, c.at});
  } else if (ended) {
    if (!should_reopen(state, c.at, c.reopen_window)) {
      return reject(Rejection::outside_reopen_window,
                    "the conversation ended longer than the reopen window ago; start a new one");
    }
    events.push_back(Reopened{state.phase, c.at});
  }
  if (state.phase != Phase::none && c.channel != state.channel) {
    events.push_back(ChannelSwitched{state.channel, c.channel, c.at});
  }
  events.push_back(MessageReceived{c.message_id, c.channel, c.text, c.at});
  if (c.bot) append_bot_events(events, c, *c.bot);
  return ConversationDecision::accept(std::move(events));
}

ConversationDecision decide_request_handoff(const State& state, const RequestHandoff& c) {
  if (state.handoff) {
    return reject(Rejection::already_handed_off, "the conversation was already handed off");
  }
  if (state.phase != Phase::bot) return wrong_phase(state, "hand off");
  if (auto bad = check_handoff_reasons(c.reasons)) return reject(*bad);
  if (auto bad = check_optional_text("skill hint", c.skill_hint, kIdBytesMax)) return reject(*bad);
  return ConversationDecision::accept({HandoffRequested{
      c.initiator, c.reasons, state.intent, state.slots, state.tags, c.skill_hint, c.at}});
}

ConversationDecision decide_enqueue(const State& state, const Enqueue& c) {
  if (state.phase != Phase::queued) return wrong_phase(state, "enqueue");
  if (auto bad = check_id("skill group", c.skill_group)) return reject(*bad);
  const auto tier = static_cast<std::uint8_t>(c.tier);
  if (tier < 1 || tier > 4)
    return reject(Rejection::invalid_field, "unknown tier " + std::to_string(tier));
  if (state.queue && state.queue->skill_group == c.skill_group) {
    return reject(Rejection::already_queued, "already queued in " + c.skill_group);
  }
  return ConversationDecision::accept({Queued{c.skill_group, c.tier, c.position, c.at}});
}

ConversationDecision decide_offer(const State& state, const Offer& c) {
  if (state.phase != Phase::queued) return wrong_phase(state, "offer");
  if (auto bad = check_id("agent id", c.agent_id)) return reject(*bad);
  if (c.expires_at <= c.at)
    return reject(Rejection::invalid_field, "an offer must expire after it is made");
  return ConversationDecision::accept({Offered{c.agent_id, c.expires_at, c.at}});
}

// Decline and expiry: only the agent the conversation is offered to.
Problem check_offered_agent(const State& state, std::string_view agent_id) {
  if (state.phase != Phase::offered) return std::nullopt;  // the caller reports the phase
  SB_ASSERT(state.offer.has_value());
  if (state.offer->agent_id != agent_id) {
    return Rejected<Rejection>{Rejection::not_offered_agent, "the conversation is offered to " +
                                                                 state.offer->agent_id + ", not " +
                                                                 std::string(agent_id)};
  }
  return std::nullopt;
}

ConversationDecision decide_offer_end(const State& state, const std::string& agent_id, Timestamp at,
                                      bool expire) {
  if (state.phase != Phase::offered)
    return wrong_phase(state, expire ? "expire an offer" : "decline");
  if (auto bad = check_offered_agent(state, agent_id)) return reject(*bad);
  if (!expire) return ConversationDecision::accept({OfferDeclined{agent_id, at}});
  if (at < state.offer->expires_at) {
    return reject(Rejection::not_due, "the offer to " + agent_id + " has not expired yet");
  }
  return ConversationDecision::accept({OfferExpired{agent_id, at}});
}

ConversationDecision decide_assign(const State& state, const Assign& c) {
  if (state.phase != Phase::queued && state.phase != Phase::offered) {
    return wrong_phase(state, "assign");
  }
  if (auto bad = check_id("agent id", c.agent_id)) return reject(*bad);
  if (auto bad = check_offered_agent(state, c.agent_id)) return reject(*bad);
  if (c.explanation.winner != c.agent_id) {
    return reject(Rejection::invalid_field, "the explanation names " + c.explanation.winner +
                                                " as the winner, not " + c.agent_id);
  }
  return ConversationDecision::accept({Assigned{c.agent_id, c.explanation, c.at}});
}

// Commands only the assigned agent may give.
Problem check_assigned_agent(const State& state, std::string_view agent_id,
                             std::string_view action) {
  if (state.phase != Phase::assigned) {
    if (state.phase == Phase::none) {
      return Rejected<Rejection>{Rejection::not_started, "the conversation has no message yet"};
    }
    return Rejected<Rejection>{Rejection::wrong_phase, "cannot " + std::string(action) +
                                                           " while the conversation is " +
                                                           std::string(to_string(state.phase))};
  }
  SB_ASSERT(state.assignment.has_value());
  if (state.assignment->agent_id != agent_id) {
    return Rejected<Rejection>{Rejection::not_assigned_agent, "the conversation is assigned to " +
                                                                  state.assignment->agent_id +
                                                                  ", not " + std::string(agent_id)};
  }
  return std::nullopt;
}

ConversationDecision decide_reply(const State& state, const ReplyAsAgent& c) {
  if (auto bad = check_assigned_agent(state, c.agent_id, "reply")) return reject(*bad);
  if (auto bad = check_new_message_id(state, c.message_id)) return reject(*bad);
  if (auto bad = check_message_text("reply text", c.text, kMessageTextBytesMax))
    return reject(*bad);
  return ConversationDecision::accept({AgentReplied{c.agent_id, c.message_id, c.text, c.at}});
}

ConversationDecision decide_transfer(const State& state, const Transfer& c) {
  if (auto bad = check_assigned_agent(state, c.agent_id, "transfer")) return reject(*bad);
  const auto kind = static_cast<std::uint8_t>(c.target.kind);
  if (kind < 1 || kind > 2) return reject(Rejection::invalid_field, "unknown transfer target kind");
  if (auto bad = check_id("transfer target", c.target.id)) return reject(*bad);
  if (c.target.kind == TargetKind::agent && c.target.id == c.agent_id) {
    return reject(Rejection::transfer_to_self, "cannot transfer a conversation to its own agent");
  }
  if (auto bad = check_optional_text("transfer note", c.note, kNoteBytesMax)) return reject(*bad);
  return ConversationDecision::accept({Transferred{c.agent_id, c.target, c.note, c.at}});
}

ConversationDecision decide_resolve(const State& state, const Resolve& c) {
  if (state.phase == Phase::bot) {
    if (!c.agent_id.empty()) {
      return reject(Rejection::not_assigned_agent,
                    "the bot has the conversation; no agent (" + c.agent_id + ") may resolve it");
    }
    return ConversationDecision::accept({Resolved{"", c.at}});
  }
  if (auto bad = check_assigned_agent(state, c.agent_id, "resolve")) return reject(*bad);
  return ConversationDecision::accept({Resolved{c.agent_id, c.at}});
}

ConversationDecision decide_close(const State& state, const Close& c) {
  if (state.phase == Phase::none || state.phase == Phase::closed)
    return wrong_phase(state, "close");
  const auto reason = static_cast<std::uint8_t>(c.reason);
  if (reason < 1 || reason > 4) return reject(Rejection::invalid_field, "unknown close reason");
  return ConversationDecision::accept({Closed{c.reason, c.at}});
}

ConversationDecision decide_rate(const State& state, const Rate& c) {
  if (state.phase == Phase::none) return wrong_phase(state, "rate");
  if (state.rating) {
    return reject(Rejection::already_rated, "the customer already rated this conversation " +
                                                std::to_string(state.rating->score));
  }
  const bool ended = state.phase == Phase::resolved || state.phase == Phase::closed;
  if (!ended || !state.resolution) {
    return reject(Rejection::not_resolved,
                  "a rating is accepted only after the conversation is resolved");
  }
  if (c.score < kScoreMin || c.score > kScoreMax) {
    return reject(Rejection::invalid_field, "a rating is 1..5, not " + std::to_string(c.score));
  }
  if (auto bad = check_optional_text("rating comment", c.comment, kCommentBytesMax))
    return reject(*bad);
  return ConversationDecision::accept({RatedByCustomer{c.score, c.comment, c.at}});
}

bool waits_for_person(const State& state) {
  return state.phase == Phase::queued || state.phase == Phase::offered;
}

ConversationDecision decide_timers(const State& state, const CheckTimers& c) {
  if (auto abandoned = queue_abandoned_at(state, c.queue_abandon_after); abandoned && c.at >= *abandoned) {
    std::vector<Event> events{Closed{CloseReason::customer_left, c.at}};
    if (!state.follow_up) {
      events.push_back(FollowUpRequested{state.follow_ups + 1, FollowUpReason::abandoned_in_queue, c.at});
    }
    return ConversationDecision::accept(std::move(events));
  }
  if (state.phase == Phase::offered && c.at >= state.offer->expires_at) {
    return ConversationDecision::accept({OfferExpired{state.offer->agent_id, c.at}});
  }
  if (auto resolves = bot_resolves_at(state, c.bot_resolve_after); resolves && c.at >= *resolves) {
    return ConversationDecision::accept({Resolved{"", c.at}});
  }
  const auto due = next_deadline(state, c.auto_close_after);
  if (state.phase == Phase::resolved && due && c.at >= *due) {
    return ConversationDecision::accept({Closed{CloseReason::auto_closed, c.at}});
  }
  return ConversationDecision::accept({});
}

ConversationDecision decide_follow_up(const State& state, const RequestFollowUp& c) {
  if (!waits_for_person(state)) return wrong_phase(state, "ask for a follow-up ticket");
  if (state.follow_up) {
    return reject(Rejection::follow_up_pending,
                  "follow-up ticket " + std::to_string(state.follow_up->ordinal) + " is being opened");
  }
  const auto reason = static_cast<std::uint8_t>(c.reason);
  if (reason < 1 || reason > 2) return reject(Rejection::invalid_field, "unknown follow-up reason");
  return ConversationDecision::accept({FollowUpRequested{state.follow_ups + 1, c.reason, c.at}});
}

ConversationDecision decide_confirm_follow_up(const State& state, const ConfirmFollowUp& c) {
  if (auto bad = check_id("ticket id", c.ticket_id)) return reject(*bad);
  if (!state.follow_up || state.follow_up->ordinal != c.ordinal) {
    if (c.ordinal >= 1 && c.ordinal <= state.follow_ups) return ConversationDecision::accept({});  // a repeat
    return reject(Rejection::invalid_field, "no follow-up ticket " + std::to_string(c.ordinal) + " was requested");
  }
  return ConversationDecision::accept({FollowUpOpened{c.ordinal, c.ticket_id, c.at}});
}

}  // namespace

Decision<Event, Rejection> decide(const State& state, const Command& command) {
  return std::visit(
      Overloaded{
          [&](const ReceiveMessage& c) { return decide_receive(state, c); },
          [&](const RequestHandoff& c) { return decide_request_handoff(state, c); },
          [&](const Enqueue& c) { return decide_enqueue(state, c); },
          [&](const Offer& c) { return decide_offer(state, c); },
          [&](const DeclineOffer& c) { return decide_offer_end(state, c.agent_id, c.at, false); },
          [&](const ExpireOffer& c) { return decide_offer_end(state, c.agent_id, c.at, true); },
          [&](const Assign& c) { return decide_assign(state, c); },
          [&](const ReplyAsAgent& c) { return decide_reply(state, c); },
          [&](const Transfer& c) { return decide_transfer(state, c); },
          [&](const ReleaseFromAgent& c) {
            if (auto bad = check_assigned_agent(state, c.agent_id, "release")) return reject(*bad);
            const auto reason = static_cast<std::uint8_t>(c.reason);
            if (reason < 1 || reason > 2) {
              return reject(Rejection::invalid_field, "unknown release reason");
            }
            return ConversationDecision::accept({ReleasedFromAgent{c.agent_id, c.reason, c.at}});
          },
          [&](const Resolve& c) { return decide_resolve(state, c); },
          [&](const Close& c) { return decide_close(state, c); },
          [&](const Rate& c) { return decide_rate(state, c); },
          [&](const CheckTimers& c) { return decide_timers(state, c); },
          [&](const RequestFollowUp& c) { return decide_follow_up(state, c); },
          [&](const ConfirmFollowUp& c) { return decide_confirm_follow_up(state, c); },
      },
      command);
}

}  // namespace sb::conversation
