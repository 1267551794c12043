#pragma once
// The classifier's training data from the knowledge base: every example in both languages.

#include <vector>

#include "runtime/bot/intent_classifier.hpp"
#include "runtime/bot/knowledge_base.hpp"

namespace sb::bot {

// Human-only intents are included: the bot must recognise a complaint to hand it over.
std::vector<LabeledUtterance> to_training_set(const KnowledgeBase& kb);

}  // namespace sb::bot
