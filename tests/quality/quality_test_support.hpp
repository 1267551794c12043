#pragma once
// The shipped rules and knowledge-base answers for the quality tests.

#include <fstream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "runtime/quality/quality_monitor.hpp"

namespace sb::quality::testing {

inline std::string source_path(const std::string& relative) {
  return std::string(SB_SOURCE_DIR) + "/" + relative;
}

inline QualityMonitor shipped_monitor() {
  auto config = load_quality_config(source_path("config/quality/rules.json"));
  if (!config) throw std::runtime_error(config.error());
  return QualityMonitor(*config);
}

// intent -> the KB answer in both languages (the rule accepts either or both).
inline const std::map<std::string, std::string>& kb_answers() {
  static const std::map<std::string, std::string> answers = [] {
    std::map<std::string, std::string> out;
    std::ifstream in(source_path("config/kb/default_kb.jsonl"));
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      const auto entry = nlohmann::json::parse(line);
      const auto& answer = entry.at("answer");
      out[entry.at("intent").get<std::string>()] =
          answer.value("en", "") + "\n" + answer.value("zh", "");
    }
    return out;
  }();
  return answers;
}

inline ReplyContext reply(std::string text, std::string intent = "", std::string language = "en") {
  ReplyContext r;
  r.conversation_id = "conv-1";
  r.agent_id = "a-1";
  r.text = std::move(text);
  r.language = std::move(language);
  if (!intent.empty()) {
    r.kb_answer_text = kb_answers().at(intent);
    r.intent = std::move(intent);
  }
  r.at = from_unix_ms(1'793'750'400'000);
  return r;
}

}  // namespace sb::quality::testing
