#include "runtime/quality/quality_monitor.hpp"

#include <cstdio>

#include "runtime/quality/personal_data.hpp"
#include "runtime/quality/quantities.hpp"

namespace sb::quality {
namespace {

std::string seconds(Duration d) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f s", static_cast<double>(d.count()) / 1000.0);
  return buffer;
}

}  // namespace

QualityMonitor::QualityMonitor(QualityConfig config)
    : config_(std::move(config)),
      forbidden_(config_.forbidden.all()),
      rude_(config_.rude.all()),
      greetings_(config_.greetings.all()),
      closings_(config_.closings.all()) {}

std::vector<Violation> QualityMonitor::check_reply(const ReplyContext& r) const {
  std::vector<Violation> out;
  auto add = [&](Rule rule, std::string evidence) {
    out.push_back(Violation{rule, std::move(evidence), r.agent_id, r.conversation_id, r.at});
  };
  if (auto phrase = forbidden_.find(r.text)) add(Rule::forbidden_phrase, "\"" + *phrase + "\"");
  if (auto phrase = rude_.find(r.text)) add(Rule::rudeness, "\"" + *phrase + "\"");
  for (const auto& found : find_personal_data(r.text, config_.allowed_numbers)) {
    add(found.rule, std::string(to_string(found.rule)) + " " + found.masked + " in the reply");
  }
  if (r.customer_waited) {
    const Duration limit = r.is_first_agent_reply ? config_.first_response_max : config_.reply_max;
    if (*r.customer_waited > limit) {
      add(r.is_first_agent_reply ? Rule::slow_first_response : Rule::slow_reply,
          "the customer waited " + seconds(*r.customer_waited) + "; the limit is " +
              seconds(limit));
    }
  }
  if (auto contradiction = find_kb_contradiction(r.text, r.kb_answer_text)) {
    add(Rule::kb_contradiction,
        (r.intent.empty() ? std::string() : "intent " + r.intent + ": ") + *contradiction);
  }
  return out;
}

std::vector<Violation> QualityMonitor::check_conversation_end(
    const ConversationEndContext& e) const {
  std::vector<Violation> out;
  if (!e.last_agent_reply) return out;  // no agent spoke: nothing to greet or close
  auto add = [&](Rule rule, std::string evidence) {
    out.push_back(Violation{rule, std::move(evidence), e.agent_id, e.conversation_id, e.at});
  };
  if (e.first_agent_reply && !greetings_.empty() && !greetings_.find(*e.first_agent_reply)) {
    add(Rule::missing_greeting, "the first reply has no greeting");
  }
  if (!closings_.empty() && !closings_.find(*e.last_agent_reply)) {
    add(Rule::missing_closing, "the last reply has no closing");
  }
  return out;
}

}  // namespace sb::quality
