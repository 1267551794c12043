#pragma once
// The knowledge base entity's pure core: decide(state, command) -> events | rejection; evolve.

#include "actors/common/decider.hpp"
#include "actors/knowledge_base/kb_model.hpp"

namespace sb::knowledge_base {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

struct Decider {
  using Command = knowledge_base::Command;
  using Event = knowledge_base::Event;
  using State = knowledge_base::State;
  using Rejection = knowledge_base::Rejection;
  static constexpr EntityKind kKind = EntityKind::knowledge_base;
  static State initial_state() { return State{}; }
  static Decision<Event, Rejection> decide(const State& s, const Command& c) {
    return knowledge_base::decide(s, c);
  }
  static State evolve(State s, const Event& e) { return knowledge_base::evolve(std::move(s), e); }
};
static_assert(DeciderFor<Decider>);

}  // namespace sb::knowledge_base
