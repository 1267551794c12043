#pragma once
// What every entity's pure core provides. The runtime's entity host is written once against this.

#include <concepts>
#include <string_view>
#include <utility>

#include "actors/common/decision.hpp"
#include "actors/common/entity_kind.hpp"

namespace sb {

// A decider binds an entity's types and its two pure functions:
//   decide(state, command) -> events | rejection   (never mutates, never does I/O)
//   evolve(state, event)   -> state                (only assigns; used live and in replay)
template <class D>
concept DeciderFor = requires(const typename D::State& state, const typename D::Command& command,
                              const typename D::Event& event, typename D::Rejection rejection) {
  { D::kKind } -> std::convertible_to<EntityKind>;
  { D::initial_state() } -> std::same_as<typename D::State>;
  { D::decide(state, command) } -> std::same_as<Decision<typename D::Event, typename D::Rejection>>;
  { D::evolve(state, event) } -> std::same_as<typename D::State>;
  { to_string(rejection) } -> std::convertible_to<std::string_view>;
};

// The Decider of an entity whose pure core is the free functions `decide` and `evolve` over its
// model types; every entity declares one as
//   using Decider = CoreDecider<EntityKind::x, State, Command, Event, Rejection, &decide, &evolve>;
template <EntityKind Kind, class S, class C, class E, class R,
          Decision<E, R> (*Decide)(const S&, const C&), S (*Evolve)(S, const E&)>
struct CoreDecider {
  using Command = C;
  using Event = E;
  using State = S;
  using Rejection = R;
  static constexpr EntityKind kKind = Kind;
  static State initial_state() { return State{}; }
  static Decision<Event, Rejection> decide(const State& s, const Command& c) {
    return Decide(s, c);
  }
  static State evolve(State s, const Event& e) { return Evolve(std::move(s), e); }
};

// Folds a history into a state, as recovery does.
template <class D, class Events>
typename D::State fold_events(const Events& events, typename D::State state = D::initial_state()) {
  for (const auto& event : events) state = D::evolve(std::move(state), event);
  return state;
}

}  // namespace sb
