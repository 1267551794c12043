#include "actors/ticket/ticket_actor.hpp"

#include "actors/services/service_messages.hpp"
#include "actors/ticket/ticket_codec.hpp"
#include "actors/ticket/sla_clock.hpp"
#include "actors/ticket/ticket_decider.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/entity/entity_registry.hpp"

namespace sb::ticket {
namespace {

using TicketActor = runtime::EntityActor<Decider, Codec>;
using Reply = runtime::CommandReply<Decider>;

struct Timer {
  std::optional<Timestamp> armed;  // the deadline a timer message is already on its way for
};

void arm(TicketActor* self, Timer& timer, const Clock& clock) {
  const auto deadline = next_deadline(self->state.model);
  if (!deadline || deadline == timer.armed) return;
  const auto delay = std::max(Duration(0), *deadline - clock());
  // Through the registry: if this instance has passivated by then, the timer wakes a new one,
  // which recovers and checks (a timer to `self` would die with the instance). A far deadline is
  // left to the wake-up index until it is near.
  if (!self->state.context.registry) {
    self->delayed_send(self, delay, services::timer_atom::value);
  } else if (!runtime::arm_entity_timer(self->state.context, delay, self->state.key,
                                        caf::make_message(services::timer_atom::value))) {
    return;
  }
  timer.armed = deadline;
}

std::string agent_of(const std::string& assignee) {
  constexpr std::string_view kPrefix = "agent:";
  return assignee.rfind(kPrefix, 0) == 0 ? assignee.substr(kPrefix.size()) : std::string();
}

// SLA warnings, breaches and escalations reach the assignee's desk as notices.
void tell_desk(TicketActor* self, const services::EntityServices& services, const std::vector<Event>& events) {
  const auto& st = self->state;
  const auto agent = agent_of(st.model.assignee);
  for (const auto& event : events) {
    std::string text;
    if (const auto* warned = std::get_if<SlaWarned>(&event)) {
      text = "SLA warning on " + st.key.id + ": " + std::string(to_string(warned->clock));
    } else if (const auto* breached = std::get_if<SlaBreached>(&event)) {
      text = "SLA breached on " + st.key.id + ": " + std::string(to_string(breached->clock));
    } else if (const auto* escalated = std::get_if<Escalated>(&event)) {
      text = "ticket " + st.key.id + " escalated to level " + std::to_string(escalated->level) + ", " +
             escalated->assignee;
    }
    if (!text.empty() && !agent.empty()) self->send(services.sinks, services::notice_atom::value, agent, text);
  }
}

}  // namespace

caf::actor spawn_ticket(caf::actor_system& system, const runtime::EntityKey& key,
                        runtime::EntityContext context,
                        std::shared_ptr<const services::EntityServices> services, Clock clock) {
  return system.spawn([key, context, services, clock](TicketActor* self) {
    auto timer = std::make_shared<Timer>();
    self->state.after_persist = [self, services, timer, clock](const State&, const std::vector<Event>& events) {
      tell_desk(self, *services, events);
      arm(self, *timer, clock);
    };
    self->state.after_recover = [self, timer, clock] { arm(self, *timer, clock); };
    self->state.on_wake = self->state.after_recover;
    self->state.wake_at = [](const State& state) { return next_deadline(state); };
    return runtime::entity_behavior<Decider, Codec>(
        self, key, context, [self, timer, clock](services::timer_atom) {
          timer->armed.reset();
          const auto now = clock();
          runtime::CommandEnvelope<Command> envelope{CheckSla{now}, {}, {}, self->state.key.id, to_unix_ms(now)};
          runtime::execute<Decider, Codec>(self, envelope, [self, timer, clock](caf::expected<Reply>) {
            arm(self, *timer, clock);  // nothing was due yet (a clock was paused or moved): re-arm
          });
        });
  });
}

}  // namespace sb::ticket
