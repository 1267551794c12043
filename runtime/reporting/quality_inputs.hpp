#pragma once
// What the quality monitor is configured with when reports are built: the rules file and, for
// the KB-contradiction rule, each intent's knowledge-base answer. Both are optional so a report
// never fails for want of them: a missing rules file leaves the rules that need no configuration
// (personal data, reply times), a missing KB skips the contradiction rule; each says so in
// `warnings`.

#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/quality/quality_config.hpp"

namespace sb::reporting {

struct QualityFiles {
  std::string rules = "config/quality/rules.json";
  std::string knowledge_base = "config/kb/default_kb.jsonl";
};

struct QualityInputs {
  quality::QualityConfig config;
  // intent -> its answer in both languages (replies mix them, so both sets of figures count).
  std::unordered_map<std::string, std::string> kb_answers;
  std::vector<std::string> warnings;
};

QualityInputs load_quality_inputs(const QualityFiles& files);

}  // namespace sb::reporting
