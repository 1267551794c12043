#pragma once
// The Customer's pure core: decide(state, command) -> events | rejection; evolve(state, event).

#include "actors/common/decider.hpp"
#include "actors/customer/customer_model.hpp"

namespace sb::customer {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

struct Decider {
  using Command = customer::Command;
  using Event = customer::Event;
  using State = customer::State;
  using Rejection = customer::Rejection;
  static constexpr EntityKind kKind = EntityKind::customer;
  static State initial_state() { return State{}; }
  static Decision<Event, Rejection> decide(const State& s, const Command& c) {
    return customer::decide(s, c);
  }
  static State evolve(State s, const Event& e) { return customer::evolve(std::move(s), e); }
};
static_assert(DeciderFor<Decider>);

}  // namespace sb::customer
