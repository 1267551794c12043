#pragma once
// The quality monitor's pure core: decide(state, command) -> events | rejection; evolve.

#include "actors/common/decider.hpp"
#include "actors/quality/quality_model.hpp"

namespace sb::quality {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

struct Decider {
  using Command = quality::Command;
  using Event = quality::Event;
  using State = quality::State;
  using Rejection = quality::Rejection;
  static constexpr EntityKind kKind = EntityKind::quality_monitor;
  static State initial_state() { return State{}; }
  static Decision<Event, Rejection> decide(const State& s, const Command& c) {
    return quality::decide(s, c);
  }
  static State evolve(State s, const Event& e) { return quality::evolve(std::move(s), e); }
};
static_assert(DeciderFor<Decider>);

}  // namespace sb::quality
