#pragma once
// The knowledge base entity's pure core: decide(state, command) -> events | rejection; evolve.

#include "actors/common/decider.hpp"
#include "actors/knowledge_base/kb_model.hpp"

namespace sb::knowledge_base {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

using Decider = CoreDecider<EntityKind::knowledge_base, State, Command, Event, Rejection,
                            &knowledge_base::decide, &knowledge_base::evolve>;
static_assert(DeciderFor<Decider>);

}  // namespace sb::knowledge_base
