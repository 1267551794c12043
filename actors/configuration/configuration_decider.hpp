#pragma once
// The configuration entity's pure core: decide(state, command) -> events | rejection; evolve.
// Setting what is already configured is accepted with no events (an administrator's retry).

#include "actors/common/decider.hpp"
#include "actors/configuration/configuration_model.hpp"

namespace sb::configuration {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

struct Decider {
  using Command = configuration::Command;
  using Event = configuration::Event;
  using State = configuration::State;
  using Rejection = configuration::Rejection;
  static constexpr EntityKind kKind = EntityKind::configuration;
  static State initial_state() { return State{}; }
  static Decision<Event, Rejection> decide(const State& s, const Command& c) {
    return configuration::decide(s, c);
  }
  static State evolve(State s, const Event& e) { return configuration::evolve(std::move(s), e); }
};
static_assert(DeciderFor<Decider>);

}  // namespace sb::configuration
