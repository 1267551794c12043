#pragma once
// SLA vocabulary of a ticket: priorities, the three clocks, policies and the policy table.
// Plain data; the arithmetic lives in sla_clock.hpp and business_calendar.hpp.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/time.hpp"
#include "actors/ticket/business_calendar.hpp"

namespace sb::ticket {

// Values are persisted: only append.
enum class Priority : std::uint8_t { low = 1, normal = 2, high = 3, urgent = 4 };

// Values are persisted: only append. Each clock's meaning:
//   first_response: from creation until the first agent reply; never paused.
//   next_reply:     from a customer reply (once the first response was given) until the next agent
//                   reply; paused while pending the customer; one "cycle" per unanswered customer
//                   turn.
//   resolution:     from creation until resolved; paused while pending the customer; a reopen
//                   resumes it with the time already counted.
enum class SlaClockKind : std::uint8_t { first_response = 1, next_reply = 2, resolution = 3 };
inline constexpr std::size_t kSlaClockCount = 3;
inline constexpr std::array<SlaClockKind, kSlaClockCount> kSlaClockKinds{
    SlaClockKind::first_response, SlaClockKind::next_reply, SlaClockKind::resolution};
constexpr std::size_t index_of(SlaClockKind kind) { return static_cast<std::size_t>(kind) - 1; }

inline constexpr Duration kSlaTargetMax = std::chrono::hours(24 * 365);
inline constexpr std::size_t kSlaPolicyTableEntriesMax = 64;

struct SlaPolicy {
  std::string name;  // for reports, e.g. "vip-urgent"
  Duration first_response_target{0};
  Duration next_reply_target{0};
  Duration resolution_target{0};
  double warn_fraction = 0.8;  // SlaWarned when this fraction of a target has elapsed; (0, 1)
  std::optional<BusinessCalendar> calendar;  // none: every minute counts
  std::string supervisor_group;              // escalation reassigns to "group:<supervisor_group>"
  bool operator==(const SlaPolicy&) const = default;
};

struct SlaPolicyEntry {
  Tier tier = Tier::regular;
  Priority priority = Priority::normal;
  SlaPolicy policy;
  bool operator==(const SlaPolicyEntry&) const = default;
};

// Read from config by the runtime and passed in the commands that pick a policy, so the core stays
// pure. The first entry for a tier × priority wins.
struct SlaPolicyTable {
  std::vector<SlaPolicyEntry> entries;
  bool operator==(const SlaPolicyTable&) const = default;
};

enum class ClockPhase : std::uint8_t {
  idle = 1,  // not started (next_reply before any unanswered customer turn)
  running = 2,
  paused = 3,   // pending the customer
  stopped = 4,  // met, or ended by resolution; a breach stays recorded in `breached`
};

struct SlaClock {
  ClockPhase phase = ClockPhase::idle;
  Duration target{0};
  // Business time counted up to `running_since` (running) or up to the pause/stop (otherwise).
  Duration elapsed{0};
  std::optional<Timestamp> running_since;  // set exactly while running
  std::uint32_t cycle = 0;                 // next_reply: one per customer turn; others stay 1
  bool warned = false;
  bool breached = false;
  bool operator==(const SlaClock&) const = default;
};

using SlaClocks = std::array<SlaClock, kSlaClockCount>;
// One duration per clock, indexed by index_of(SlaClockKind).
using ClockDurations = std::array<Duration, kSlaClockCount>;

}  // namespace sb::ticket
