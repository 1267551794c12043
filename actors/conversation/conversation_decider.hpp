#pragma once
// The Conversation's pure core: decide(state, command) -> events | rejection; evolve(state, event).
// Helpers the actor needs (bot_has_turn, should_reopen, handoff_record, next_deadline,
// effects_after) are in conversation_queries.hpp.

#include "actors/common/decider.hpp"
#include "actors/conversation/conversation_model.hpp"

namespace sb::conversation {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

using Decider = CoreDecider<EntityKind::conversation, State, Command, Event, Rejection,
                            &conversation::decide, &conversation::evolve>;
static_assert(DeciderFor<Decider>);

}  // namespace sb::conversation
