#pragma once
// Checks on what enters a conversation from outside (customer text, agent text, the bot's
// outcome, ids). Each returns the rejection to give, or nullopt when the input may be stored.

#include <optional>
#include <string_view>

#include "actors/common/decision.hpp"
#include "actors/conversation/conversation_model.hpp"

namespace sb::conversation {

using Problem = std::optional<Rejected<Rejection>>;

// Non-empty text of at most `bytes_max` bytes of valid UTF-8 (text_too_long / invalid_utf8).
Problem check_message_text(std::string_view what, std::string_view text, std::size_t bytes_max);
// A text that may be empty (notes, comments, hints); same codes as check_message_text.
Problem check_optional_text(std::string_view what, std::string_view text, std::size_t bytes_max);
// A non-empty id of at most kIdBytesMax bytes (invalid_field).
Problem check_id(std::string_view what, std::string_view id);
Problem check_handoff_reasons(const std::vector<HandoffReason>& reasons);
Problem check_bot_outcome(const BotOutcome& bot);

}  // namespace sb::conversation
