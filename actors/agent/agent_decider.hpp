#pragma once
// The Agent's pure core: decide(state, command) -> events | rejection; evolve(state, event).

#include "actors/agent/agent_model.hpp"
#include "actors/common/decider.hpp"

namespace sb::agent {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

// Free slots for a new conversation on `channel` (0 while on a call or not online).
int free_slots(const State& state, Channel channel);
// Share of chat capacity in use, 0..1 (a call counts as full).
double load(const State& state);

using Decider = CoreDecider<EntityKind::agent, State, Command, Event, Rejection, &agent::decide,
                            &agent::evolve>;
static_assert(DeciderFor<Decider>);

}  // namespace sb::agent
