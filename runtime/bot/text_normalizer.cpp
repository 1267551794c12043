#include "runtime/bot/text_normalizer.hpp"

#include <array>
#include <cstdint>
#include <utility>

#include "runtime/bot/synonym_lexicon.hpp"
#include "runtime/bot/text_folding.hpp"

namespace sb::bot {
namespace {


// Full-width forms from Chinese keyboards ("ＲＭＢ", "？") to ASCII, the ideographic space to a
// space, typographic apostrophes to ASCII, ASCII letters to lower case.
char32_t fold(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
  if (cp == 0x3000) return U' ';
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) return U'\'';
  if (cp >= U'A' && cp <= U'Z') return cp + (U'a' - U'A');
  return cp;
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // extension A
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0x20000 && cp <= 0x2FA1F) ||  // extensions B.. and supplement
         (cp >= 0x3040 && cp <= 0x30FF) ||    // kana: Japanese mixed into Chinese text
         (cp >= 0xAC00 && cp <= 0xD7AF);      // Hangul syllables
}

// Letters of alphabetic scripts besides ASCII (accented Latin, Greek, Cyrillic) stay inside
// words; without ICU we do not lower-case them, which only costs a rare feature match.
bool is_word_char(char32_t cp) {
  return (cp >= U'a' && cp <= U'z') || (cp >= U'0' && cp <= U'9') ||
         (cp >= 0x00C0 && cp <= 0x024F && cp != 0x00D7 && cp != 0x00F7) ||
         (cp >= 0x0370 && cp <= 0x052F);
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool has_vowel(std::string_view s) {
  for (char c : s) {
    if (is_vowel(c)) return true;
  }
  return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Contractions: "what's" -> "what is", "can't" -> "can not". A trailing "'s" is a verb only
// after these words; otherwise it is a possessive and carries no meaning for the intent.
struct Contraction {
  std::string_view suffix;
  std::string_view expansion;
};
constexpr std::array kContractions{
    Contraction{"n't", "not"},  Contraction{"'re", "are"},  Contraction{"'m", "am"},
    Contraction{"'ll", "will"}, Contraction{"'ve", "have"}, Contraction{"'d", "would"},
};
constexpr std::array<std::string_view, 12> kIsBefore{
    "it", "that", "what", "there", "here", "who", "where", "how", "he", "she", "when", "why"};
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> kIrregularNegations{
    {{"won't", "will"}, {"can't", "can"}, {"shan't", "shall"}}};

class Tokenizer {
 public:
  Tokenizer(const NormalizerOptions& options) : options_(options) {}

  std::vector<Token> run(std::string_view text) {
    if (text.size() > kClassifiedTextBytesMax) text = text.substr(0, kClassifiedTextBytesMax);
    std::size_t pos = 0;
    while (pos < text.size()) {
      const char32_t cp = fold(next_code_point(text, pos));
      if (is_word_char(cp)) {
        append_utf8(word_, options_.fold_digits && cp >= U'0' && cp <= U'9' ? U'0' : cp);
      } else if (cp == U'\'' && !word_.empty()) {
        word_ += '\'';  // kept inside a word only, for the contraction rules
      } else {
        flush_word();
        if (is_cjk(cp)) {
          std::string ch;
          append_utf8(ch, cp);
          tokens_.push_back(Token{ch, ch, TokenKind::cjk});
        }
      }
    }
    flush_word();
    if (options_.synonyms) return options_.synonyms->apply(tokens_);
    return std::move(tokens_);
  }

 private:
  void flush_word() {
    while (!word_.empty() && word_.back() == '\'') word_.pop_back();
    if (word_.empty()) return;
    expand(word_);
    word_.clear();
  }

  void expand(std::string_view word) {
    if (word.find('\'') == std::string_view::npos) return emit(word);
    for (const auto& [whole, base] : kIrregularNegations) {
      if (word == whole) {
        emit(base);
        return emit("not");
      }
    }
    for (const auto& c : kContractions) {
      if (ends_with(word, c.suffix) && word.size() > c.suffix.size()) {
        emit_without_apostrophes(word.substr(0, word.size() - c.suffix.size()));
        return emit(c.expansion);
      }
    }
    if (ends_with(word, "'s") && word.size() > 2) {
      const std::string_view base = word.substr(0, word.size() - 2);
      emit_without_apostrophes(base);
      for (std::string_view w : kIsBefore) {
        if (base == w) return emit("is");
      }
      return;
    }
    emit_without_apostrophes(word);
  }

  void emit_without_apostrophes(std::string_view word) {
    std::string joined;
    for (char c : word) {
      if (c != '\'') joined += c;
    }
    if (!joined.empty()) emit(joined);
  }

  void emit(std::string_view word) {
    tokens_.push_back(Token{std::string(word),
                            options_.stem ? stem_english(word) : std::string(word),
                            TokenKind::word});
  }

  const NormalizerOptions& options_;
  std::string word_;
  std::vector<Token> tokens_;
};

}  // namespace

std::string stem_english(std::string_view word) {
  // Short words are mostly function words or acronyms whose "suffix" is part of the stem.
  constexpr std::size_t kStemmableBytesMin = 4;
  constexpr std::size_t kStemBytesMin = 3;
  std::string s(word);
  if (s.size() < kStemmableBytesMin) return s;
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return s;  // English rules only
  }
  auto strip = [&](std::string_view suffix, std::string_view replacement) {
    const std::string_view rest = std::string_view(s).substr(0, s.size() - suffix.size());
    if (!ends_with(s, suffix) || rest.size() < kStemBytesMin || !has_vowel(rest)) return false;
    s = std::string(rest) + std::string(replacement);
    return true;
  };
  if (strip("ies", "y") || strip("sses", "ss")) return s;
  if (ends_with(s, "s") && !ends_with(s, "ss") && !ends_with(s, "us") && !ends_with(s, "is")) {
    strip("s", "");
  }
  if (strip("ing", "") || strip("ed", "")) {
    // "running" -> "runn" -> "run": a doubled final consonant comes from the suffix.
    const std::size_t n = s.size();
    if (n >= 2 && s[n - 1] == s[n - 2] && !is_vowel(s[n - 1]) && s[n - 1] != 'l' &&
        s[n - 1] != 's' && s[n - 1] != 'z') {
      s.pop_back();
    }
  }
  return s;
}

std::vector<Token> tokenize(std::string_view text, const NormalizerOptions& options) {
  return Tokenizer(options).run(text);
}

}  // namespace sb::bot
