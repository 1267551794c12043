#pragma once
// Which KB entry a message is about, given the classifier's ranking and the conversation so far:
// the awaited slot's value, the follow-ups of the active intent, or a fresh intent.

#include <cstddef>
#include <string_view>
#include <vector>

#include "runtime/bot/dialogue_state.hpp"
#include "runtime/bot/intent_classifier.hpp"
#include "runtime/bot/knowledge_base.hpp"

namespace sb::bot {

// Added to the confidence of the active intent and its follow-ups: "多久到账" right after
// "退款进度" is about the refund even when the classifier alone is unsure. Small, so it only tips a
// near-threshold guess and never outvotes a clear new topic.
inline constexpr double kFollowUpBonus = 0.15;
// A message that has at most this many words besides a value of the awaited slot answers the
// prompt ("我的订单号是SB2026111101") and is not classified as a new question.
inline constexpr std::size_t kSlotAnswerResidueTokensMax = 3;

struct Classification {
  std::vector<IntentScore> ranked;  // best first (IntentClassifier::classify)
  double oos_threshold = 0;         // a confidence under it is "not understood"
};

struct IntentChoice {
  const KbEntry* entry = nullptr;  // nullptr: not understood
  double confidence = 0;           // the classifier's, or 1 when the awaited slot's value decided
  bool slot_answer = false;        // the message answers the awaited slot (possibly badly)
  bool by_context = false;         // understood only thanks to kFollowUpBonus
};

IntentChoice choose_intent(const KnowledgeBase& kb, const DialogueState& state,
                           std::string_view text, const Classification& classification);

}  // namespace sb::bot
