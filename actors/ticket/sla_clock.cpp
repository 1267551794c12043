#include "actors/ticket/sla_clock.hpp"

#include <algorithm>
#include <tuple>

#include "actors/common/assert.hpp"
#include "actors/ticket/ticket_validation.hpp"

namespace sb::ticket {
namespace {

// The instant at which the running clock reaches `threshold` of business time.
std::optional<Timestamp> instant_of(const SlaClock& clock, const SlaPolicy& policy,
                                    Duration threshold) {
  SB_ASSERT(clock.phase == ClockPhase::running && clock.running_since.has_value());
  const Duration remaining = threshold - clock.elapsed;
  if (remaining <= Duration(0)) return *clock.running_since;
  return business_deadline(policy.calendar, *clock.running_since, remaining);
}

std::optional<std::string> check_target(const SlaPolicy& policy, SlaClockKind kind) {
  const Duration target = target_of(policy, kind);
  if (target > Duration(0) && target <= kSlaTargetMax) return std::nullopt;
  return "the " + std::string(to_string(kind)) + " target of SLA policy '" + policy.name + "' is " +
         std::to_string(target.count()) + " ms; it must be more than 0 and at most 365 days";
}

}  // namespace

std::string_view to_string(Priority priority) {
  switch (priority) {
    case Priority::low:
      return "low";
    case Priority::normal:
      return "normal";
    case Priority::high:
      return "high";
    case Priority::urgent:
      return "urgent";
  }
  return "unknown";
}

std::string_view to_string(SlaClockKind kind) {
  switch (kind) {
    case SlaClockKind::first_response:
      return "first_response";
    case SlaClockKind::next_reply:
      return "next_reply";
    case SlaClockKind::resolution:
      return "resolution";
  }
  return "unknown";
}

bool is_known(Priority priority) {
  return priority >= Priority::low && priority <= Priority::urgent;
}

Priority raised(Priority priority) {
  if (priority >= Priority::urgent) return Priority::urgent;
  return static_cast<Priority>(static_cast<std::uint8_t>(priority) + 1);
}

Duration target_of(const SlaPolicy& policy, SlaClockKind kind) {
  switch (kind) {
    case SlaClockKind::first_response:
      return policy.first_response_target;
    case SlaClockKind::next_reply:
      return policy.next_reply_target;
    case SlaClockKind::resolution:
      return policy.resolution_target;
  }
  SB_ASSERT(false && "unknown SLA clock kind");
  return Duration(0);
}

const SlaPolicy* find_policy(const SlaPolicyTable& table, Tier tier, Priority priority) {
  for (const SlaPolicyEntry& entry : table.entries) {
    if (entry.tier == tier && entry.priority == priority) return &entry.policy;
  }
  return nullptr;
}

std::optional<std::string> check_policy(const SlaPolicy& policy) {
  if (auto why = check_id("the SLA policy name", policy.name)) return why;
  for (SlaClockKind kind : kSlaClockKinds) {
    if (auto why = check_target(policy, kind)) return why;
  }
  if (!(policy.warn_fraction > 0.0 && policy.warn_fraction < 1.0)) {
    return "warn_fraction " + std::to_string(policy.warn_fraction) + " of SLA policy '" +
           policy.name + "' is not between 0 and 1 (exclusive)";
  }
  if (auto why = check_id("the supervisor group", policy.supervisor_group)) return why;
  if (policy.calendar) {
    if (auto why = check_calendar(*policy.calendar)) {
      return "the business calendar of SLA policy '" + policy.name + "' is invalid: " + *why;
    }
  }
  return std::nullopt;
}

Duration elapsed_at(const SlaClock& clock, const SlaPolicy& policy, Timestamp at) {
  if (clock.phase != ClockPhase::running) return clock.elapsed;
  SB_ASSERT(clock.running_since.has_value());
  return clock.elapsed + business_time_between(policy.calendar, *clock.running_since, at);
}

ClockDurations elapsed_at(const SlaClocks& clocks, const SlaPolicy& policy, Timestamp at) {
  ClockDurations result{};
  for (SlaClockKind kind : kSlaClockKinds) {
    result[index_of(kind)] = elapsed_at(clocks[index_of(kind)], policy, at);
  }
  return result;
}

Duration warn_threshold(const SlaClock& clock, const SlaPolicy& policy) {
  return Duration(
      static_cast<Duration::rep>(static_cast<double>(clock.target.count()) * policy.warn_fraction));
}

std::vector<DueSla> due_sla(const SlaClocks& clocks, const SlaPolicy& policy, Timestamp at) {
  std::vector<DueSla> due;
  for (SlaClockKind kind : kSlaClockKinds) {
    const SlaClock& clock = clocks[index_of(kind)];
    if (clock.phase != ClockPhase::running) continue;
    if (!clock.warned) {
      const auto warn_at = instant_of(clock, policy, warn_threshold(clock, policy));
      if (warn_at && *warn_at <= at) due.push_back({*warn_at, kind, false});
    }
    if (!clock.breached) {
      const auto breach_at = instant_of(clock, policy, clock.target);
      if (breach_at && *breach_at <= at) due.push_back({*breach_at, kind, true});
    }
  }
  std::sort(due.begin(), due.end(), [](const DueSla& a, const DueSla& b) {
    return std::tuple(a.due_at, index_of(a.clock), a.breach) <
           std::tuple(b.due_at, index_of(b.clock), b.breach);
  });
  return due;
}

std::optional<Timestamp> next_sla_instant(const SlaClocks& clocks, const SlaPolicy& policy) {
  std::optional<Timestamp> earliest;
  for (const SlaClock& clock : clocks) {
    if (clock.phase != ClockPhase::running || (clock.warned && clock.breached)) continue;
    // An unrecorded warning always falls due no later than the breach.
    const Duration threshold = clock.warned ? clock.target : warn_threshold(clock, policy);
    const auto instant = instant_of(clock, policy, threshold);
    if (instant && (!earliest || *instant < *earliest)) earliest = instant;
  }
  return earliest;
}

}  // namespace sb::ticket
