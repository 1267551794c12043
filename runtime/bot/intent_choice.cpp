#include "runtime/bot/intent_choice.hpp"

#include <algorithm>

#include "runtime/bot/slot_extractor.hpp"

namespace sb::bot {
namespace {

bool in_context(const KbEntry* active, std::string_view intent) {
  if (active == nullptr) return false;
  return active->intent == intent || std::find(active->follow_up.begin(), active->follow_up.end(),
                                               intent) != active->follow_up.end();
}

}  // namespace

IntentChoice choose_intent(const KnowledgeBase& kb, const DialogueState& state,
                           std::string_view text, const Classification& classification) {
  const KbEntry* active = kb.find(state.active_intent);
  const SlotSpec* awaited = active != nullptr && !state.awaited_slot.empty()
                                ? active->find_slot(state.awaited_slot)
                                : nullptr;
  if (awaited != nullptr) {
    const SlotExtraction value = extract_slot(awaited->type, text, true);
    if (value.status != SlotStatus::absent &&
        residue_tokens(text, value) <= kSlotAnswerResidueTokensMax) {
      return {active, 1.0, true, false};
    }
  }
  // Intents the KB does not know (the classifier's out-of-scope class, or a KB edited since the
  // classifier was trained) are never chosen.
  const KbEntry* best = nullptr;
  double best_score = 0;
  double best_confidence = 0;
  for (const auto& candidate : classification.ranked) {
    const KbEntry* entry = kb.find(candidate.intent);
    if (entry == nullptr) continue;
    const double score =
        candidate.confidence + (in_context(active, candidate.intent) ? kFollowUpBonus : 0.0);
    if (best == nullptr || score > best_score) {
      best = entry;
      best_score = score;
      best_confidence = candidate.confidence;
    }
  }
  if (best != nullptr && best_score >= classification.oos_threshold) {
    return {best, best_confidence, false, best_confidence < classification.oos_threshold};
  }
  const double top = classification.ranked.empty() ? 0.0 : classification.ranked.front().confidence;
  // Not a question the bot knows, while it waits for a slot: an answer without a usable value.
  if (awaited != nullptr) return {active, top, true, false};
  return {nullptr, top, false, false};
}

}  // namespace sb::bot
