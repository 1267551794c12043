#include "runtime/service/backend_desk.hpp"

#include <unordered_map>
#include <utility>
#include <vector>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/services/service_messages.hpp"
#include "runtime/messages.hpp"

namespace sb::service {
namespace {

using services::looked_up_atom;
using services::lookup_atom;
using services::lookup_expired_atom;
using services::register_atom;
using services::unregister_atom;

struct Registered {
  SubscriptionId id = 0;
  std::shared_ptr<IntegratorBackend> backend;
};

struct BackendDeskState {
  std::shared_ptr<const bot::BusinessBackend> fallback;
  std::vector<Registered> registered;  // oldest first; the last one answers
  std::unordered_map<std::uint64_t, caf::typed_response_promise<bot::BackendResult>> waiting;
  std::uint64_t next_lookup = 1;
  static inline const char* name = "backend-desk";
};

using BackendDesk = caf::stateful_actor<BackendDeskState>;

bot::BackendResult unavailable(std::string detail) {
  return unexpected(bot::BackendError{bot::BackendErrorCode::unavailable, std::move(detail)});
}

caf::result<bot::BackendResult> ask_integrator(BackendDesk* self, const bot::BackendQuery& query,
                                               Duration timeout) {
  auto& st = self->state;
  const auto lookup = st.next_lookup++;
  auto promise = self->make_response_promise<bot::BackendResult>();
  st.waiting.emplace(lookup, promise);
  // The integrator calls back from its own thread: only a message may cross back.
  auto desk = caf::actor_cast<caf::actor>(self);
  st.registered.back().backend->lookup(query, [desk, lookup](bot::BackendResult result) {
    caf::anon_send(desk, looked_up_atom::value, lookup, std::move(result));
  });
  self->delayed_send(self, timeout, lookup_expired_atom::value, lookup);
  return promise;
}

void answer(BackendDesk* self, std::uint64_t lookup, bot::BackendResult result) {
  auto it = self->state.waiting.find(lookup);
  if (it == self->state.waiting.end()) return;  // answered already (late reply, or expired)
  it->second.deliver(std::move(result));
  self->state.waiting.erase(it);
}

}  // namespace

caf::actor spawn_backend_desk(caf::actor_system& system,
                              std::shared_ptr<const bot::BusinessBackend> fallback,
                              Duration lookup_timeout) {
  return system.spawn([fallback, lookup_timeout](BackendDesk* self) -> caf::behavior {
    self->state.fallback = fallback;
    return {
        [self, lookup_timeout](lookup_atom,
                               const bot::BackendQuery& query) -> caf::result<bot::BackendResult> {
          if (!self->state.registered.empty()) return ask_integrator(self, query, lookup_timeout);
          if (!self->state.fallback) return unavailable("no business backend is configured");
          return bot::perform_lookup(*self->state.fallback, query);
        },
        [self](looked_up_atom, std::uint64_t lookup, bot::BackendResult& result) {
          answer(self, lookup, std::move(result));
        },
        [self](lookup_expired_atom, std::uint64_t lookup) {
          if (self->state.waiting.count(lookup) == 0) return;
          spdlog::warn("the business backend did not answer lookup {} in time", lookup);
          answer(self, lookup, unavailable("the business backend did not answer in time"));
        },
        [self](register_atom, SubscriptionId id, std::shared_ptr<IntegratorBackend>& backend) {
          self->state.registered.push_back({id, std::move(backend)});
          spdlog::info("business backend {} registered; it answers the bot's lookups", id);
        },
        [self](runtime::stop_atom) { self->quit(); },
        [self](unregister_atom, SubscriptionId id) {
          std::erase_if(self->state.registered, [id](const Registered& r) { return r.id == id; });
          spdlog::info("business backend {} unregistered; {} answers now", id,
                       self->state.registered.empty()
                           ? std::string("the sample backend")
                           : "backend " + std::to_string(self->state.registered.back().id));
        },
    };
  });
}

}  // namespace sb::service
