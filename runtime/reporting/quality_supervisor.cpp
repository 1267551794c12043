#include "runtime/reporting/quality_supervisor.hpp"

#include <algorithm>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/quality/quality_monitor_actor.hpp"

namespace sb::reporting {
namespace {

using restart_atom = caf::atom_constant<caf::atom("qm_restart")>;

struct SupervisorState {
  std::function<caf::actor()> spawn_monitor;
  QualitySupervisorOptions options;
  caf::actor current;
  Duration pause{};
  bool draining = false;
  static inline const char* name = "quality-supervisor";
};

using Supervisor = caf::stateful_actor<SupervisorState>;

void start_monitor(Supervisor* self) {
  self->state.current = self->state.spawn_monitor();
  self->monitor(self->state.current);
}

bool ended_on_purpose(const caf::error& reason) {
  return !reason || reason == caf::exit_reason::normal || reason == caf::exit_reason::user_shutdown;
}

}  // namespace

caf::actor spawn_quality_supervisor(caf::actor_system& system,
                                    std::function<caf::actor()> spawn_monitor,
                                    QualitySupervisorOptions options) {
  return system.spawn([spawn_monitor, options](Supervisor* self) -> caf::behavior {
    auto& st = self->state;
    st.spawn_monitor = spawn_monitor;
    st.options = options;
    st.pause = options.first_pause;
    start_monitor(self);
    self->set_down_handler([self](caf::down_msg& down) {
      auto& st = self->state;
      if (down.source != st.current.address()) return;
      if (st.draining || ended_on_purpose(down.reason)) {
        self->quit();
        return;
      }
      spdlog::warn("quality monitor stopped ({}); starting it again in {} ms",
                   caf::to_string(down.reason),
                   std::chrono::duration_cast<std::chrono::milliseconds>(st.pause).count());
      self->delayed_send(self, st.pause, restart_atom::value);
      st.pause = std::min(st.pause * 2, st.options.longest_pause);
    });
    self->set_exit_handler([self](caf::exit_msg& exit) {
      self->send_exit(self->state.current, exit.reason);
      self->quit(exit.reason);
    });
    return {
        [self](restart_atom) {
          if (!self->state.draining) start_monitor(self);
        },
        [self](quality::quality_drain_atom) {
          self->state.draining = true;
          return self->delegate(self->state.current, quality::quality_drain_atom::value);
        },
    };
  });
}

}  // namespace sb::reporting
