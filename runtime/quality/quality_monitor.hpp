#pragma once
// Checks every agent reply as it happens, and each conversation as it ends, against the quality
// rules. Pure: the caller supplies the reply, how long the customer waited and the knowledge-base
// answer for the conversation's intent (so this library does not depend on the bot).
//
// Usage (ConversationChecker does this for the quality monitor entity, actors/quality, which
// records each violation as a ViolationDetected event):
//   QualityMonitor monitor(*load_quality_config("config/quality/rules.json"));
//   for (auto& v : monitor.check_reply(reply_context(id, state_before, replied, kb_answer)))
//     record(v);

#include <optional>
#include <string>
#include <vector>

#include "runtime/quality/phrase_matcher.hpp"
#include "runtime/quality/quality_config.hpp"
#include "runtime/quality/violation.hpp"

namespace sb::quality {

struct ReplyContext {
  std::string conversation_id;
  std::string agent_id;
  std::string text;
  std::string language;        // "zh", "en" or empty; informational, every list is checked
  std::string intent;          // the conversation's intent, empty when unknown
  std::string kb_answer_text;  // the KB answer for `intent`; empty skips the contradiction rule
  bool is_first_agent_reply = false;
  // Since the oldest customer message this reply answers (for the first reply: since the
  // handoff); nullopt when the agent writes unprompted.
  std::optional<Duration> customer_waited;
  Timestamp at;
};

struct ConversationEndContext {
  std::string conversation_id;
  std::string agent_id;
  std::optional<std::string> first_agent_reply;  // nullopt: unknown (skips the greeting rule)
  std::optional<std::string> last_agent_reply;   // nullopt: the agent never wrote
  Timestamp at;
};

class QualityMonitor {
 public:
  explicit QualityMonitor(QualityConfig config);

  std::vector<Violation> check_reply(const ReplyContext& reply) const;
  std::vector<Violation> check_conversation_end(const ConversationEndContext& end) const;

  const QualityConfig& config() const { return config_; }

 private:
  QualityConfig config_;
  PhraseMatcher forbidden_;
  PhraseMatcher rude_;
  PhraseMatcher greetings_;
  PhraseMatcher closings_;
};

}  // namespace sb::quality
