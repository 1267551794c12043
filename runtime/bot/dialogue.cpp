#include "runtime/bot/dialogue.hpp"

#include <limits>

#include "actors/common/assert.hpp"
#include "runtime/bot/answer_template.hpp"
#include "runtime/bot/bot_replies.hpp"
#include "runtime/bot/handoff_summary.hpp"
#include "runtime/bot/human_request.hpp"
#include "runtime/bot/slot_extractor.hpp"
#include "runtime/bot/text_folding.hpp"

namespace sb::bot {
namespace {

std::uint32_t incremented(std::uint32_t count) {
  return count == std::numeric_limits<std::uint32_t>::max() ? count : count + 1;
}

// Two sentences in one reply: Chinese needs no space between them.
std::string joined(Language language, std::string_view first, std::string_view second) {
  std::string out(first);
  if (language == Language::en) out += ' ';
  out += second;
  return out;
}

Turn start_turn(const TurnInput& input) {
  Turn turn;
  turn.customer_text = std::string(cut_utf8(input.text, kBotTextBytesMax));
  turn.language = detect_language(turn.customer_text).value_or(input.state.language);
  turn.sentiment = score_sentiment(turn.customer_text);
  turn.tier = input.tier;
  turn.channel = input.channel;
  turn.state = input.state;
  turn.state.language = turn.language;
  turn.state.turn_count = incremented(turn.state.turn_count);
  turn.tags = {"lang:" + std::string(to_string(turn.language)),
               "channel:" + std::string(to_string(turn.channel))};
  return turn;
}

HandoffSignals signals_of(const Turn& turn) {
  HandoffSignals signals;
  signals.low_confidence_streak = turn.state.low_confidence_streak;
  signals.negativity = turn.sentiment.negativity;
  signals.tier = turn.tier;
  signals.unanswered_turns = turn.state.unanswered_turns;
  signals.failed_slot_attempts = turn.state.slot_failures;
  signals.bot_turns = turn.state.turn_count;
  return signals;
}

// Hands off when the policy finds a reason; returns whether it did.
bool hand_off_if_due(Turn& turn, const KbEntry* entry, const HandoffSignals& signals,
                     const DialogueOptions& options) {
  std::vector<HandoffReason> reasons = handoff_reasons(options.policy, signals);
  if (reasons.empty()) return false;
  turn.action = TurnAction::handoff;
  turn.reply = kHandoffReply.in(turn.language);
  turn.handoff_reasons = std::move(reasons);
  for (const HandoffReason reason : turn.handoff_reasons) {
    turn.tags.push_back("handoff:" + std::string(to_string(reason)));
  }
  turn.query.reset();
  turn.handoff = summarize_handoff(entry, turn, options.agent_language);
  return true;
}

// Slot values as they read in a reply (products by name, in the customer's language).
TemplateValues slot_values(const KbEntry& entry, const Turn& turn) {
  TemplateValues values;
  for (const auto& [name, value] : turn.state.slots) {
    const SlotSpec* spec = entry.find_slot(name);
    values[name] = spec != nullptr ? display_slot_value(spec->type, value, turn.language) : value;
  }
  return values;
}

void forget_awaited_slot(DialogueState& state) {
  state.awaited_slot.clear();
  state.awaited_slot_asks = 0;
  state.slot_failures = 0;
}

void answer_from_kb(Turn& turn, const KbEntry& entry, const TemplateValues& values) {
  turn.action = TurnAction::answer;
  turn.reply = fill_template(entry.answer.in(turn.language), values);
  forget_awaited_slot(turn.state);
}

// `preface` says what was wrong with the last value, if anything.
void ask_for_slot(Turn& turn, const SlotSpec& slot, std::string_view preface) {
  const bool asked_before = turn.state.awaited_slot == slot.name;
  turn.action = TurnAction::ask_slot;
  turn.state.awaited_slot = slot.name;
  turn.state.awaited_slot_asks = asked_before ? incremented(turn.state.awaited_slot_asks) : 1;
  const std::string& prompt = slot.prompt.in(turn.language);
  turn.reply = preface.empty() ? prompt : joined(turn.language, preface, prompt);
}

void start_lookup(Turn& turn, const KbEntry& entry) {
  const SlotSpec* key = entry.key_slot();
  SB_ASSERT(key != nullptr && entry.action.has_value());  // guaranteed by the KB import
  turn.action = TurnAction::lookup;
  turn.reply = kLookingUpReply.in(turn.language);
  turn.query =
      BackendQuery{*entry.action, turn.state.slots.at(key->name), turn.state.slots, turn.language};
  // The slot counters stay: a "not found" answer is another failed attempt at the key slot.
  turn.state.awaited_slot.clear();
}

// Takes the entry's slot values from the message into the state. Returns the problem with the
// first invalid value, if any; an invalid value replaces an earlier valid one, since the customer
// meant a different order.
std::optional<Localized> take_slots(Turn& turn, const KbEntry& entry,
                                    std::string_view awaited_before) {
  std::optional<Localized> problem;
  for (const auto& spec : entry.slots) {
    const SlotExtraction value =
        extract_slot(spec.type, turn.customer_text, spec.name == awaited_before);
    switch (value.status) {
      case SlotStatus::absent:
        break;
      case SlotStatus::valid:
        if (turn.state.slots.size() < kDialogueSlotsMax || turn.state.slots.contains(spec.name)) {
          turn.state.slots[spec.name] = value.value;
        }
        break;
      case SlotStatus::invalid:
        turn.state.slots.erase(spec.name);
        if (!problem) problem = value.problem;
        break;
    }
  }
  return problem;
}

const SlotSpec* first_missing_slot(const KbEntry& entry, const DialogueState& state) {
  for (const auto& spec : entry.slots) {
    if (spec.required && !state.slots.contains(spec.name)) return &spec;
  }
  return nullptr;
}

Turn not_understood(Turn turn, const KnowledgeBase& kb, const DialogueOptions& options,
                    HandoffSignals signals, double confidence) {
  turn.confidence = confidence;
  turn.tags.push_back("not_understood");
  turn.state.low_confidence_streak = incremented(turn.state.low_confidence_streak);
  turn.state.unanswered_turns = incremented(turn.state.unanswered_turns);
  signals.low_confidence_streak = turn.state.low_confidence_streak;
  signals.unanswered_turns = turn.state.unanswered_turns;
  // The context survives a misunderstanding; a person taking over routes by it.
  if (hand_off_if_due(turn, kb.find(turn.state.active_intent), signals, options)) return turn;
  turn.action = TurnAction::answer;
  turn.reply = kNotUnderstoodReply.in(turn.language);
  return turn;
}

Turn understood(Turn turn, const KbEntry& entry, const IntentChoice& choice,
                const DialogueState& before, const DialogueOptions& options,
                HandoffSignals signals) {
  const bool same_intent = entry.intent == before.active_intent;
  turn.intent = entry.intent;
  turn.confidence = choice.confidence;
  turn.tags.push_back("intent:" + entry.intent);
  if (choice.by_context) turn.tags.push_back("context");
  if (choice.slot_answer) turn.tags.push_back("slot_answer");
  if (!same_intent) {
    turn.state.active_intent = entry.intent;
    forget_awaited_slot(turn.state);
  }
  turn.state.low_confidence_streak = 0;
  const std::optional<Localized> problem = take_slots(turn, entry, before.awaited_slot);
  const bool awaited_still_missing = same_intent && !before.awaited_slot.empty() &&
                                     !turn.state.slots.contains(before.awaited_slot);
  if (awaited_still_missing) turn.state.slot_failures = incremented(turn.state.slot_failures);
  signals.low_confidence_streak = 0;
  signals.human_only_intent = entry.human_only;
  signals.failed_slot_attempts = turn.state.slot_failures;
  if (hand_off_if_due(turn, &entry, signals, options)) return turn;
  if (const SlotSpec* missing = first_missing_slot(entry, turn.state)) {
    ask_for_slot(turn, *missing, problem ? problem->in(turn.language) : std::string_view{});
  } else if (entry.action) {
    start_lookup(turn, entry);
  } else {
    answer_from_kb(turn, entry, slot_values(entry, turn));
  }
  return turn;
}

}  // namespace

std::string_view to_string(TurnAction action) {
  switch (action) {
    case TurnAction::answer:
      return "answer";
    case TurnAction::ask_slot:
      return "ask_slot";
    case TurnAction::lookup:
      return "lookup";
    case TurnAction::handoff:
      return "handoff";
  }
  return "unknown";
}

Turn respond(const KnowledgeBase& kb, const DialogueOptions& options, const TurnInput& input,
             const Classification& classification) {
  Turn turn = start_turn(input);
  const IntentChoice choice = choose_intent(kb, input.state, turn.customer_text, classification);
  HandoffSignals signals = signals_of(turn);
  signals.customer_asked = find_human_request(turn.customer_text).has_value();
  if (choice.entry == nullptr) {
    return not_understood(std::move(turn), kb, options, signals, choice.confidence);
  }
  return understood(std::move(turn), *choice.entry, choice, input.state, options, signals);
}

Turn complete_lookup(const KnowledgeBase& kb, const DialogueOptions& options, const Turn& pending,
                     const BackendResult& result) {
  SB_ASSERT(pending.action == TurnAction::lookup && pending.query.has_value());
  Turn turn = pending;
  turn.query.reset();
  HandoffSignals signals = signals_of(turn);
  const auto hand_off_unavailable = [&](const KbEntry* entry) {
    turn.tags.push_back("lookup:unavailable");
    signals.backend_unavailable = true;
    const bool handed_off = hand_off_if_due(turn, entry, signals, options);
    SB_ASSERT(handed_off);  // backend_unavailable always hands off
    return turn;
  };
  // The KB may have been replaced while the lookup was in flight; then nothing can phrase the
  // answer and a person takes over.
  const KbEntry* entry = kb.find(pending.intent);
  const SlotSpec* key = entry != nullptr ? entry->key_slot() : nullptr;
  if (key == nullptr) return hand_off_unavailable(entry);
  if (result) {
    turn.tags.push_back("lookup:found");
    TemplateValues values = slot_values(*entry, turn);
    for (const auto& [name, value] : result->fields) values[name] = value;
    answer_from_kb(turn, *entry, values);
    return turn;
  }
  switch (result.error().code) {
    case BackendErrorCode::unavailable:
      return hand_off_unavailable(entry);
    case BackendErrorCode::not_found:
      break;
  }
  // Not found: most likely a typo, so the number is asked for again (a failed attempt).
  turn.tags.push_back("lookup:not_found");
  turn.state.slots.erase(key->name);
  turn.state.slot_failures = incremented(turn.state.slot_failures);
  turn.state.unanswered_turns = incremented(turn.state.unanswered_turns);
  signals.failed_slot_attempts = turn.state.slot_failures;
  signals.unanswered_turns = turn.state.unanswered_turns;
  if (hand_off_if_due(turn, entry, signals, options)) return turn;
  const std::string not_found =
      fill_template(kNotFoundReply.in(turn.language), {{"key", pending.query->key}});
  turn.state.awaited_slot = key->name;
  ask_for_slot(turn, *key, not_found);
  return turn;
}

}  // namespace sb::bot
