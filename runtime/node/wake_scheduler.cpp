#include "runtime/node/wake_scheduler.hpp"

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/common/time.hpp"
#include "runtime/entity/entity_registry.hpp"
#include "runtime/messages.hpp"

namespace sb::runtime {
namespace {

struct WakeSchedulerState {
  static inline const char* name = "wake-scheduler";
};

void scan(caf::stateful_actor<WakeSchedulerState>* self, Journal& journal,
          const caf::actor& registry, const WakeSchedulerOptions& options) {
  const auto now = options.clock();
  const auto horizon = now + options.rescan_interval;
  auto entries = journal.read_wake_index(to_unix_ms(horizon), options.entries_per_scan_max);
  if (!entries) {
    // The next scan tries again; entities in memory keep their own timers meanwhile.
    spdlog::error("wake-up index: {}", entries.error().message);
    return;
  }
  for (auto& entry : *entries) {
    const auto delay = from_unix_ms(entry.due_ms) - now;
    if (delay <= Duration(0)) {
      self->send(registry, route_atom::value, std::move(entry.key),
                 caf::make_message(wake_atom::value));
    } else {
      self->delayed_send(registry, delay, route_atom::value, std::move(entry.key),
                         caf::make_message(wake_atom::value));
    }
  }
  if (!entries->empty())
    spdlog::info("wake-up index: {} entities due by the next scan", entries->size());
}

}  // namespace

caf::actor spawn_wake_scheduler(caf::actor_system& system, std::shared_ptr<Journal> journal,
                                caf::actor registry, WakeSchedulerOptions options) {
  auto behavior = [journal, registry,
                   options](caf::stateful_actor<WakeSchedulerState>* self) -> caf::behavior {
    self->send(self, wake_atom::value);
    return {
        [self, journal, registry, options](wake_atom) {
          scan(self, *journal, registry, options);
          self->delayed_send(self, options.rescan_interval, wake_atom::value);
        },
        [self](stop_atom) { self->quit(); },
    };
  };
  return options.detached ? system.spawn<caf::detached>(behavior) : system.spawn(behavior);
}

}  // namespace sb::runtime
