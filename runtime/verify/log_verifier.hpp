#pragma once
// Checks a whole log the way a node would use it, in one pass: every entity's history is
// replayed through its decider (decode + evolve, as the entity's actor does when it recovers)
// and the feed is read end to end. A node recovers lazily, so it meets a damaged history only
// when that entity is next touched; this finds it before, and says which entities are affected.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "actors/common/entity_kind.hpp"
#include "actors/common/expected.hpp"
#include "runtime/journal/rocksdb_journal.hpp"

namespace sb::verify {

struct KindTally {
  std::uint64_t entities = 0;
  std::uint64_t events = 0;  // replayed, after the snapshots
  std::uint64_t snapshots = 0;
};

struct VerifyReport {
  std::map<EntityKind, KindTally> kinds;
  std::uint64_t damaged = 0;          // entities whose history does not replay
  std::vector<std::string> problems;  // the first VerifyOptions::problems_kept, "entity: why"
  std::uint64_t feed_entries = 0;
  std::optional<std::string> feed_problem;  // why the feed could not be read to its end
  double entity_seconds = 0;
  double feed_seconds = 0;

  std::uint64_t entities() const;
  std::uint64_t events() const;
  bool clean() const { return damaged == 0 && !feed_problem; }
};

struct VerifyOptions {
  std::size_t threads = 2;  // reader threads, each over its own range of vshards
  std::size_t problems_kept = 20;
  bool feed = true;  // false: the entities only
};

// Rebuilds one entity's state from its recovery through its kind's codec and decider, as the
// entity's actor does when it recovers (the state is dropped): the error says why it does not
// replay. Kinds that keep no history of their own are only read.
Expected<void, std::string> replay_history(EntityKind kind, const runtime::Recovery& recovery);

// An error only when the database itself cannot be read; damage is in the report.
Expected<VerifyReport, std::string> verify_log(runtime::RocksDbJournal& journal,
                                               const VerifyOptions& options);

}  // namespace sb::verify
