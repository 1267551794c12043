#include "runtime/bot/training_set.hpp"

namespace sb::bot {

std::vector<LabeledUtterance> to_training_set(const KnowledgeBase& kb) {
  std::vector<LabeledUtterance> out;
  for (const auto& entry : kb.entries) {
    for (const auto* examples : {&entry.examples_zh, &entry.examples_en}) {
      for (const auto& text : *examples) out.push_back({text, entry.intent});
    }
  }
  return out;
}

}  // namespace sb::bot
