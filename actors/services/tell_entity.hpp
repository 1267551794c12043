#pragma once
// Sends a command to another entity through the registry without waiting for it: effects are
// fire-and-forget (the target is durable on its own; a failure is logged, and the target's own
// state stays consistent).

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "runtime/entity/entity_host.hpp"
#include "runtime/entity/entity_registry.hpp"

namespace sb::services {

template <class D, class Self>
void tell_entity(Self* self, const caf::actor& registry, const runtime::EntityKey& key,
                 typename D::Command command, std::string command_id = {}) {
  if (!registry) return;
  runtime::watched_request(self, runtime::deadlines_of(self), registry, std::chrono::seconds(30),
                           runtime::route_atom::value, key,
                           runtime::make_command<D>(std::move(command), std::move(command_id)))
      .then(
          [key](runtime::CommandReply<D>& reply) {
            if (reply.kind == runtime::ReplyKind::rejected && reply.rejection) {
              spdlog::debug("{} refused an effect: {}", runtime::to_string(key), reply.rejection->detail);
            }
          },
          [key](caf::error& error) {
            spdlog::warn("effect on {} failed: {}", runtime::to_string(key), runtime::describe(error));
          });
}

}  // namespace sb::services
