#include "runtime/reporting/quality_inputs.hpp"

#include "runtime/bot/kb_jsonl.hpp"

namespace sb::reporting {

QualityInputs load_quality_inputs(const QualityFiles& files) {
  QualityInputs inputs;
  if (auto config = quality::load_quality_config(files.rules)) {
    inputs.config = std::move(*config);
  } else {
    inputs.warnings.push_back("quality rules " + files.rules + ": " + config.error() +
                              " (only the rules that need no configuration are checked)");
  }
  if (auto kb = bot::load_knowledge_base(files.knowledge_base)) {
    for (const auto& entry : kb->entries) {
      inputs.kb_answers[entry.intent] = entry.answer.zh + "\n" + entry.answer.en;
    }
  } else {
    inputs.warnings.push_back("knowledge base " + files.knowledge_base + ": " +
                              kb.error().to_string() + " (the kb_contradiction rule is skipped)");
  }
  return inputs;
}

}  // namespace sb::reporting
