#include "actors/quality/quality_monitor_actor.hpp"

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/conversation/conversation_codec.hpp"
#include "actors/quality/check_batch.hpp"
#include "actors/quality/quality_codec.hpp"
#include "actors/quality/quality_decider.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/quality/conversation_checker.hpp"

namespace sb::quality {
namespace {

static_assert(kFindingsPerCheckMax + 1 <= runtime::kEventsPerAppendMax,
              "a record (findings and its FeedChecked) must fit into one append");

using tick_atom = caf::atom_constant<caf::atom("qm_tick")>;
using Monitor = runtime::EntityActor<Decider, Codec>;

// The monitor never passivates: it has work whenever the feed grows.
constexpr std::chrono::hours kNeverIdle{24 * 365};

// The feed-reading side of the monitor, beside the entity state the host keeps.
struct Scan {
  Scan(std::shared_ptr<runtime::Journal> j, QualityRules rules, QualityMonitorOptions o)
      : journal(std::move(j)),
        checker(std::move(rules.config), std::move(rules.kb_answers)),
        options(std::move(o)) {}

  std::shared_ptr<runtime::Journal> journal;
  ConversationChecker checker;
  QualityMonitorOptions options;
  CheckBatch batch;
  std::uint64_t tick_generation = 0;  // only the latest scheduled tick runs (no parallel chains)
  std::optional<caf::typed_response_promise<std::uint64_t>> drain;
  bool read_failed = false;  // logged once per failure streak
};

Timestamp now() { return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now()); }

void schedule(Monitor* self, Scan& scan, std::chrono::milliseconds delay) {
  const auto generation = ++scan.tick_generation;
  if (delay.count() == 0) {
    self->send(self, tick_atom::value, generation);
  } else {
    self->delayed_send(self, delay, tick_atom::value, generation);
  }
}

void publish_progress(Scan& scan) {
  if (scan.options.recorded_through && scan.batch.nothing_pending()) {
    scan.options.recorded_through->store(scan.batch.position());
  }
}

Expected<std::vector<conversation::Event>, std::string> load_history(runtime::Journal& journal,
                                                                     const std::string& id,
                                                                     std::uint64_t up_to) {
  auto records = journal.read({EntityKind::conversation, id}, 0, up_to);
  if (!records) return unexpected(records.error().message);
  std::vector<conversation::Event> events;
  events.reserve(records->size());
  for (const auto& record : *records) {
    auto event = conversation::Codec::decode_event(record.payload);
    if (!event) return unexpected(event.error());
    events.push_back(std::move(*event));
  }
  return events;
}

// The violations an entry reveals, or why it cannot be checked yet.
Expected<std::vector<Violation>, std::string> check(Scan& scan, const runtime::FeedEntry& entry) {
  if (entry.key.kind != EntityKind::conversation) return std::vector<Violation>{};
  auto event = conversation::Codec::decode_event(entry.event.payload);
  // Undecodable: the projection counts it; no rule can read it.
  if (!event) return std::vector<Violation>{};
  const HistoryLoader load = [&scan](const std::string& id, std::uint64_t up_to) {
    return load_history(*scan.journal, id, up_to);
  };
  return scan.checker.check(entry.key.id, entry.event.version, *event, load);
}

void record(Monitor* self, std::shared_ptr<Scan> scan);

// Checks one page of the feed (less when the record fills up), then records or waits.
void step(Monitor* self, const std::shared_ptr<Scan>& scan) {
  auto& batch = scan->batch;
  auto page = scan->journal->read_feed(batch.position(), scan->options.page_entries);
  if (!page) {
    if (!scan->read_failed)
      spdlog::warn("quality monitor: reading the feed failed: {}", page.error().message);
    scan->read_failed = true;
    schedule(self, *scan, scan->options.poll_interval);
    return;
  }
  scan->read_failed = false;
  bool more = page->size() == scan->options.page_entries;
  for (const auto& entry : *page) {
    if (entry.key.kind == EntityKind::quality_monitor) {
      batch.passed_over(entry.seq);
      continue;
    }
    auto found = check(*scan, entry);
    if (!found) {
      // A history read failed: this entry is checked again on the next poll.
      spdlog::warn("quality monitor: cannot check feed entry {}: {}", entry.seq, found.error());
      more = false;
      break;
    }
    batch.checked(entry.seq, entry.event.version, std::move(*found));
    if (batch.full()) {
      more = true;
      break;
    }
  }
  if (batch.worth_recording()) {
    record(self, scan);
    return;
  }
  publish_progress(*scan);
  if (more) {
    schedule(self, *scan, std::chrono::milliseconds(0));
  } else if (scan->drain) {
    scan->drain->deliver(batch.position());
    self->quit();
  } else {
    schedule(self, *scan, scan->options.poll_interval);
  }
}

// Appends what the batch holds through the host (awaited: nothing else runs meanwhile), then
// goes on reading. A failed append stops the monitor (the host does): the outcome is unknown and
// only recovery can tell how far the log got.
void record(Monitor* self, std::shared_ptr<Scan> scan) {
  const Timestamp at = now();
  runtime::CommandEnvelope<Command> envelope{scan->batch.take(at), {}, {}, {}, to_unix_ms(at)};
  runtime::execute<Decider, Codec>(
      self, envelope, [self, scan](caf::expected<runtime::CommandReply<Decider>> reply) {
        if (!reply) return;  // the host stops the monitor
        if (!reply->ok()) {
          // Only a second writer could cause this: stop rather than record twice.
          spdlog::error("quality monitor: a record was refused ({}: {}); stopping",
                        to_string(reply->rejection->code), reply->rejection->detail);
          self->quit(caf::sec::runtime_error);
          return;
        }
        publish_progress(*scan);
        schedule(self, *scan, std::chrono::milliseconds(0));
      });
}

}  // namespace

caf::actor spawn_quality_monitor(caf::actor_system& system,
                                 std::shared_ptr<runtime::Journal> journal,
                                 runtime::EntityContext context, QualityRules rules,
                                 QualityMonitorOptions options) {
  auto scan = std::make_shared<Scan>(std::move(journal), std::move(rules), std::move(options));
  context.registry = caf::actor{};
  context.options.idle_timeout = kNeverIdle;
  // Detached: reading the feed and conversation histories blocks on RocksDB.
  return system.spawn<caf::detached>([scan, context](Monitor* self) {
    self->state.after_recover = [self, scan] {
      scan->batch = CheckBatch(self->state.model.checked_through_seq);
      publish_progress(*scan);
      schedule(self, *scan, std::chrono::milliseconds(0));
    };
    self->state.after_persist = [scan](const State&, const std::vector<Event>&) {
      if (scan->options.after_record) scan->options.after_record();
    };
    return runtime::entity_behavior<Decider, Codec>(
        self, runtime::EntityKey{EntityKind::quality_monitor, std::string(kMonitorId)}, context,
        [self, scan](tick_atom, std::uint64_t generation) {
          if (generation == scan->tick_generation) step(self, scan);
        },
        [self, scan](quality_drain_atom) {
          auto promise = self->make_response_promise<std::uint64_t>();
          scan->drain = promise;
          schedule(self, *scan, std::chrono::milliseconds(0));
          return promise;
        });
  });
}

}  // namespace sb::quality
