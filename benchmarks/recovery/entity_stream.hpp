#pragma once
// One entity's history built the way its actor would build it, without the actor: each command
// goes through the entity's pure decider (so the stream is one the product accepts and can
// replay), its events are encoded with the entity's codec into one append (one command = one
// append, as the entity host writes), and a snapshot falls due every `snapshot_every` events
// exactly as the host's maybe_snapshot schedules it.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "actors/common/time.hpp"
#include "runtime/journal/journal_types.hpp"

namespace sb::bench {

template <class D, class C>
class EntityStream {
 public:
  EntityStream(std::string id, std::uint64_t snapshot_every)
      : key_{D::kKind, std::move(id)}, snapshot_every_(snapshot_every) {}

  // Decides `command` on the current state and returns its events as one append request.
  // A rejection is a bug in the history script: it aborts with the decider's explanation.
  runtime::AppendRequest run(const typename D::Command& command, const std::string& command_id,
                             Timestamp at, const std::string& correlation_id) {
    auto decision = D::decide(state_, command);
    if (!decision.accepted()) {
      std::fprintf(stderr, "history script: %s refused a command: %s\n",
                   runtime::to_string(key_).c_str(), decision.rejection().detail.c_str());
      std::abort();
    }
    runtime::AppendRequest request;
    request.key = key_;
    request.expected_version = version_;
    for (const auto& event : decision.events()) {
      state_ = D::evolve(std::move(state_), event);
      runtime::EventRecord record;
      record.version = ++version_;
      record.timestamp_ms = to_unix_ms(at);
      record.command_id = command_id;
      record.correlation_id = correlation_id;
      record.payload = C::encode_event(event);
      request.events.push_back(std::move(record));
    }
    return request;
  }

  // The snapshot the entity host would write now, if one is due.
  std::optional<runtime::SnapshotRecord> due_snapshot() {
    if (snapshot_every_ == 0 || version_ - snapshot_version_ < snapshot_every_) return std::nullopt;
    snapshot_version_ = version_;
    runtime::SnapshotRecord snapshot;
    snapshot.version = version_;
    snapshot.state = C::encode_state(state_);
    return snapshot;
  }

  const runtime::EntityKey& key() const { return key_; }
  const typename D::State& state() const { return state_; }

 private:
  runtime::EntityKey key_;
  std::uint64_t snapshot_every_;
  typename D::State state_ = D::initial_state();
  std::uint64_t version_ = 0;
  std::uint64_t snapshot_version_ = 0;
};

}  // namespace sb::bench
