#pragma once
// Makes a node run with its configuration entity's state (actors/configuration): the SLA table
// and tier rules the entity actors read are swapped, the routing desk gets the skill groups.
// Before the entity has events the defaults below apply; afterwards its overrides lie on top.

#include <string>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/configuration/configuration_model.hpp"
#include "actors/router/router_model.hpp"
#include "actors/services/entity_services.hpp"

namespace sb::service {

struct ConfigurationDefaults {
  ticket::SlaPolicyTable sla_policies;
  customer::TierRules tier_rules;
  router::RouterConfig router;  // the routing desk's defaults (group_id is set per group)
};

// Idempotent: values already in force are left as they are.
void apply_configuration(const configuration::State& state, const ConfigurationDefaults& defaults,
                         services::EntityServices& services);

// Recovers the configuration entity through `registry` (its after_recover applies it) and waits
// until it answers, so the node serves nothing with stale policies. Blocks the caller.
Expected<void, std::string> recover_configuration(caf::actor_system& system,
                                                  const caf::actor& registry);

}  // namespace sb::service
