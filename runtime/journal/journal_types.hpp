#pragma once
// The records the journal stores and returns. Payloads are opaque bytes encoded by the entity's
// codec; the journal only knows envelopes, versions and the global feed.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/journal/entity_key.hpp"

namespace sb::runtime {

// Named limits: a command's events travel in one write and one message.
inline constexpr std::size_t kEventsPerAppendMax = 64;
inline constexpr std::size_t kEventPayloadBytesMax = 256 * 1024;

struct EventRecord {
  std::uint64_t version = 0;  // 1-based; assigned by the appender as expected_version + i + 1
  std::int64_t timestamp_ms = 0;
  std::string command_id;
  std::string causation_id;
  std::string correlation_id;
  std::string payload;

  bool operator==(const EventRecord&) const = default;
};

// When an entity next needs to run (its earliest timer), as unix milliseconds; nullopt: no timer
// is pending. Written in the same atomic write as the events that set it, so that a restarted
// node can wake every entity with a pending timer, including those no one else will touch.
struct WakeUpdate {
  std::optional<std::int64_t> due_ms;
  bool operator==(const WakeUpdate&) const = default;
};

struct AppendRequest {
  EntityKey key;
  std::uint64_t expected_version = 0;  // the version the entity decided on
  std::vector<EventRecord> events;     // versions expected_version+1 ... in order
  std::optional<WakeUpdate> wake;      // absent: the entity's wake-up index entry is unchanged
};

// One entry of the wake-up index.
struct WakeEntry {
  EntityKey key;
  std::int64_t due_ms = 0;
  bool operator==(const WakeEntry&) const = default;
};

// A command id the entity has handled recently and the versions its events got.
struct RecentCommand {
  std::string command_id;
  std::uint64_t first_version = 0;
  std::uint64_t last_version = 0;

  bool operator==(const RecentCommand&) const = default;
};

struct SnapshotRecord {
  std::uint64_t version = 0;
  std::int64_t timestamp_ms = 0;
  std::string state;
  std::vector<RecentCommand> recent_commands;

  bool operator==(const SnapshotRecord&) const = default;
};

// What an entity needs to come back: the latest snapshot and every event after it.
struct Recovery {
  std::optional<SnapshotRecord> snapshot;
  std::vector<EventRecord> events;  // versions snapshot->version+1 ... version, gap-free
  std::uint64_t version = 0;        // the entity's current version
};

struct FeedEntry {
  std::uint64_t seq = 0;  // global, per node, 1-based, gap-free
  EntityKey key;
  EventRecord event;
};

enum class JournalErrc : std::uint8_t {
  conflict = 1,      // expected version differs from the stored one (single writer violated)
  io_error,          // the write may or may not have happened
  no_space,          // disk full; nothing new can be written until space is freed
  corruption,        // a stored record does not decode or versions have a gap
  invalid_argument,  // the request itself is malformed (too many events, oversized payload)
  unavailable,       // the journal is closed or shutting down
};

struct JournalError {
  JournalErrc code = JournalErrc::io_error;
  std::string message;
};

std::string_view to_string(JournalErrc code);

}  // namespace sb::runtime
