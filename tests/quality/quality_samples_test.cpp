// No false alarms on polite sample replies (tests/data/sample_agent_replies.jsonl) in both
// languages, with order numbers, the hotline, clock times and policies that agree with the KB;
// the reply context built from a real conversation state; the violation counts for reports.

#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "runtime/quality/quality_projection.hpp"
#include "runtime/quality/reply_context.hpp"
#include "tests/quality/quality_test_support.hpp"

namespace sb::quality::testing {
namespace {

TEST(QualitySamples, NoFalseAlarmsOnTheSampleReplies) {
  const QualityMonitor monitor = shipped_monitor();
  std::ifstream in(source_path("tests/data/sample_agent_replies.jsonl"));
  std::map<std::string, std::vector<std::string>> conversations;
  std::size_t checked = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const auto sample = nlohmann::json::parse(line);
    auto r = reply(sample.at("text"), sample.at("intent"), sample.at("language"));
    auto& replies = conversations[sample.at("conversation").get<std::string>()];
    r.is_first_agent_reply = replies.empty();
    r.customer_waited = std::chrono::seconds(40);
    for (const auto& v : monitor.check_reply(r)) {
      ADD_FAILURE() << to_string(v.rule) << ": " << v.evidence << "\n  in: " << r.text;
    }
    replies.push_back(r.text);
    ++checked;
  }
  EXPECT_GE(checked, 20u);
  for (const auto& [id, replies] : conversations) {
    const ConversationEndContext end{id, "a-1", replies.front(), replies.back(), {}};
    for (const auto& v : monitor.check_conversation_end(end)) {
      ADD_FAILURE() << id << ": " << to_string(v.rule) << ": " << v.evidence;
    }
  }
}

TEST(QualitySamples, ReplyContextFromConversationState) {
  using namespace conversation;
  const Timestamp t0 = from_unix_ms(1'793'750'400'000);
  State s;
  s.phase = Phase::assigned;
  s.intent = "return_request";
  s.bot_context.language = 1;
  s.messages = {Message{"m-1", Author::customer, "", Channel::web, "退货", t0},
                Message{"m-1/bot", Author::bot, "", Channel::web, "好的", t0}};
  s.messages_total = 2;
  s.handoff = Handoff{Initiator::customer,          {HandoffReason::customer_asked}, "", {}, "",
                      t0 + std::chrono::seconds(30)};
  const AgentReplied replied{"a-1", "r-1", "您好", t0 + std::chrono::seconds(200)};
  const ReplyContext c = reply_context("conv-1", s, replied, "kb");
  EXPECT_TRUE(c.is_first_agent_reply);
  EXPECT_EQ(c.language, "zh");
  EXPECT_EQ(c.intent, "return_request");
  ASSERT_TRUE(c.customer_waited);
  EXPECT_EQ(*c.customer_waited, std::chrono::seconds(170)) << "waited since the handoff";

  s.messages.push_back(Message{"r-1", Author::agent, "a-1", Channel::web, "您好", replied.at});
  s.messages.push_back(Message{"m-2", Author::customer, "", Channel::web, "多久到账",
                               t0 + std::chrono::seconds(300)});
  s.messages_total = 4;
  const AgentReplied second{"a-1", "r-2", "1–3 个工作日", t0 + std::chrono::seconds(360)};
  const ReplyContext c2 = reply_context("conv-1", s, second, "");
  EXPECT_FALSE(c2.is_first_agent_reply);
  EXPECT_EQ(*c2.customer_waited, std::chrono::seconds(60));
  s.messages.push_back(Message{"r-2", Author::agent, "a-1", Channel::web, second.text, second.at});
  s.messages_total = 5;
  const ConversationEndContext end = end_context("conv-1", s, "a-1", second.at);
  EXPECT_EQ(end.first_agent_reply, std::optional<std::string>("您好"));
  EXPECT_EQ(end.last_agent_reply, std::optional<std::string>(second.text));
}

TEST(QualityProjection, CountsPerAgentAndRuleInTheWindow) {
  QualityProjection p;
  const Timestamp t0 = from_unix_ms(1'793'750'400'000);
  p.record({Rule::rudeness, "", "a-1", "c-1", t0});
  p.record({Rule::rudeness, "", "a-1", "c-2", t0 + std::chrono::minutes(10)});
  p.record({Rule::card_number, "", "a-2", "c-3", t0 + std::chrono::minutes(20)});
  p.record({Rule::rudeness, "", "a-1", "c-4", t0 + std::chrono::hours(5)});
  const auto all = p.counts(t0, t0 + std::chrono::hours(1), std::nullopt);
  EXPECT_EQ(all, (std::vector<ViolationCount>{{"a-1", Rule::rudeness, 2},
                                              {"a-2", Rule::card_number, 1}}));
  EXPECT_EQ(p.counts(t0, t0 + std::chrono::hours(6), std::string("a-1")),
            (std::vector<ViolationCount>{{"a-1", Rule::rudeness, 3}}));
  EXPECT_EQ(p.total(), 4u);
}

}  // namespace
}  // namespace sb::quality::testing
