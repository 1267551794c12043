#pragma once
// The two languages the bot speaks, and telling which one a customer wrote in.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sb::bot {

// Values are persisted inside DialogueState: only append.
enum class Language : std::uint8_t { zh = 1, en = 2 };

std::string_view to_string(Language language);
std::optional<Language> parse_language(std::string_view name);

// One text in each language (answers, prompts, reasons shown to the customer).
struct Localized {
  std::string zh;
  std::string en;

  const std::string& in(Language language) const;
  bool operator==(const Localized&) const = default;
};

// A message counts as Chinese when at least this share of its "tokens" are CJK characters, where
// every CJK character and every Latin word is one token: a Chinese word is one to three characters,
// so counting characters against letters would call "我要查order status" English.
inline constexpr double kZhTokenShareMin = 0.5;

// The language of `text`, or nullopt when it has neither CJK characters nor Latin words (just an
// order number, digits, emoji): the caller keeps the conversation's language then.
std::optional<Language> detect_language(std::string_view text);

}  // namespace sb::bot
