#include "runtime/bot/text_normalizer.hpp"

#include <gtest/gtest.h>

namespace sb::bot {
namespace {

std::vector<std::string> texts(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.text);
  return out;
}

std::vector<std::string> stems(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.stem);
  return out;
}

TEST(Tokenize, LowerCasesAndDropsPunctuation) {
  EXPECT_EQ(texts(tokenize("Where IS my Order?!")),
            (std::vector<std::string>{"where", "is", "my", "order"}));
}

TEST(Tokenize, SpellsOutContractions) {
  EXPECT_EQ(texts(tokenize("What's up, I can't log in and I'm stuck; they're gone")),
            (std::vector<std::string>{"what", "is", "up", "i", "can", "not", "log", "in", "and",
                                      "i", "am", "stuck", "they", "are", "gone"}));
  EXPECT_EQ(texts(tokenize("didn’t")), (std::vector<std::string>{"did", "not"}));
  // A possessive 's carries no intent.
  EXPECT_EQ(texts(tokenize("my wife's card")), (std::vector<std::string>{"my", "wife", "card"}));
}

TEST(Tokenize, FoldsDigits) {
  EXPECT_EQ(texts(tokenize("order 58213")), (std::vector<std::string>{"order", "00000"}));
  NormalizerOptions keep;
  keep.fold_digits = false;
  EXPECT_EQ(texts(tokenize("order 58213", keep)), (std::vector<std::string>{"order", "58213"}));
}

TEST(Tokenize, SplitsChineseIntoCharactersBetweenWords) {
  const auto tokens = tokenize("我要查order状态！");
  EXPECT_EQ(texts(tokens), (std::vector<std::string>{"我", "要", "查", "order", "状", "态"}));
  EXPECT_EQ(tokens[0].kind, TokenKind::cjk);
  EXPECT_EQ(tokens[3].kind, TokenKind::word);
}

TEST(Tokenize, FoldsFullWidthForms) {
  EXPECT_EQ(texts(tokenize("ＳＢ２０２６　ｒｅｆｕｎｄ？")),
            (std::vector<std::string>{"sb0000", "refund"}));
}

TEST(Tokenize, SkipsInvalidUtf8AndBoundsLongText) {
  EXPECT_EQ(texts(tokenize("re\xff\xfe"
                           "fund \xe4\xb8")),
            (std::vector<std::string>{"re", "fund"}));
  const std::string long_text(kClassifiedTextBytesMax * 4, 'a');
  const auto tokens = tokenize(long_text);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text.size(), kClassifiedTextBytesMax);
}

TEST(Tokenize, StemsWordsButKeepsTheSurface) {
  const auto tokens = tokenize("Refunds charged running");
  EXPECT_EQ(texts(tokens), (std::vector<std::string>{"refunds", "charged", "running"}));
  EXPECT_EQ(stems(tokens), (std::vector<std::string>{"refund", "charg", "run"}));
}

TEST(StemEnglish, LeavesShortAndProtectedWordsAlone) {
  EXPECT_EQ(stem_english("bus"), "bus");
  EXPECT_EQ(stem_english("this"), "this");
  EXPECT_EQ(stem_english("status"), "status");
  EXPECT_EQ(stem_english("address"), "address");
  EXPECT_EQ(stem_english("companies"), "company");
  EXPECT_EQ(stem_english("calling"), "call");
  EXPECT_EQ(stem_english("sing"), "sing");
}

}  // namespace
}  // namespace sb::bot
