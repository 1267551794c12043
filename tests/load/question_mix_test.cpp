// The question mix on the shipped knowledge base: shares of human requests and out-of-scope lines
// as configured, both languages, only intents the bot answers itself, every KB question one of
// the KB's examples; and the channel styles (phone without punctuation, email with a greeting).

#include "runtime/load/question_mix.hpp"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "runtime/bot/kb_jsonl.hpp"

namespace sb::load {
namespace {

const std::string kKb = std::string(SB_SOURCE_DIR) + "/config/kb/default_kb.jsonl";

TEST(QuestionMix, SharesLanguagesAndLabelsFollowTheKnowledgeBase) {
  auto kb = bot::load_knowledge_base(kKb);
  ASSERT_TRUE(kb);
  QuestionMix mix(*kb);
  std::map<std::string, const bot::KbEntry*> entries;
  for (const auto& entry : kb->entries) entries[entry.intent] = &entry;

  std::mt19937_64 rng(7);
  constexpr int kSamples = 20'000;
  const QuestionShares shares{0.10, 0.20, 0.70};
  std::map<QuestionKind, int> kinds;
  int zh = 0;
  std::set<std::string> intents;
  for (int i = 0; i < kSamples; ++i) {
    const auto q = mix.sample(rng, shares);
    ++kinds[q.kind];
    zh += q.zh ? 1 : 0;
    ASSERT_FALSE(q.text.empty());
    if (q.kind != QuestionKind::knowledge_base) continue;
    intents.insert(q.label);
    const auto* entry = entries.at(q.label);
    EXPECT_FALSE(entry->human_only) << q.label;
    const auto& examples = q.zh ? entry->examples_zh : entry->examples_en;
    EXPECT_NE(std::find(examples.begin(), examples.end(), q.text), examples.end()) << q.text;
  }
  EXPECT_NEAR(kinds[QuestionKind::human_request] / double(kSamples), 0.10, 0.01);
  EXPECT_NEAR(kinds[QuestionKind::out_of_scope] / double(kSamples), 0.20, 0.01);
  EXPECT_NEAR(zh / double(kSamples), 0.70, 0.015);
  // Nearly every answerable intent shows up in 14,000 KB questions.
  EXPECT_GE(intents.size(), mix.intents() - 1);
  EXPECT_EQ(intents.count("ask_human"), 0u);
  EXPECT_EQ(intents.count("complaint_agent"), 0u);  // human_only
}

TEST(QuestionMix, HumanRequestsIncludeTheClassicPhrases) {
  auto mix = QuestionMix::from_file(kKb);
  ASSERT_TRUE(mix) << mix.error();
  std::mt19937_64 rng(1);
  std::set<std::string> seen;
  for (int i = 0; i < 5000; ++i) seen.insert(mix->sample(rng, {1.0, 0.0, 0.5}).text);
  EXPECT_TRUE(seen.count("转人工"));
  EXPECT_TRUE(seen.count("human please"));
}

TEST(QuestionMix, MissingFileIsAnError) {
  EXPECT_FALSE(QuestionMix::from_file("/nonexistent/kb.jsonl"));
}

TEST(ChannelStyle, PhoneDropsPunctuationEmailAddsGreeting) {
  EXPECT_EQ(styled_for(Channel::phone, "亲，我的订单发货了没有？", true), "亲我的订单发货了没有");
  EXPECT_EQ(styled_for(Channel::phone, "Hi, where is my order?", false), "Hi where is my order");
  EXPECT_EQ(styled_for(Channel::web, "Hi, where?", false), "Hi, where?");
  const auto email = styled_for(Channel::email, "where is my order", false);
  EXPECT_NE(email.find("Hello,"), std::string::npos);
  EXPECT_NE(email.find("where is my order"), std::string::npos);
}

}  // namespace
}  // namespace sb::load
