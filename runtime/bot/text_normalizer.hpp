#pragma once
// Turning a customer's message into the tokens the intent classifier counts. English gets the
// usual light touch (lower case, contractions spelled out, punctuation dropped, a light suffix
// stemmer); Chinese has no spaces, so every CJK character is a token of its own and word-like
// units come back as character bigrams in the feature extractor.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sb::bot {

// Only the start of a very long message is classified: intents show in the first sentences, and
// the cost of a classification must not grow with whatever a customer pastes.
inline constexpr std::size_t kClassifiedTextBytesMax = 2048;

class SynonymLexicon;  // synonym_lexicon.hpp

enum class TokenKind { word, cjk };

struct Token {
  std::string text;  // UTF-8, lower case; a cjk token is one character
  std::string stem;  // the word with its inflection stripped; equal to text for cjk tokens
  TokenKind kind;
  bool operator==(const Token&) const = default;
};

struct NormalizerOptions {
  // Strips common English inflections ("refunds" -> "refund", "charged" -> "charg") so that
  // word features generalise across forms; character n-grams see the unstemmed word.
  bool stem = true;
  // Spells every digit as '0': "order 58213" and "order 99107" are the same intent.
  bool fold_digits = true;
  // Rewrites domain synonyms to one canonical form after tokenizing (nullptr: none). The bot uses
  // the shipped lexicon; general-purpose training (CLINC150, BANKING77) runs without one.
  std::shared_ptr<const SynonymLexicon> synonyms;
};

// The tokens of `text` in order (at most the first kClassifiedTextBytesMax bytes). Invalid UTF-8
// is skipped byte by byte rather than rejected: classification must answer for any input.
std::vector<Token> tokenize(std::string_view text, const NormalizerOptions& options = {});

// The light English suffix stemmer used by tokenize(); exposed for tests.
std::string stem_english(std::string_view word);

}  // namespace sb::bot
