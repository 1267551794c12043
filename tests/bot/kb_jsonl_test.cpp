#include "runtime/bot/kb_jsonl.hpp"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "tests/bot/test_kb.hpp"

namespace sb::bot {
namespace {

using testing::kTestKb;

// A valid one-entry line with `patch` applied to its JSON text (find → replace).
std::string entry_line(std::string_view find = {}, std::string_view replace = {}) {
  std::string line =
      R"({"intent":"order_status","skill":"orders","human_only":false,"priority":"normal",)"
      R"("examples":{"zh":["我的订单到哪了"],"en":["where is my order"]},)"
      R"("answer":{"zh":"订单 {order_no}：{status_text}","en":"Order {order_no}: {status_text}"},)"
      R"("slots":[{"name":"order_no","type":"order_number","required":true,)"
      R"("prompt":{"zh":"请提供订单号","en":"Your order number?"}}],"action":"order_status"})";
  if (!find.empty()) {
    const auto at = line.find(find);
    EXPECT_NE(at, std::string::npos) << find;
    line.replace(at, find.size(), replace);
  }
  return line;
}

// The error for a file whose first line is valid and whose line 3 is `bad` (line 2 is blank).
KbError error_on_line_3(const std::string& bad) {
  const std::string other = entry_line(R"("intent":"order_status")", R"("intent":"other")");
  auto kb = parse_knowledge_base(other + "\n\n" + bad + "\n");
  EXPECT_FALSE(kb.has_value());
  return kb ? KbError{} : kb.error();
}

TEST(KbJsonl, ParsesTheTestKb) {
  auto kb = parse_knowledge_base(kTestKb);
  ASSERT_TRUE(kb) << kb.error().to_string();
  ASSERT_EQ(kb->entries.size(), 7u);
  const KbEntry* refund = kb->find("refund_status");
  ASSERT_NE(refund, nullptr);
  EXPECT_EQ(refund->skill, Skill::returns_refunds);
  EXPECT_EQ(refund->action, BackendAction::refund_status);
  EXPECT_EQ(refund->follow_up, std::vector<std::string>{"refund_timing"});
  ASSERT_EQ(refund->slots.size(), 1u);
  EXPECT_EQ(refund->slots[0].type, SlotType::order_number);
  EXPECT_TRUE(kb->find("complaint")->human_only);
  EXPECT_EQ(kb->find("complaint")->priority, Priority::high);
  EXPECT_EQ(kb->find("nope"), nullptr);
}

TEST(KbJsonl, WritesBackWhatItRead) {
  auto kb = parse_knowledge_base(kTestKb);
  ASSERT_TRUE(kb);
  const std::string text = to_jsonl(*kb);
  auto again = parse_knowledge_base(text);
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_EQ(*again, *kb);
  EXPECT_EQ(to_jsonl(*again), text);
}

TEST(KbJsonl, AcceptsCrLfLineEnds) {
  auto kb = parse_knowledge_base(entry_line() + "\r\n");
  ASSERT_TRUE(kb) << kb.error().to_string();
  EXPECT_EQ(kb->entries.size(), 1u);
}

struct BadLine {
  std::string name;
  std::string line;
  std::string message_part;
};

void PrintTo(const BadLine& bad, std::ostream* out) { *out << bad.name; }

class KbImportError : public ::testing::TestWithParam<BadLine> {};

TEST_P(KbImportError, NamesLineAndProblem) {
  const KbError error = error_on_line_3(GetParam().line);
  EXPECT_EQ(error.line, 3u) << error.to_string();
  EXPECT_NE(error.message.find(GetParam().message_part), std::string::npos) << error.to_string();
  EXPECT_EQ(error.to_string().rfind("line 3: ", 0), 0u);
}

INSTANTIATE_TEST_SUITE_P(
    EveryProblem, KbImportError,
    ::testing::Values(
        BadLine{"bad_json", R"({"intent": "x",)", "not valid JSON"},
        BadLine{"not_object", R"(["intent"])", "not a JSON object"},
        BadLine{
            "missing_answer",
            entry_line(
                R"("answer":{"zh":"订单 {order_no}：{status_text}","en":"Order {order_no}: {status_text}"},)",
                ""),
            "missing field \"answer\""},
        BadLine{"missing_intent", entry_line(R"("intent":"order_status",)", ""),
                "missing field \"intent\""},
        BadLine{"wrong_type_human_only",
                entry_line(R"("human_only":false)", R"("human_only":"no")"),
                "field \"human_only\" must be true or false"},
        BadLine{"wrong_type_examples", entry_line(R"(["我的订单到哪了"])", R"("我的订单到哪了")"),
                "field \"zh\" must be an array of strings"},
        BadLine{"answer_missing_language",
                entry_line(R"(,"en":"Order {order_no}: {status_text}")", ""),
                "field \"answer\" needs a non-empty \"en\" text"},
        BadLine{"duplicate_intent", entry_line(R"("intent":"order_status")", R"("intent":"other")"),
                "duplicate intent \"other\" (first on line 1)"},
        BadLine{"unknown_slot_type", entry_line(R"("type":"order_number")", R"("type":"zip_code")"),
                "unknown type \"zip_code\""},
        BadLine{"unknown_skill", entry_line(R"("skill":"orders")", R"("skill":"sales")"),
                "unknown skill \"sales\""},
        BadLine{"unknown_action",
                entry_line(R"("action":"order_status")", R"("action":"cancel_order")"),
                "unknown action \"cancel_order\""},
        BadLine{"unknown_placeholder", entry_line(R"(：{status_text}")", R"(：{colour}")"),
                "answer.zh placeholder {colour} names no slot or backend field"},
        BadLine{"backend_field_of_other_action",
                entry_line(R"(：{status_text}")", R"(：{carrier}")"), "placeholder {carrier}"},
        BadLine{"no_examples", entry_line(R"(["where is my order"])", "[]"),
                "examples.en needs at least 1 example"},
        BadLine{"invalid_utf8", entry_line("我的订单到哪了", "\xE6\x88"), "not valid UTF-8"},
        BadLine{"not_snake_case",
                entry_line(R"("intent":"order_status")", R"("intent":"Order Status")"),
                "snake_case"},
        BadLine{"unknown_field", entry_line(R"("human_only")", R"("human_onyl")"),
                "unknown field \"human_onyl\""},
        BadLine{"action_without_key_slot",
                entry_line(R"("action":"order_status")", R"("action":"ticket_status")"),
                "needs a required slot of type ticket_id"},
        BadLine{"unknown_follow_up",
                entry_line(R"("action":"order_status")",
                           R"("action":"order_status","follow_up":["nope"])"),
                "follow_up names unknown intent \"nope\""},
        BadLine{
            "duplicate_slot",
            entry_line(
                R"("slots":[)",
                R"("slots":[{"name":"order_no","type":"phone","required":false,"prompt":{"zh":"a","en":"b"}},)"),
            "duplicate slot \"order_no\""}),
    [](const ::testing::TestParamInfo<BadLine>& info) { return info.param.name; });

TEST(KbJsonl, SlotsMayBeLeftOut) {
  const std::string line =
      R"({"intent":"greeting","skill":"general","human_only":false,"priority":"low",)"
      R"("examples":{"zh":["你好"],"en":["hello"]},"answer":{"zh":"您好","en":"Hello"}})";
  auto kb = parse_knowledge_base(line);
  ASSERT_TRUE(kb) << kb.error().to_string();
  EXPECT_TRUE(kb->entries[0].slots.empty());
}

TEST(KbJsonl, ShippedKbLoadsWhenPresent) {
  const std::string path = std::string(SB_SOURCE_DIR) + "/config/kb/default_kb.jsonl";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not written yet";
  auto kb = load_knowledge_base(path);
  ASSERT_TRUE(kb) << kb.error().to_string();
  EXPECT_GT(kb->entries.size(), 10u);
  auto again = parse_knowledge_base(to_jsonl(*kb));
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_EQ(*again, *kb);
}

TEST(KbJsonl, FailedImportReturnsNoKb) {
  auto kb = parse_knowledge_base(std::string(kTestKb) + "{broken\n");
  ASSERT_FALSE(kb.has_value());
  EXPECT_EQ(kb.error().line, 10u);  // 2 header lines + 7 entries
}

TEST(KbJsonl, EmptyFileIsAnError) {
  auto kb = parse_knowledge_base("# nothing here\n\n");
  ASSERT_FALSE(kb.has_value());
  EXPECT_EQ(kb.error().line, 0u);
}

TEST(KbJsonl, MissingFileIsALineZeroError) {
  auto kb = load_knowledge_base("/nonexistent/kb.jsonl");
  ASSERT_FALSE(kb.has_value());
  EXPECT_EQ(kb.error().line, 0u);
  EXPECT_NE(kb.error().message.find("cannot open"), std::string::npos);
}

TEST(KbJsonl, OverlongTextIsRejected) {
  const std::string long_answer(kKbTextBytesMax + 1, 'x');
  const KbError error = error_on_line_3(
      entry_line(R"("Order {order_no}: {status_text}")", "\"" + long_answer + "\""));
  EXPECT_NE(error.message.find("answer.en is"), std::string::npos) << error.to_string();
}

}  // namespace
}  // namespace sb::bot
