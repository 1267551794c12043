#include "runtime/bot/language.hpp"

#include "runtime/bot/text_folding.hpp"

namespace sb::bot {

std::string_view to_string(Language language) {
  switch (language) {
    case Language::zh:
      return "zh";
    case Language::en:
      return "en";
  }
  return "unknown";
}

std::optional<Language> parse_language(std::string_view name) {
  if (name == "zh") return Language::zh;
  if (name == "en") return Language::en;
  return std::nullopt;
}

const std::string& Localized::in(Language language) const {
  switch (language) {
    case Language::zh:
      return zh;
    case Language::en:
      return en;
  }
  return en;
}

std::optional<Language> detect_language(std::string_view text) {
  std::size_t cjk_chars = 0;
  std::size_t latin_words = 0;
  // A run of ASCII letters and digits is a word only without digits: "SB2026111101" and "S3" are
  // identifiers that say nothing about the language.
  bool in_run = false;
  bool run_has_digit = false;
  const auto end_run = [&] {
    if (in_run && !run_has_digit) ++latin_words;
    in_run = false;
    run_has_digit = false;
  };
  const std::string folded = fold_text(text);
  std::size_t pos = 0;
  while (pos < folded.size()) {
    const char32_t cp = next_code_point(folded, pos);
    if (is_ascii_alnum(cp)) {
      in_run = true;
      run_has_digit = run_has_digit || (cp >= U'0' && cp <= U'9');
      continue;
    }
    end_run();
    if (is_cjk(cp)) ++cjk_chars;
  }
  end_run();
  const std::size_t tokens = cjk_chars + latin_words;
  if (tokens == 0) return std::nullopt;
  const double zh_share = static_cast<double>(cjk_chars) / static_cast<double>(tokens);
  return zh_share >= kZhTokenShareMin ? Language::zh : Language::en;
}

}  // namespace sb::bot
