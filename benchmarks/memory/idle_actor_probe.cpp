#include "benchmarks/memory/idle_actor_probe.hpp"

#include <thread>
#include <vector>

#include <caf/all.hpp>

#include "benchmarks/memory/process_memory.hpp"

namespace sb::bench {
namespace {

struct IdleState {
  std::uint64_t version = 0;
};

caf::behavior idle(caf::stateful_actor<IdleState>* self, std::chrono::milliseconds idle_timeout) {
  return {
      [self](std::uint64_t v) { self->state.version = v; },
      caf::after(idle_timeout) >> [self] { self->quit(); },
  };
}

}  // namespace

double idle_actor_heap_bytes(caf::actor_system& system, std::size_t count,
                             std::chrono::milliseconds idle_timeout) {
  std::vector<caf::actor> actors;
  actors.reserve(count);
  const auto before = process_memory().heap_in_use_bytes;
  for (std::size_t i = 0; i < count; ++i) actors.push_back(system.spawn(idle, idle_timeout));
  // Let every actor run its first activation (CAF arms the timeout there).
  std::this_thread::sleep_for(std::chrono::seconds(2));
  const auto after = process_memory().heap_in_use_bytes;
  for (auto& actor : actors) caf::anon_send_exit(actor, caf::exit_reason::user_shutdown);
  // The handles' vector was reserved before `before`: not counted.
  return count ? (static_cast<double>(after) - static_cast<double>(before)) /
                     static_cast<double>(count)
               : 0;
}

}  // namespace sb::bench
