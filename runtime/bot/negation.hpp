#pragma once
// "Is this phrase negated?": shared by the sentiment lexicon ("not bad", "不太差") and the
// request-a-human detector ("I'm not asking for a human", "不用转人工").

#include <cstddef>
#include <string_view>

namespace sb::bot {

// How far back a negator may stand from the phrase it negates, within one clause.
inline constexpr std::size_t kNegationWindowCjkChars = 6;
inline constexpr std::size_t kNegationWindowWords = 4;

// True when a negator ("不", "没", "别", "无需", "not", "don't", "never", ...) stands shortly
// before byte offset `at` of `folded_text` (see fold_text) in the same clause. Negated ability
// ("不能", "没法", "转不了", "can't", "unable") does not count: "why can't I get a human" still
// asks for one, and "couldn't be worse" is still negative.
bool negated_before(std::string_view folded_text, std::size_t at);

}  // namespace sb::bot
