#include "runtime/journal/journal_actor.hpp"

#include <caf/actor_pool.hpp>
#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "runtime/errors.hpp"
#include "runtime/messages.hpp"

namespace sb::runtime {
namespace {

struct WriterState {
  std::shared_ptr<Journal> journal;
  JournalWriterOptions options;
  std::vector<AppendRequest> pending;
  std::vector<caf::response_promise> promises;
  bool flush_scheduled = false;
  JournalWriterStats stats;
  static inline const char* name = "journal-writer";
};

using WriterActor = caf::stateful_actor<WriterState>;

void flush(WriterActor* self) {
  auto& st = self->state;
  st.flush_scheduled = false;
  if (st.pending.empty()) return;
  const bool sync = st.options.durability == DurabilityMode::sync;
  auto results = st.journal->append(st.pending, sync);
  ++st.stats.writes;
  st.stats.largest_group = std::max<std::uint64_t>(st.stats.largest_group, st.pending.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i]) {
      ++st.stats.appends;
      st.stats.events += st.pending[i].events.size();
      st.promises[i].deliver(*results[i]);
    } else {
      ++st.stats.failed;
      st.promises[i].deliver(make_journal_error(results[i].error()));
    }
  }
  st.pending.clear();
  st.promises.clear();
}

caf::behavior journal_writer(WriterActor* self, std::shared_ptr<Journal> journal,
                             JournalWriterOptions options) {
  self->state.journal = std::move(journal);
  self->state.options = options;
  if (options.durability == DurabilityMode::batched) {
    self->delayed_send(self, options.batched_sync_interval, sync_atom::value);
  }
  return {
      [self](append_atom, AppendRequest& request) -> caf::result<std::uint64_t> {
        auto& st = self->state;
        auto promise = self->make_response_promise<std::uint64_t>();
        st.pending.push_back(std::move(request));
        st.promises.push_back(promise);
        if (st.pending.size() >= st.options.group_requests_max) {
          flush(self);
        } else if (!st.flush_scheduled) {
          // Everything already in the mailbox is handled before this message: that is the group.
          st.flush_scheduled = true;
          self->send(self, flush_atom::value);
        }
        return promise;
      },
      [self](flush_atom) { flush(self); },
      [self](snapshot_atom, const EntityKey& key, const SnapshotRecord& snapshot) {
        if (auto saved = self->state.journal->save_snapshot(key, snapshot); !saved) {
          spdlog::warn("snapshot of {} not saved: {}", to_string(key), saved.error().message);
        }
      },
      [self](sync_atom) {
        if (auto synced = self->state.journal->sync(); !synced) {
          spdlog::error("periodic WAL sync failed: {}", synced.error().message);
        }
        self->delayed_send(self, self->state.options.batched_sync_interval, sync_atom::value);
      },
      [self](stats_atom) { return self->state.stats; },
      [self](stop_atom) {
        // Everything queued before this message is written first (mailbox order).
        flush(self);
        if (auto synced = self->state.journal->sync(); !synced) {
          spdlog::error("final WAL sync failed: {}", synced.error().message);
        }
        self->quit();
      },
  };
}

caf::behavior journal_reader(caf::event_based_actor* self, std::shared_ptr<Journal> journal) {
  return {
      [journal](recover_atom, const EntityKey& key) -> caf::result<Recovery> {
        auto recovery = journal->recover(key);
        if (!recovery) return make_journal_error(recovery.error());
        return std::move(*recovery);
      },
      [journal](read_atom, const EntityKey& key, std::uint64_t after,
                std::uint64_t up_to) -> caf::result<std::vector<EventRecord>> {
        auto events = journal->read(key, after, up_to);
        if (!events) return make_journal_error(events.error());
        return std::move(*events);
      },
      [journal](feed_atom, std::uint64_t after_seq,
                std::uint64_t max_entries) -> caf::result<std::vector<FeedEntry>> {
        auto entries = journal->read_feed(after_seq, max_entries);
        if (!entries) return make_journal_error(entries.error());
        return std::move(*entries);
      },
  };
}

}  // namespace

JournalActors spawn_journal_actors(caf::actor_system& system, std::shared_ptr<Journal> journal,
                                   const JournalWriterOptions& options, std::size_t readers,
                                   bool detached) {
  JournalActors actors;
  auto spawn_reader = [&system, journal, detached] {
    return detached ? system.spawn<caf::detached>(journal_reader, journal)
                    : system.spawn(journal_reader, journal);
  };
  actors.writer = detached ? system.spawn<caf::detached>(journal_writer, journal, options)
                           : system.spawn(journal_writer, journal, options);
  if (readers <= 1) {
    actors.reader = spawn_reader();
  } else {
    actors.reader = caf::actor_pool::make(system.dummy_execution_unit(), readers, spawn_reader,
                                          caf::actor_pool::round_robin());
  }
  return actors;
}

}  // namespace sb::runtime
