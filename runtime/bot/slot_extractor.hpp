#pragma once
// Finding slot values (order number, phone, email, product, ticket id) in free text in either
// language, and saying precisely why a value that looks like one is not valid.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/bot/knowledge_base.hpp"
#include "runtime/bot/language.hpp"

namespace sb::bot {

inline constexpr std::size_t kOrderNumberDigits = 10;  // "SB" + 10 digits
inline constexpr std::size_t kPhoneDigitsMin = 8;      // "+" and 8..15 digits (E.164)
inline constexpr std::size_t kPhoneDigitsMax = 15;
inline constexpr std::size_t kMainlandMobileDigits = 11;
inline constexpr std::size_t kTicketDigitsMax = 12;
inline constexpr std::size_t kEmailBytesMax = 254;
// A digit run at least this long, in a message answering a number slot, was meant as the value.
inline constexpr std::size_t kAttemptedNumberDigitsMin = 4;

enum class SlotStatus : std::uint8_t { absent, valid, invalid };

struct SlotExtraction {
  SlotStatus status = SlotStatus::absent;
  // When valid, the canonical value: "SB2026111101", "13800138000", "+85291234567",
  // "name@example.com", a product id ("watch_s3"), "TK-10086".
  std::string value;
  Localized problem;  // when invalid: what is wrong and what the format is
  // The value's byte span in fold_text(text), valid or invalid (for residue_tokens).
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The first value of `type` in `text`. `awaited` says the bot just asked for this slot, which
// makes bare digits count ("2026111101" as an order number) and makes a number in the wrong
// format an invalid value rather than an unrelated number.
SlotExtraction extract_slot(SlotType type, std::string_view text, bool awaited);

// True when the whole of `raw` is a canonical order number (for data files).
bool is_valid_order_number(std::string_view raw);

// How many words (Latin words and CJK characters) `text` has besides the value at
// [extraction.begin, extraction.end) and the words that only introduce a value ("我的订单号是",
// "my order number is"). Zero to a few means the message just answers the slot.
std::size_t residue_tokens(std::string_view text, const SlotExtraction& extraction);

// How a slot value reads in a reply: products by their display name, others as they are.
std::string display_slot_value(SlotType type, std::string_view value, Language language);

}  // namespace sb::bot
