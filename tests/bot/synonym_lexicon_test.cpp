#include "runtime/bot/synonym_lexicon.hpp"

#include <gtest/gtest.h>

#include "tests/bot/shipped_files.hpp"

namespace sb::bot {
namespace {

std::vector<std::string> texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.text);
  return out;
}

NormalizerOptions with(const SynonymLexicon& lexicon) {
  NormalizerOptions options;
  options.synonyms = std::make_shared<const SynonymLexicon>(lexicon);
  return options;
}

constexpr std::string_view kLexicon =
    "# comment lines are skipped\n"
    "{\"lang\":\"zh\",\"canonical\":\"快递\",\"variants\":[\"包裹\",\"物流\"]}\n"
    "{\"lang\":\"en\",\"canonical\":\"refund\",\"variants\":[\"money back\",\"reimburse\"]}\n"
    "{\"lang\":\"en\",\"canonical\":\"do not\",\"variants\":[\"dont\"]}\n"
    "{\"lang\":\"en\",\"canonical\":\"money\",\"variants\":[\"cash\"]}\n"
    "{\"lang\":\"zh\",\"canonical\":\"优惠券\",\"variants\":[\"券\"]}\n";

TEST(SynonymLexicon, RewritesVariantsToTheCanonicalForm) {
  const auto lexicon = SynonymLexicon::parse(kLexicon);
  ASSERT_TRUE(lexicon.has_value()) << lexicon.error().to_string();
  EXPECT_EQ(lexicon->rule_count(), 7u);
  EXPECT_EQ(texts(tokenize("我的包裹到哪了", with(*lexicon))),
            (std::vector<std::string>{"我", "的", "快", "递", "到", "哪", "了"}));
  // Matching is on stems, and a variant may be several words or become several words.
  EXPECT_EQ(texts(tokenize("I dont want it, reimburses?", with(*lexicon))),
            (std::vector<std::string>{"i", "do", "not", "want", "it", "refund"}));
}

TEST(SynonymLexicon, PrefersTheLongestVariantAndDoesNotRematchItsOutput) {
  const auto lexicon = SynonymLexicon::parse(kLexicon);
  ASSERT_TRUE(lexicon.has_value());
  // "money back" wins over nothing-for-"money"; "cash" becomes "money", which is not then
  // rewritten again even though it starts the longer variant.
  EXPECT_EQ(texts(tokenize("money back for cash back", with(*lexicon))),
            (std::vector<std::string>{"refund", "for", "money", "back"}));
  // A variant inside its own canonical form leaves that form alone.
  EXPECT_EQ(texts(tokenize("券和优惠券", with(*lexicon))),
            (std::vector<std::string>{"优", "惠", "券", "和", "优", "惠", "券"}));
}

TEST(SynonymLexicon, RejectsBadLines) {
  EXPECT_EQ(SynonymLexicon::parse("{\"lang\":\"fr\",\"canonical\":\"a\",\"variants\":[\"b\"]}")
                .error()
                .line,
            1u);
  EXPECT_FALSE(SynonymLexicon::parse("{\"lang\":\"en\",\"canonical\":\"a\",\"variants\":[]}"));
  EXPECT_FALSE(
      SynonymLexicon::parse("{\"lang\":\"en\",\"canonical\":\"a\",\"variants\":[\"?!\"]}"));
  EXPECT_FALSE(
      SynonymLexicon::parse("{\"lang\":\"en\",\"canonical\":\"a\",\"variants\":[\"b\"],\"x\":1}"));
}

TEST(SynonymLexicon, ShippedFileParses) {
  const std::string path = testing::source_path("config/kb/synonyms.jsonl");
  auto text = read_text_file(path);
  ASSERT_TRUE(text.has_value()) << text.error().to_string();
  const auto lexicon = SynonymLexicon::parse(*text);
  ASSERT_TRUE(lexicon.has_value()) << lexicon.error().to_string();
  // The copy compiled into the library is the same file.
  EXPECT_EQ(shipped_synonyms()->rule_count(), lexicon->rule_count());
}

}  // namespace
}  // namespace sb::bot
