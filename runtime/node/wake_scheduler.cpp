#include "runtime/node/wake_scheduler.hpp"

#include <map>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/common/time.hpp"
#include "runtime/entity/entity_registry.hpp"
#include "runtime/messages.hpp"

namespace sb::runtime {
namespace {

// The scheduler's own timer: the earliest pending wake-up is due (tagged with the arming's
// generation, so a timer armed before a rescan is ignored).
using due_atom = caf::atom_constant<caf::atom("due")>;

struct WakeSchedulerState {
  // What the last scan found, by due time. One entry costs a key and a number; a delayed CAF
  // message per entity would cost about 1 KB each, and a scan can find hundreds of thousands.
  std::multimap<std::int64_t, EntityKey> pending;
  std::uint64_t generation = 0;
  static inline const char* name = "wake-scheduler";
};

using WakeSchedulerActor = caf::stateful_actor<WakeSchedulerState>;

// Sends the wake-ups that are due and arms one timer for the next.
void wake_due(WakeSchedulerActor* self, const caf::actor& registry, const WakeSchedulerOptions& options) {
  auto& pending = self->state.pending;
  const auto now = options.clock();
  const auto now_ms = to_unix_ms(now);
  while (!pending.empty() && pending.begin()->first <= now_ms) {
    auto node = pending.extract(pending.begin());
    self->send(registry, route_atom::value, std::move(node.mapped()), caf::make_message(wake_atom::value));
  }
  if (pending.empty()) return;
  const auto delay = from_unix_ms(pending.begin()->first) - now;
  self->delayed_send(self, delay, due_atom::value, ++self->state.generation);
}

void scan(WakeSchedulerActor* self, Journal& journal, const caf::actor& registry,
          const WakeSchedulerOptions& options) {
  const auto horizon = options.clock() + options.rescan_interval;
  auto entries = journal.read_wake_index(to_unix_ms(horizon), options.entries_per_scan_max);
  if (!entries) {
    // The next scan tries again; entities in memory keep their own timers meanwhile.
    spdlog::error("wake-up index: {}", entries.error().message);
    return;
  }
  // The index holds every deadline still to be handled, so the scan replaces what the last one
  // found (an entity that moved its deadline is not woken twice).
  auto& pending = self->state.pending;
  pending.clear();
  for (auto& entry : *entries) pending.emplace(entry.due_ms, std::move(entry.key));
  if (!entries->empty())
    spdlog::info("wake-up index: {} entities due by the next scan", entries->size());
  wake_due(self, registry, options);
}

}  // namespace

caf::actor spawn_wake_scheduler(caf::actor_system& system, std::shared_ptr<Journal> journal,
                                caf::actor registry, WakeSchedulerOptions options) {
  auto behavior = [journal, registry, options](WakeSchedulerActor* self) -> caf::behavior {
    self->send(self, wake_atom::value);
    return {
        [self, journal, registry, options](wake_atom) {
          scan(self, *journal, registry, options);
          self->delayed_send(self, options.rescan_interval, wake_atom::value);
        },
        [self, registry, options](due_atom, std::uint64_t generation) {
          if (generation == self->state.generation) wake_due(self, registry, options);
        },
        [self](stop_atom) { self->quit(); },
    };
  };
  return options.detached ? system.spawn<caf::detached>(behavior) : system.spawn(behavior);
}

}  // namespace sb::runtime
