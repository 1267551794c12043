#pragma once
// The quality monitor entity: it reads the ordered feed, runs the quality rules on every agent
// reply and conversation end, and records each violation as an event. Its state is how far it
// has checked the feed; that position is written in the same atomic append as the violations
// found up to it, so a restarted monitor resumes exactly there: no violation twice, none lost.
// One monitor per node (id kMonitorId).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "actors/common/time.hpp"
#include "runtime/quality/violation.hpp"

namespace sb::quality {

inline constexpr std::string_view kMonitorId = "quality";
// Evidence is cut to this many bytes (whole UTF-8 characters); the event says when it was.
inline constexpr std::size_t kEvidenceBytesMax = 512;
// One feed entry yields at most this many violations (the first found are kept).
inline constexpr std::size_t kFindingsPerEntryMax = 16;
// One record is at most this many violations plus its FeedChecked: one journal append
// (runtime::kEventsPerAppendMax events).
inline constexpr std::size_t kFindingsPerCheckMax = 63;
// Checked entries without findings are recorded (a FeedChecked alone) once this many have
// passed, which bounds how much a restart checks again.
inline constexpr std::uint64_t kCheckpointEveryEntries = 4096;

// A violation and the feed entry that revealed it.
struct Finding {
  Violation violation;
  std::uint64_t source_seq = 0;
  std::uint64_t source_version = 0;
  bool operator==(const Finding&) const = default;
};

// --- commands -----------------------------------------------------------------------------------
// Records that every feed entry up to `through_seq` has been checked and found `findings`
// (in feed order, each in (checked_through_seq, through_seq]).
struct RecordCheck {
  std::uint64_t through_seq = 0;
  std::vector<Finding> findings;
  Timestamp at;
};
using Command = std::variant<RecordCheck>;

// --- events -------------------------------------------------------------------------------------
struct ViolationDetected {
  Rule rule = Rule::forbidden_phrase;
  std::string evidence;  // at most kEvidenceBytesMax bytes
  bool evidence_truncated = false;
  std::string agent_id;
  std::string conversation_id;
  std::uint64_t source_seq = 0;
  std::uint64_t source_version = 0;
  Timestamp at;
  bool operator==(const ViolationDetected&) const = default;
};
struct FeedChecked {
  std::uint64_t through_seq = 0;
  Timestamp at;
  bool operator==(const FeedChecked&) const = default;
};
using Event = std::variant<ViolationDetected, FeedChecked>;

// --- state --------------------------------------------------------------------------------------
struct State {
  std::uint64_t checked_through_seq = 0;
  std::uint64_t violations_total = 0;
  Timestamp last_checked_at{};
  bool operator==(const State&) const = default;
};

enum class Rejection : std::uint8_t {
  already_checked = 1,  // through_seq is not past the recorded position
  too_many_findings,
  invalid_finding,  // out of the checked range, out of order, unknown rule, over-long id
};

std::string_view to_string(Rejection rejection);

// The violation as supervisors and reports see it.
Violation as_violation(const ViolationDetected& detected);

}  // namespace sb::quality
