#include "actors/conversation/conversation_validation.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "actors/common/text.hpp"

namespace sb::conversation {
namespace {

Problem problem(Rejection code, std::string detail) {
  return Rejected<Rejection>{code, std::move(detail)};
}

Problem check_slots(std::string_view what, const std::map<std::string, std::string>& slots) {
  if (slots.size() > kSlotsMax) {
    return problem(Rejection::invalid_field,
                   std::string(what) + " holds " + std::to_string(slots.size()) +
                       " slots; the limit is " + std::to_string(kSlotsMax));
  }
  for (const auto& [name, value] : slots) {
    if (auto bad = check_id("slot name", name)) return bad;
    if (auto bad = check_optional_text("slot " + name, value, kSlotValueBytesMax)) return bad;
  }
  return std::nullopt;
}

Problem check_tags(const std::vector<std::string>& tags) {
  if (tags.size() > kTagsMax) {
    return problem(Rejection::invalid_field, "the bot gave " + std::to_string(tags.size()) +
                                                 " tags; the limit is " + std::to_string(kTagsMax));
  }
  for (const auto& tag : tags) {
    if (auto bad = check_id("tag", tag)) return bad;
  }
  return std::nullopt;
}

Problem check_context(const DialogueContext& context) {
  if (auto bad = check_optional_text("active intent", context.active_intent, kIdBytesMax))
    return bad;
  if (auto bad = check_optional_text("awaited slot", context.awaited_slot, kIdBytesMax)) return bad;
  return check_slots("the dialogue context", context.slots);
}

}  // namespace

Problem check_optional_text(std::string_view what, std::string_view text, std::size_t bytes_max) {
  if (text.size() > bytes_max) {
    return problem(Rejection::text_too_long,
                   std::string(what) + " is " + std::to_string(text.size()) +
                       " bytes; the limit is " + std::to_string(bytes_max));
  }
  if (!is_valid_utf8(text)) {
    return problem(Rejection::invalid_utf8, std::string(what) + " is not valid UTF-8");
  }
  return std::nullopt;
}

Problem check_message_text(std::string_view what, std::string_view text, std::size_t bytes_max) {
  if (text.empty()) return problem(Rejection::invalid_field, std::string(what) + " is empty");
  return check_optional_text(what, text, bytes_max);
}

Problem check_id(std::string_view what, std::string_view id) {
  if (id.empty()) return problem(Rejection::invalid_field, std::string(what) + " is empty");
  if (id.size() > kIdBytesMax || !is_valid_utf8(id)) {
    return problem(Rejection::invalid_field, std::string(what) +
                                                 " must be valid UTF-8 of at most " +
                                                 std::to_string(kIdBytesMax) + " bytes");
  }
  return std::nullopt;
}

Problem check_handoff_reasons(const std::vector<HandoffReason>& reasons) {
  if (reasons.empty())
    return problem(Rejection::invalid_field, "a handoff needs at least one reason");
  if (reasons.size() > kHandoffReasonsMax) {
    return problem(Rejection::invalid_field,
                   "a handoff has at most " + std::to_string(kHandoffReasonsMax) + " reasons");
  }
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    const auto raw = static_cast<std::uint8_t>(reasons[i]);
    if (raw < 1 || raw > kHandoffReasonsMax) {
      return problem(Rejection::invalid_field, "unknown handoff reason " + std::to_string(raw));
    }
    if (std::find(reasons.begin(), reasons.begin() + static_cast<std::ptrdiff_t>(i), reasons[i]) !=
        reasons.begin() + static_cast<std::ptrdiff_t>(i)) {
      return problem(Rejection::invalid_field,
                     "handoff reason " + std::string(to_string(reasons[i])) + " is given twice");
    }
  }
  return std::nullopt;
}

Problem check_bot_outcome(const BotOutcome& bot) {
  const auto action = static_cast<std::uint8_t>(bot.action);
  if (action < 1 || action > 3) {
    return problem(Rejection::invalid_field, "unknown bot action " + std::to_string(action));
  }
  if (!std::isfinite(bot.confidence) || bot.confidence < 0 || bot.confidence > 1) {
    return problem(Rejection::invalid_field, "the bot's confidence must lie in 0..1");
  }
  const bool handoff = bot.action == BotAction::handoff;
  if (handoff) {
    if (auto bad = check_handoff_reasons(bot.handoff_reasons)) return bad;
    if (auto bad = check_optional_text("bot reply", bot.reply_text, kMessageTextBytesMax))
      return bad;
  } else {
    if (!bot.handoff_reasons.empty()) {
      return problem(Rejection::invalid_field, "only a handoff carries handoff reasons");
    }
    if (auto bad = check_message_text("bot reply", bot.reply_text, kMessageTextBytesMax))
      return bad;
  }
  if (auto bad = check_optional_text("intent", bot.intent, kIdBytesMax)) return bad;
  if (auto bad = check_slots("the bot outcome", bot.slots)) return bad;
  if (auto bad = check_tags(bot.tags)) return bad;
  return check_context(bot.context);
}

}  // namespace sb::conversation
