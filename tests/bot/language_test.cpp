#include "runtime/bot/language.hpp"

#include <gtest/gtest.h>

#include "runtime/bot/text_folding.hpp"

namespace sb::bot {
namespace {

TEST(Language, DetectsByCjkShare) {
  EXPECT_EQ(detect_language("手表电池不够用"), Language::zh);
  EXPECT_EQ(detect_language("where is my order"), Language::en);
  EXPECT_EQ(detect_language("我要查order status"), Language::zh);
  EXPECT_EQ(detect_language("my 手表 is broken"), Language::en);
  EXPECT_EQ(detect_language("ＷＨＥＲＥ ＩＳ ＭＹ ＯＲＤＥＲ"), Language::en);
}

TEST(Language, IdentifiersAndDigitsSayNothing) {
  EXPECT_EQ(detect_language("SB2026111101"), std::nullopt);
  EXPECT_EQ(detect_language("138 0013 8000!"), std::nullopt);
  EXPECT_EQ(detect_language(""), std::nullopt);
}

TEST(TextFolding, FoldsWidthCaseAndSpaces) {
  EXPECT_EQ(fold_text("  ＳＢ２０２６　Order？ "), "sb2026 order?");
  EXPECT_EQ(fold_text("Hello\n\tWorld"), "hello world");
  EXPECT_EQ(fold_text("\xFF"), "\xEF\xBF\xBD");  // invalid bytes become U+FFFD
}

TEST(TextFolding, FindsWholeWordsOnly) {
  EXPECT_EQ(find_phrase("talk to an agent", "agent"), 11u);
  EXPECT_EQ(find_phrase("reagents", "agent"), std::string_view::npos);
  EXPECT_EQ(find_phrase("转人工", "人工"), 3u);
}

TEST(TextFolding, CutsOnCodePointBoundaries) {
  EXPECT_EQ(cut_utf8("手表", 4), "手");
  EXPECT_EQ(cut_utf8("abc", 10), "abc");
}

}  // namespace
}  // namespace sb::bot
