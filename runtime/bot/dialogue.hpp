#pragma once
// The multi-turn engine: from a customer's message, the conversation's DialogueState and the
// classifier's ranking to the bot's Turn (answer, ask for a slot, look something up, or hand off).
// Pure: no I/O, no clock, no randomness; the same input always gives the same Turn.

#include "runtime/bot/business_backend.hpp"
#include "runtime/bot/handoff_policy.hpp"
#include "runtime/bot/intent_choice.hpp"
#include "runtime/bot/knowledge_base.hpp"
#include "runtime/bot/turn.hpp"

namespace sb::bot {

struct DialogueOptions {
  HandoffPolicy policy;
  Language agent_language = Language::zh;  // of HandoffSummary::summary
};

// One turn. The message decides the language (or keeps the conversation's when it has no words),
// then the intent (intent_choice.hpp), the slots it carries, and whether the policy hands off.
Turn respond(const KnowledgeBase& kb, const DialogueOptions& options, const TurnInput& input,
             const Classification& classification);

// The turn after a lookup. Found: the entry's answer filled from slots and backend fields.
// Not found: "please check the number" and the key slot asked for again (a failed slot attempt).
// Unavailable: a handoff with backend_unavailable.
// REQUIRES: pending.action == TurnAction::lookup.
Turn complete_lookup(const KnowledgeBase& kb, const DialogueOptions& options, const Turn& pending,
                     const BackendResult& result);

}  // namespace sb::bot
