#pragma once
// Shared fixtures for the Conversation tests: times, commands, bot outcomes, and histories that
// leave a conversation in each phase.

#include <optional>
#include <string>
#include <vector>

#include "actors/conversation/conversation_decider.hpp"

namespace sb::conversation::test {

using Events = std::vector<Event>;

inline constexpr Timestamp kT0 = from_unix_ms(1'700'000'000'000);
inline Timestamp at_min(int minutes) { return kT0 + std::chrono::minutes(minutes); }
inline Timestamp at_s(int seconds) { return kT0 + std::chrono::seconds(seconds); }

inline BotOutcome bot_answer(std::string reply = "Your parcel arrives tomorrow.",
                             std::string intent = "order_status") {
  BotOutcome bot;
  bot.action = BotAction::answer;
  bot.intent = std::move(intent);
  bot.confidence = 0.92;
  bot.reply_text = std::move(reply);
  bot.slots = {{"order_number", "SO-1001"}};
  bot.tags = {"logistics"};
  bot.context.active_intent = bot.intent;
  bot.context.slots = bot.slots;
  bot.context.language = 2;
  return bot;
}

inline BotOutcome bot_handoff(std::vector<HandoffReason> reasons, std::string reply = "") {
  BotOutcome bot;
  bot.action = BotAction::handoff;
  bot.intent = "refund";
  bot.confidence = 0.4;
  bot.reply_text = std::move(reply);
  bot.slots = {{"order_number", "SO-1001"}};
  bot.handoff_reasons = std::move(reasons);
  bot.tags = {"refund"};
  return bot;
}

inline ReceiveMessage customer_says(std::string id, std::string text, Timestamp at,
                                    std::optional<BotOutcome> bot = std::nullopt,
                                    Channel channel = Channel::web) {
  return ReceiveMessage{std::move(id),       "c-1", channel, std::move(text), at, std::move(bot),
                        kReopenWindowDefault};
}

inline router::AssignmentExplanation explanation(const std::string& winner) {
  router::AssignmentExplanation x;
  x.winner = winner;
  x.rule = router::DecidingRule::longest_idle;
  x.decided_at = at_min(5);
  x.waited = std::chrono::seconds(40);
  x.tier = Tier::vip;
  x.skill = "orders";
  x.required_level = 3;
  x.effective_level = 3;
  x.reservation = router::ReservationStatus::priority_tier;
  x.sticky_last_served_ago = std::chrono::minutes(3);
  x.candidates_considered = 2;
  x.candidates = {
      router::CandidateRecord{winner, 4, 1, 2, std::chrono::minutes(5), true, false, false},
      router::CandidateRecord{"a-9", 3, 2, 1, std::chrono::seconds(30), false, true, true}};
  return x;
}

// ---- histories that leave the conversation in each phase -------------------------------------
inline Events in_bot() {
  return {Opened{"c-1", Channel::web, kT0},
          MessageReceived{"m-1", Channel::web, "where is my parcel?", kT0}};
}
inline Events in_queue() {
  Events e = in_bot();
  e.push_back(HandoffRequested{
      Initiator::customer, {HandoffReason::customer_asked}, "", {}, {}, "", at_min(1)});
  return e;
}
inline Events in_offer() {
  Events e = in_queue();
  e.push_back(Queued{"orders", Tier::vip, 1, at_min(2)});
  e.push_back(Offered{"a-1", at_min(5) + std::chrono::seconds(20), at_min(5)});
  return e;
}
inline Events in_assignment() {
  Events e = in_offer();
  e.push_back(Assigned{"a-1", explanation("a-1"), at_min(6)});
  return e;
}
inline Events in_resolution() {
  Events e = in_assignment();
  e.push_back(Resolved{"a-1", at_min(8)});
  return e;
}
inline Events in_closing() {
  Events e = in_resolution();
  e.push_back(Closed{CloseReason::auto_closed, at_min(9)});
  return e;
}

}  // namespace sb::conversation::test
