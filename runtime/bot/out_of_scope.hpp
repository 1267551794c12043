#pragma once
// Questions outside the shop's business (weather, homework, recipes), written for the bot's
// out-of-scope class: the knowledge base only says what the shop answers, and a classifier that
// has never seen anything else spreads an off-topic question over the intents and answers it
// confidently. Trained as kOutOfScopeIntent, they pull that mass away from every intent, so such a
// question falls under the threshold and goes to a person. The shipped set is
// config/kb/out_of_scope.jsonl, one {"lang", "text"} a line, compiled into the library.

#include <cstddef>
#include <string_view>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/bot/intent_classifier.hpp"
#include "runtime/bot/jsonl_reader.hpp"

namespace sb::bot {

inline constexpr std::size_t kOutOfScopeTextBytesMax = 512;

// The examples in `jsonl`, each labelled kOutOfScopeIntent, or the first bad line: a missing or
// unknown field, a lang other than zh/en, an empty or over-long text.
Expected<std::vector<LabeledUtterance>, LineError> parse_out_of_scope(std::string_view jsonl);

// config/kb/out_of_scope.jsonl as built into the library (parsed once; a test checks it parses).
const std::vector<LabeledUtterance>& shipped_out_of_scope();

}  // namespace sb::bot
