#pragma once
// What the bot remembers between turns of one conversation. The Conversation entity persists it
// inside its events, so it is a plain copyable value with equality and small bounded contents.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "runtime/bot/language.hpp"

namespace sb::bot {

inline constexpr std::size_t kDialogueSlotsMax = 16;

struct DialogueState {
  // The intent the conversation is about; empty before the bot understood anything.
  std::string active_intent;
  // Slot values by slot name, kept across intents so an order number is given once
  // ("退款进度" → "SB2026111101" → "多久到账" reuses it). At most kDialogueSlotsMax.
  std::map<std::string, std::string> slots;
  // The slot the last reply asked for; empty when none.
  std::string awaited_slot;
  std::uint32_t awaited_slot_asks = 0;  // prompts shown for it
  // Values given for the awaited slot that were invalid or not found, plus prompts answered with
  // no value at all; reset when the intent is answered or changes.
  std::uint32_t slot_failures = 0;
  std::uint32_t low_confidence_streak = 0;  // consecutive turns not understood
  std::uint32_t unanswered_turns = 0;       // turns not understood or not found, in total
  Language language = Language::zh;         // of the customer's last message with words
  std::uint32_t turn_count = 0;             // bot turns so far (saturates)

  bool operator==(const DialogueState&) const = default;
};

}  // namespace sb::bot
