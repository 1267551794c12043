#include "actors/conversation/conversation_bot.hpp"

namespace sb::conversation {
namespace {

BotAction to_action(bot::TurnAction action) {
  switch (action) {
    case bot::TurnAction::answer: return BotAction::answer;
    case bot::TurnAction::ask_slot: return BotAction::ask_slot;
    case bot::TurnAction::handoff: return BotAction::handoff;
    case bot::TurnAction::lookup: break;
  }
  SB_ASSERT(false && "a lookup must be completed before it becomes an outcome");
  return BotAction::answer;
}

// Both enums carry the same values by design (conversation_model.hpp says so).
HandoffReason to_reason(bot::HandoffReason reason) {
  return static_cast<HandoffReason>(static_cast<std::uint8_t>(reason));
}

}  // namespace

bot::DialogueState to_dialogue_state(const DialogueContext& c) {
  bot::DialogueState s;
  s.active_intent = c.active_intent;
  s.slots = c.slots;
  s.awaited_slot = c.awaited_slot;
  s.awaited_slot_asks = c.slot_attempts;
  s.low_confidence_streak = c.low_confidence_streak;
  if (c.language != 0) s.language = static_cast<bot::Language>(c.language);
  s.slot_failures = c.slot_failures;
  s.unanswered_turns = c.unanswered_turns;
  s.turn_count = c.turn_count;
  return s;
}

DialogueContext to_dialogue_context(const bot::DialogueState& s) {
  DialogueContext c;
  c.active_intent = s.active_intent;
  c.slots = s.slots;
  c.awaited_slot = s.awaited_slot;
  c.slot_attempts = s.awaited_slot_asks;
  c.low_confidence_streak = s.low_confidence_streak;
  c.language = static_cast<std::uint8_t>(s.language);
  c.slot_failures = s.slot_failures;
  c.unanswered_turns = s.unanswered_turns;
  c.turn_count = s.turn_count;
  return c;
}

BotOutcome to_bot_outcome(const bot::Turn& turn) {
  BotOutcome out;
  out.action = to_action(turn.action);
  out.intent = turn.intent;
  out.confidence = turn.confidence;
  out.reply_text = turn.reply;
  out.slots = turn.state.slots;
  for (auto reason : turn.handoff_reasons) out.handoff_reasons.push_back(to_reason(reason));
  out.tags = turn.tags;
  if (out.tags.size() > kTagsMax) out.tags.resize(kTagsMax);
  out.context = to_dialogue_context(turn.state);
  return out;
}

BotOutcome complete_consultation(const bot::Bot& bot, const bot::Turn& asked,
                                 bot::BackendResult result) {
  return to_bot_outcome(bot.complete_lookup(asked, result));
}

BotOutcome consult_bot(const bot::Bot& bot, const bot::BusinessBackend& backend,
                       const bot::TurnInput& input) {
  auto turn = bot.respond(input);
  if (turn.action == bot::TurnAction::lookup && turn.query) {
    return complete_consultation(bot, turn, bot::perform_lookup(backend, *turn.query));
  }
  return to_bot_outcome(turn);
}

}  // namespace sb::conversation
