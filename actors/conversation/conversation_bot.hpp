#pragma once
// Between the bot's vocabulary (runtime/bot) and the Conversation's (plain data in its events):
// the dialogue state goes in and out of the persisted DialogueContext, a bot Turn becomes the
// BotOutcome that travels inside ReceiveMessage.

#include "actors/conversation/conversation_model.hpp"
#include "runtime/bot/bot.hpp"

namespace sb::conversation {

bot::DialogueState to_dialogue_state(const DialogueContext& context);
DialogueContext to_dialogue_context(const bot::DialogueState& state);

// REQUIRES: turn.action != lookup (complete the lookup first).
BotOutcome to_bot_outcome(const bot::Turn& turn);

// The bot's turn once the lookup it asked for (`asked.action == lookup`) has its answer.
BotOutcome complete_consultation(const bot::Bot& bot, const bot::Turn& asked,
                                 bot::BackendResult result);

// Asks the bot about one customer message, performing a backend lookup when the bot needs one
// (synchronously: for tools and benchmarks; the actor asks the BackendDesk and waits).
BotOutcome consult_bot(const bot::Bot& bot, const bot::BusinessBackend& backend,
                       const bot::TurnInput& input);

}  // namespace sb::conversation
