// The process the crash test kills: a real node stack (RocksDB journal in sync mode, group-commit
// writer, registry, Agent entities) under concurrent load. Every acknowledged command is printed
// as "ack <agent id> <version>" only after its reply arrived, i.e. after it was durable.
// usage: crash_child <data dir> <agents>

#include <caf/all.hpp>

#include <cstdio>
#include <mutex>

#include "actors/agent/agent_actor.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/node/node.hpp"

namespace {

using namespace sb;
using Reply = runtime::CommandReply<agent::Decider>;

std::mutex out_mutex;

void print_ack(const std::string& id, std::uint64_t version) {
  std::lock_guard lock(out_mutex);
  std::fprintf(stdout, "ack %s %llu\n", id.c_str(), static_cast<unsigned long long>(version));
  std::fflush(stdout);
}

struct ClientState {
  runtime::EntityKey key;
  bool online = false;
};

void next(caf::stateful_actor<ClientState>* self, caf::actor registry);

void issue(caf::stateful_actor<ClientState>* self, caf::actor registry, agent::Command command) {
  self->request(registry, std::chrono::seconds(30), runtime::route_atom::value, self->state.key,
                runtime::make_command<agent::Decider>(std::move(command)))
      .then(
          [self, registry](Reply& reply) {
            if (reply.kind != runtime::ReplyKind::rejected) print_ack(self->state.key.id, reply.version);
            self->state.online = !self->state.online;  // a rejection means we guessed wrong
            next(self, registry);
          },
          [self, registry](caf::error&) { next(self, registry); });
}

void next(caf::stateful_actor<ClientState>* self, caf::actor registry) {
  const auto at = from_unix_ms(1'700'000'000'000);
  issue(self, registry,
        agent::SetPresence{self->state.online ? agent::Presence::away : agent::Presence::online, at});
}

caf::behavior client(caf::stateful_actor<ClientState>* self, runtime::EntityKey key,
                     caf::actor registry) {
  self->state.key = std::move(key);
  // Register (a rejection just means an earlier run did), then toggle presence forever.
  self->request(registry, std::chrono::seconds(30), runtime::route_atom::value, self->state.key,
                runtime::make_command<agent::Decider>(
                    agent::RegisterAgent{"A", {}, {}, {1, 1}, from_unix_ms(0)}))
      .then([self, registry](Reply& reply) {
        if (reply.kind == runtime::ReplyKind::accepted) print_ack(self->state.key.id, reply.version);
        next(self, registry);
      });
  return {[](caf::unit_t) {}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: crash_child <data dir> <agents>\n");
    return 2;
  }
  caf::actor_system_config config;
  caf::actor_system system{config};
  runtime::NodeSettings settings;
  settings.data_dir = argv[1];
  settings.durability = runtime::DurabilityMode::sync;
  settings.entity.snapshot_every_events = 7;  // recovery exercises snapshot + tail
  auto node = runtime::Node::start(system, settings, {{EntityKind::agent, [](caf::actor_system& sys, const runtime::EntityKey& key, runtime::EntityContext context) { return agent::spawn_agent(sys, key, std::move(context), nullptr); }}});
  if (!node) {
    std::fprintf(stderr, "crash_child: %s\n", node.error().c_str());
    return 1;
  }
  for (int i = 0, n = std::atoi(argv[2]); i < n; ++i) {
    system.spawn(client, runtime::EntityKey{EntityKind::agent, "a-" + std::to_string(i)},
                 (*node)->registry());
  }
  std::fprintf(stdout, "ready\n");
  std::fflush(stdout);
  for (;;) pause();  // until SIGKILL
}
