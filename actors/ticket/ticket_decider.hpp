#pragma once
// The pure core of a ticket: decide, evolve, and the timer instant the actor arms.

#include <optional>

#include "actors/common/decider.hpp"
#include "actors/common/decision.hpp"
#include "actors/common/entity_kind.hpp"
#include "actors/common/time.hpp"
#include "actors/ticket/ticket_model.hpp"

namespace sb::ticket {

// Returns the events `command` causes in `state`, or why it is refused. Pure; never throws.
// Every command on an existing ticket first records the SLA warnings and breaches (each followed
// by Escalated) that fell due by its `at`, so a reply that arrives after a missed deadline (for
// example right after a restart, before the timer fired) still records the breach first.
Decision<Event, Rejection> decide(const State& state, const Command& command);

// Applies one durable event. Only assigns fields (elapsed times come in the events); used live
// and in replay; accepts every event decide can produce.
State evolve(State state, const Event& event);

// When the actor should send CheckSla{at}: the earliest unrecorded SLA warning or breach of a
// running clock, or nullopt when none can fall due. Re-arm after recovery and after every
// accepted command; an instant in the past means "now".
std::optional<Timestamp> next_deadline(const State& state);

using Decider = CoreDecider<EntityKind::ticket, State, Command, Event, Rejection, &ticket::decide,
                            &ticket::evolve>;
static_assert(sb::DeciderFor<Decider>);

}  // namespace sb::ticket
