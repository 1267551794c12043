#pragma once
// The Conversation's pure core: decide(state, command) -> events | rejection; evolve(state, event).
// Helpers the actor needs (bot_has_turn, should_reopen, handoff_record, next_deadline,
// effects_after) are in conversation_queries.hpp.

#include "actors/common/decider.hpp"
#include "actors/conversation/conversation_model.hpp"

namespace sb::conversation {

Decision<Event, Rejection> decide(const State& state, const Command& command);
State evolve(State state, const Event& event);

struct Decider {
  using Command = conversation::Command;
  using Event = conversation::Event;
  using State = conversation::State;
  using Rejection = conversation::Rejection;
  static constexpr EntityKind kKind = EntityKind::conversation;
  static State initial_state() { return State{}; }
  static Decision<Event, Rejection> decide(const State& s, const Command& c) {
    return conversation::decide(s, c);
  }
  static State evolve(State s, const Event& e) { return conversation::evolve(std::move(s), e); }
};
static_assert(DeciderFor<Decider>);

}  // namespace sb::conversation
