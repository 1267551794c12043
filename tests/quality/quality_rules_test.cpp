// Each rule with positive and negative examples in English and Chinese.

#include <gtest/gtest.h>

#include "runtime/quality/personal_data.hpp"
#include "runtime/quality/quantities.hpp"
#include "tests/quality/quality_test_support.hpp"

namespace sb::quality::testing {
namespace {

std::vector<Rule> rules_of(const std::vector<Violation>& violations) {
  std::vector<Rule> out;
  for (const auto& v : violations) out.push_back(v.rule);
  return out;
}

std::vector<Rule> check(const std::string& text, const std::string& intent = "") {
  static const QualityMonitor monitor = shipped_monitor();
  return rules_of(monitor.check_reply(reply(text, intent)));
}

using Rules = std::vector<Rule>;

TEST(QualityRules, ForbiddenPhrases) {
  EXPECT_EQ(check("You can pay me directly by bank transfer."), Rules{Rule::forbidden_phrase});
  EXPECT_EQ(check("您可以加我微信，私下转账更快"), Rules{Rule::forbidden_phrase});
  EXPECT_EQ(check("Please pay at checkout in the app."), Rules{});
  EXPECT_EQ(check("请在 App 内完成付款，我们不会私下收款以外的任何费用"), Rules{});
}

TEST(QualityRules, Rudeness) {
  EXPECT_EQ(check("That's NOT my problem."), Rules{Rule::rudeness});
  EXPECT_EQ(check("I don’t care what the courier said."), Rules{Rule::rudeness});
  EXPECT_EQ(check("你懂不懂啊，订单详情里都写了"), Rules{Rule::rudeness});
  EXPECT_EQ(check("爱买不买"), Rules{Rule::rudeness});
  EXPECT_EQ(check("Sorry for the trouble, the dumbbell set ships tomorrow."), Rules{});
  EXPECT_EQ(check("如果设备有病毒提示，请先升级固件"), Rules{});
}

TEST(QualityRules, CardNumbersAreLuhnCheckedAndMasked) {
  static const QualityMonitor monitor = shipped_monitor();
  const auto v = monitor.check_reply(reply("Your card 4111 1111 1111 1111 was charged."));
  ASSERT_EQ(rules_of(v), Rules{Rule::card_number});
  EXPECT_NE(v[0].evidence.find("****1111"), std::string::npos);
  EXPECT_EQ(v[0].evidence.find("4111 1111"), std::string::npos);
  EXPECT_EQ(v[0].agent_id, "a-1");
  EXPECT_EQ(check("您尾号的银行卡号是6222020200112233446，已退款"), Rules{Rule::card_number});
  EXPECT_EQ(check("Card 4111 1111 1111 1112 is not a valid number."), Rules{});
  EXPECT_EQ(check("卡号6222020200112233445无效"), Rules{});
  EXPECT_TRUE(luhn_valid("79927398713"));
  EXPECT_FALSE(luhn_valid("79927398710"));
}

TEST(QualityRules, ChineseIdNumbersAreChecksummed) {
  static const QualityMonitor monitor = shipped_monitor();
  const auto v = monitor.check_reply(reply("您的身份证号 11010519491231002X 已核实"));
  ASSERT_EQ(rules_of(v), Rules{Rule::national_id});
  EXPECT_NE(v[0].evidence.find("****002X"), std::string::npos);
  EXPECT_EQ(v[0].evidence.find("110105"), std::string::npos);
  EXPECT_EQ(check("Your ID 440304199001011233 is verified."), Rules{Rule::national_id});
  EXPECT_EQ(check("身份证号 110105194912310021 校验失败"), Rules{});  // wrong check digit
  EXPECT_TRUE(chinese_id_valid("11010519491231002X"));
  EXPECT_FALSE(chinese_id_valid("110105194913310021"));
}

TEST(QualityRules, PhoneNumbers) {
  EXPECT_EQ(check("We'll call you back on +86 138 0013 8000."), Rules{Rule::phone_number});
  EXPECT_EQ(check("Our UK office: +44 20 7946 0958"), Rules{Rule::phone_number});
  EXPECT_EQ(check("您的手机号13800138000已登记"), Rules{Rule::phone_number});
  EXPECT_EQ(check("收货电话 139-1234-5678 已更新"), Rules{Rule::phone_number});
  EXPECT_EQ(check("Call our hotline 400-820-2026 any day."), Rules{});
  EXPECT_EQ(check("订单 SB2026111105 已发货，运单号 SF1234567890123"), Rules{});
  EXPECT_EQ(check("编号 12345678901 不是手机号"), Rules{});
}

TEST(QualityRules, SlowFirstResponseAndSlowReply) {
  static const QualityMonitor monitor = shipped_monitor();
  auto r = reply("Hello, sorry for the wait!");
  r.is_first_agent_reply = true;
  r.customer_waited = std::chrono::minutes(5);
  EXPECT_EQ(rules_of(monitor.check_reply(r)), Rules{Rule::slow_first_response});
  r.customer_waited = std::chrono::minutes(2);
  EXPECT_EQ(rules_of(monitor.check_reply(r)), Rules{});
  auto zh = reply("您好，已经帮您查到了", "", "zh");
  zh.customer_waited = std::chrono::minutes(3);
  EXPECT_EQ(rules_of(monitor.check_reply(zh)), Rules{Rule::slow_reply});
  zh.customer_waited = std::chrono::seconds(30);
  EXPECT_EQ(rules_of(monitor.check_reply(zh)), Rules{});
  zh.customer_waited.reset();  // the agent wrote unprompted
  EXPECT_EQ(rules_of(monitor.check_reply(zh)), Rules{});
}

TEST(QualityRules, ReplyContradictingTheKnowledgeBase) {
  EXPECT_EQ(check("You can return it within 30 days, no questions asked.", "return_request"),
            Rules{Rule::kb_contradiction});
  EXPECT_EQ(check("签收后 30 天内都可以无理由退货", "return_request"),
            Rules{Rule::kb_contradiction});
  EXPECT_EQ(check("Refunds reach bank cards in 10 business days.", "refund_timing"),
            Rules{Rule::kb_contradiction});
  EXPECT_EQ(check("Returns are accepted within 7 days of delivery.", "return_request"), Rules{});
  EXPECT_EQ(check("签收后 7 天内可以无理由退货", "return_request"), Rules{});
  EXPECT_EQ(check("Bank card refunds take 3–7 business days.", "refund_timing"), Rules{});
  EXPECT_EQ(check("You can return it within 30 days."), Rules{}) << "no KB answer, no check";
  static const QualityMonitor monitor = shipped_monitor();
  const auto v = monitor.check_reply(reply("within a 30-day window", "return_request"));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_NE(v[0].evidence.find("30"), std::string::npos);
  EXPECT_NE(v[0].evidence.find("return_request"), std::string::npos);
}

TEST(QualityRules, QuantitiesIgnoreTimesDatesAndModels) {
  EXPECT_TRUE(extract_quantities("Orders paid before 16:00 ship on 11 月 11 日, 2026 年").empty());
  EXPECT_TRUE(extract_quantities("The S3 and P12 models, order SB2026111105").empty());
  const auto q = extract_quantities("1–3 个工作日, ¥1,000, 7-day returns, 30%");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(q[0].unit, Unit::business_day);
  EXPECT_EQ(q[0].high, 3);
  EXPECT_EQ(q[1].unit, Unit::yuan);
  EXPECT_EQ(q[1].low, 1000);
  EXPECT_EQ(q[2].unit, Unit::day);
  EXPECT_EQ(q[3].unit, Unit::percent);
}

TEST(QualityRules, GreetingAndClosing) {
  static const QualityMonitor monitor = shipped_monitor();
  ConversationEndContext end{"conv-1", "a-1", "I checked your order.", "It ships tomorrow.", {}};
  EXPECT_EQ(rules_of(monitor.check_conversation_end(end)),
            (Rules{Rule::missing_greeting, Rule::missing_closing}));
  end.first_agent_reply = "Hi! I checked your order.";
  end.last_agent_reply = "It ships tomorrow. Anything else I can help with?";
  EXPECT_EQ(rules_of(monitor.check_conversation_end(end)), Rules{});
  ConversationEndContext zh{"conv-2", "a-2", "订单已经发货了", "明天送达", {}};
  EXPECT_EQ(rules_of(monitor.check_conversation_end(zh)),
            (Rules{Rule::missing_greeting, Rule::missing_closing}));
  zh.first_agent_reply = "您好，订单已经发货了";
  zh.last_agent_reply = "明天送达，祝您生活愉快！";
  EXPECT_EQ(rules_of(monitor.check_conversation_end(zh)), Rules{});
  zh.last_agent_reply.reset();  // the agent never wrote
  EXPECT_EQ(rules_of(monitor.check_conversation_end(zh)), Rules{});
}

TEST(QualityConfig, BadFilesAreRejectedWithTheField) {
  EXPECT_FALSE(parse_quality_config("[]"));
  auto bad = parse_quality_config(R"({"rude_phrases": {"fr": ["idiot"]}})");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("rude_phrases"), std::string::npos);
  EXPECT_FALSE(parse_quality_config(R"({"thresholds": {"reply_ms": -1}})"));
  auto ok = parse_quality_config(R"({"allowed_numbers": ["400-820-2026"]})");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->allowed_numbers, std::vector<std::string>{"4008202026"});
}

}  // namespace
}  // namespace sb::quality::testing
