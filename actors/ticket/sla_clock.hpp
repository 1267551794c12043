#pragma once
// Pure SLA clock arithmetic: elapsed business time, warning and breach instants, what is due.

#include <optional>
#include <string>
#include <vector>

#include "actors/common/time.hpp"
#include "actors/ticket/sla_model.hpp"

namespace sb::ticket {

std::string_view to_string(Priority priority);
std::string_view to_string(SlaClockKind kind);
bool is_known(Priority priority);
// One step up, capped at urgent.
Priority raised(Priority priority);

Duration target_of(const SlaPolicy& policy, SlaClockKind kind);
const SlaPolicy* find_policy(const SlaPolicyTable& table, Tier tier, Priority priority);
// Why `policy` cannot be applied, or nullopt when it can.
std::optional<std::string> check_policy(const SlaPolicy& policy);

// The business time the clock has counted at `at` (a running clock counts up to `at`; an `at`
// before running_since adds nothing, so elapsed never goes down).
Duration elapsed_at(const SlaClock& clock, const SlaPolicy& policy, Timestamp at);
ClockDurations elapsed_at(const SlaClocks& clocks, const SlaPolicy& policy, Timestamp at);

// The business time at which the clock warns: target × warn_fraction, in whole milliseconds.
Duration warn_threshold(const SlaClock& clock, const SlaPolicy& policy);

// A warning or breach that is due, and when it fell due.
struct DueSla {
  Timestamp due_at;
  SlaClockKind clock;
  bool breach;  // false: warning
};

// Every warning and breach of a running clock that is not yet recorded and falls due at or before
// `at`, ordered by due instant (a clock's warning before its breach).
std::vector<DueSla> due_sla(const SlaClocks& clocks, const SlaPolicy& policy, Timestamp at);

// The earliest instant at which due_sla would return something, or nullopt when nothing can fall
// due (no running clock with an unrecorded warning or breach, or a calendar that never opens).
std::optional<Timestamp> next_sla_instant(const SlaClocks& clocks, const SlaPolicy& policy);

}  // namespace sb::ticket
