#pragma once
// Domain synonyms and common misspellings rewritten to one canonical form before the classifier
// counts n-grams: customers say 快递, 包裹 or 物流 and "parcel", "package" or "shipment" for the
// same thing, and the KB's examples cannot spell out every combination. The shipped lexicon is
// config/kb/synonyms.jsonl, one {"lang", "canonical", "variants"} a line, compiled into the
// library so every Bot has it whatever its working directory.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/bot/jsonl_reader.hpp"
#include "runtime/bot/text_normalizer.hpp"

namespace sb::bot {

inline constexpr std::size_t kSynonymVariantsPerLineMax = 64;
inline constexpr std::size_t kSynonymTextBytesMax = 128;

class SynonymLexicon {
 public:
  // The lexicon in `jsonl`, or the first bad line: a missing or unknown field, a lang other than
  // zh/en, an empty or over-long text, or a variant with no token.
  static Expected<SynonymLexicon, LineError> parse(std::string_view jsonl);

  // Replaces every variant in `tokens` by its canonical tokens, longest match first (a canonical
  // form counts as a variant of itself), scanning left to right; replaced tokens are not matched
  // again. Variants match on token stems, so
  // "refunded" and "refunds" both match a variant "refund".
  std::vector<Token> apply(const std::vector<Token>& tokens) const;

  // Variants over all lines.
  std::size_t rule_count() const { return rule_count_; }

 private:
  struct Rule {
    std::vector<std::string> match;  // stems
    std::vector<Token> replacement;
  };
  // Rules by the stem of their first token, longest first.
  std::unordered_map<std::string, std::vector<Rule>> rules_by_first_;
  std::size_t rule_count_ = 0;
};

// config/kb/synonyms.jsonl as built into the library (parsed once; the build checks it parses).
const std::shared_ptr<const SynonymLexicon>& shipped_synonyms();
// That file's text: what a cached model trained with the shipped lexicon is keyed by.
std::string_view shipped_synonyms_jsonl();

}  // namespace sb::bot
