#include "runtime/entity/entity_registry.hpp"

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include <unordered_map>

#include "runtime/errors.hpp"
#include "runtime/messages.hpp"

namespace sb::runtime {
namespace {

struct HeldMessage {
  caf::response_promise promise;
  caf::message content;
};

struct Entry {
  caf::actor actor;
  bool stopping = false;
  std::vector<HeldMessage> held;  // arrived while stopping; delivered to the next instance
};

struct RegistryState {
  EntityContext context;
  EntityFactories factories;
  RegistryOptions options;
  std::unordered_map<EntityKey, Entry, EntityKeyHash> entries;
  std::unordered_map<caf::actor_addr, EntityKey> keys_by_actor;
  RegistryStats stats;
  static inline const char* name = "entity-registry";
};

using Registry = caf::stateful_actor<RegistryState>;

std::optional<caf::error> spawn_into(Registry* self, const EntityKey& key, Entry& entry) {
  auto& st = self->state;
  auto factory = st.factories.find(key.kind);
  if (factory == st.factories.end()) {
    return make_runtime_error(RuntimeErrc::unknown_entity_kind,
                              "no entity of kind " + std::string(to_string(key.kind)) + " here");
  }
  if (st.keys_by_actor.size() >= st.options.active_entities_max) {
    return make_runtime_error(RuntimeErrc::overloaded, "too many active entities");
  }
  auto context = st.context;
  context.registry = caf::actor_cast<caf::actor>(self);
  entry.actor = factory->second(self->system(), key, std::move(context));
  entry.stopping = false;
  self->monitor(entry.actor);
  st.keys_by_actor.emplace(entry.actor.address(), key);
  ++st.stats.spawned;
  st.stats.active = st.keys_by_actor.size();
  return std::nullopt;
}

void route(Registry* self, const EntityKey& key, caf::message& content) {
  auto& st = self->state;
  auto promise = self->make_response_promise();
  auto [it, inserted] = st.entries.try_emplace(key);
  Entry& entry = it->second;
  if (inserted) {
    if (auto error = spawn_into(self, key, entry)) {
      st.entries.erase(it);
      promise.deliver(std::move(*error));
      return;
    }
  }
  if (entry.stopping) {
    if (entry.held.size() >= st.options.held_messages_max) {
      promise.deliver(make_runtime_error(RuntimeErrc::overloaded,
                                         to_string(key) + " is restarting; too many waiting"));
      return;
    }
    entry.held.push_back(HeldMessage{promise, std::move(content)});
    return;
  }
  promise.delegate(entry.actor, std::move(content));
}

void on_down(Registry* self, const caf::down_msg& down) {
  auto& st = self->state;
  auto key_it = st.keys_by_actor.find(down.source);
  if (key_it == st.keys_by_actor.end()) return;
  const EntityKey key = key_it->second;
  st.keys_by_actor.erase(key_it);
  st.stats.active = st.keys_by_actor.size();
  auto it = st.entries.find(key);
  if (it == st.entries.end() || it->second.actor.address() != down.source) return;
  Entry& entry = it->second;
  if (!entry.stopping) ++st.stats.stopped_on_error;
  if (entry.held.empty()) {
    st.entries.erase(it);
    return;
  }
  auto held = std::move(entry.held);
  entry.held.clear();
  if (auto error = spawn_into(self, key, entry)) {
    for (auto& message : held) message.promise.deliver(*error);
    st.entries.erase(key);
    return;
  }
  for (auto& message : held) message.promise.delegate(entry.actor, std::move(message.content));
}

caf::behavior entity_registry(Registry* self, EntityContext context, EntityFactories factories,
                              RegistryOptions options) {
  self->state.context = std::move(context);
  self->state.factories = std::move(factories);
  self->state.options = options;
  self->set_down_handler([self](caf::down_msg& down) { on_down(self, down); });
  return {
      [self](route_atom, const EntityKey& key, caf::message& content) {
        route(self, key, content);
      },
      [self](passivate_atom, const EntityKey& key) {
        auto& st = self->state;
        auto it = st.entries.find(key);
        if (it == st.entries.end() || it->second.stopping) return;
        if (it->second.actor.address() != self->current_sender()) return;
        it->second.stopping = true;
        ++st.stats.passivated;
        self->send(it->second.actor, stop_atom::value);
      },
      [self](stats_atom) { return self->state.stats; },
      [self](stop_atom) {
        for (auto& [key, entry] : self->state.entries) {
          self->send_exit(entry.actor, caf::exit_reason::user_shutdown);
          for (auto& held : entry.held) {
            held.promise.deliver(make_runtime_error(RuntimeErrc::entity_unavailable, "shutting down"));
          }
        }
        self->state.entries.clear();
        self->quit();
      },
  };
}

}  // namespace

caf::actor spawn_entity_registry(caf::actor_system& system, EntityContext context,
                                 EntityFactories factories, RegistryOptions options) {
  return system.spawn(entity_registry, std::move(context), std::move(factories), options);
}

caf::message route_to(const EntityKey& key, caf::message inner) {
  return caf::make_message(route_atom::value, key, std::move(inner));
}

bool arm_entity_timer(const EntityContext& context, std::chrono::milliseconds delay,
                      const EntityKey& key, caf::message inner) {
  if (delay > context.options.timer_horizon) return false;
  caf::delayed_anon_send(context.registry, delay, route_atom::value, key, std::move(inner));
  return true;
}

}  // namespace sb::runtime
