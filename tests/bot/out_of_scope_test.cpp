// The out-of-scope examples: their file format, the shipped file, and what they do to the bot.
#include "runtime/bot/out_of_scope.hpp"

#include <gtest/gtest.h>

#include "runtime/bot/bot.hpp"
#include "tests/bot/shipped_files.hpp"

namespace sb::bot {
namespace {

TEST(OutOfScope, ParsesExamplesAsTheOutOfScopeClass) {
  const auto parsed = parse_out_of_scope(
      "# comment lines are skipped\n"
      "{\"lang\":\"zh\",\"text\":\"今天天气怎么样\"}\n"
      "\n"
      "{\"lang\":\"en\",\"text\":\"tell me a joke\"}\n");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[0].text, "今天天气怎么样");
  EXPECT_EQ((*parsed)[1].text, "tell me a joke");
  for (const auto& example : *parsed) EXPECT_EQ(example.intent, kOutOfScopeIntent);
}

TEST(OutOfScope, NamesTheBadLine) {
  const auto expect_error_on_line = [](std::string_view jsonl, std::size_t line) {
    const auto parsed = parse_out_of_scope(jsonl);
    ASSERT_FALSE(parsed.has_value()) << jsonl;
    EXPECT_EQ(parsed.error().line, line) << parsed.error().to_string();
  };
  const std::string good = "{\"lang\":\"en\",\"text\":\"hi\"}\n";
  expect_error_on_line(good + "{\"lang\":\"fr\",\"text\":\"bonjour\"}", 2);
  expect_error_on_line(good + good + "{\"lang\":\"en\",\"text\":\"\"}", 3);
  expect_error_on_line("{\"lang\":\"en\"}", 1);
  expect_error_on_line("{\"lang\":\"en\",\"text\":\"hi\",\"intent\":\"greeting\"}", 1);
  expect_error_on_line("{\"lang\":\"en\",\"text\":" + std::string(1, '"') +
                           std::string(kOutOfScopeTextBytesMax + 1, 'a') + "\"}",
                       1);
  expect_error_on_line(good + "not json", 2);
}

TEST(OutOfScope, ShippedFileParsesAndIsCompiledIn) {
  auto text = read_text_file(testing::source_path("config/kb/out_of_scope.jsonl"));
  ASSERT_TRUE(text.has_value()) << text.error().to_string();
  const auto parsed = parse_out_of_scope(*text);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_GE(parsed->size(), 100u);
  // The copy compiled into the library is the same file.
  ASSERT_EQ(shipped_out_of_scope().size(), parsed->size());
  EXPECT_EQ(shipped_out_of_scope().front().text, parsed->front().text);
  EXPECT_EQ(shipped_out_of_scope().back().text, parsed->back().text);
}

TEST(OutOfScope, ShippedBotLeavesOffTopicQuestionsUnanswered) {
  const Bot& bot = testing::shipped_or_test_bot();
  // Not among the shipped examples: the class generalises to other off-topic questions.
  for (const char* text : {"周末去哪里钓鱼比较好", "how do I bake sourdough bread"}) {
    const Turn turn = bot.respond(TurnInput{text, Tier::regular, Channel::web, {}});
    EXPECT_TRUE(turn.intent.empty()) << text << " -> " << turn.intent;
  }
  // In-scope questions are still answered.
  const Turn turn = bot.respond(TurnInput{"手表电池不够用", Tier::regular, Channel::web, {}});
  EXPECT_EQ(turn.intent, "battery_life");
}

}  // namespace
}  // namespace sb::bot
