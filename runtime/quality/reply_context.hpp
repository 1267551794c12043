#pragma once
// Builds the monitor's inputs from a conversation's state, so the actor (or a projection) needs
// only the state before the event, the event and the KB answer text.

#include <string>

#include "actors/conversation/conversation_model.hpp"
#include "runtime/quality/quality_monitor.hpp"

namespace sb::quality {

// `before` is the conversation state before `reply` was applied.
ReplyContext reply_context(const std::string& conversation_id, const conversation::State& before,
                           const conversation::AgentReplied& reply, std::string kb_answer_text);

// `state` is the conversation state when it resolved or closed; replies of `agent_id` only.
ConversationEndContext end_context(const std::string& conversation_id,
                                   const conversation::State& state, const std::string& agent_id,
                                   Timestamp at);

}  // namespace sb::quality
