#include "runtime/service/live_configuration.hpp"

#include <caf/all.hpp>

#include "actors/configuration/configuration_decider.hpp"
#include "actors/configuration/configuration_effective.hpp"
#include "actors/router/routing_desk.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/entity/entity_registry.hpp"
#include "runtime/errors.hpp"

namespace sb::service {

void apply_configuration(const configuration::State& state, const ConfigurationDefaults& defaults,
                         services::EntityServices& services) {
  auto sla = configuration::effective_sla_policies(state, defaults.sla_policies);
  if (!(*services.sla_policies.get() == sla)) services.sla_policies.set(std::move(sla));
  auto rules = configuration::effective_tier_rules(state, defaults.tier_rules);
  if (!(*services.tier_rules.get() == rules)) services.tier_rules.set(rules);
  router::ConfiguredGroups groups;
  for (const auto& [name, group] : state.skill_groups) {
    groups.groups[name] = configuration::router_config(group, defaults.router);
  }
  // The desk leaves groups whose options did not change alone.
  if (services.routing)
    caf::anon_send(services.routing, router::configure_atom::value, std::move(groups));
}

Expected<void, std::string> recover_configuration(caf::actor_system& system,
                                                  const caf::actor& registry) {
  constexpr auto kRecoverTimeout = std::chrono::seconds(30);
  const runtime::EntityKey key{EntityKind::configuration,
                               std::string(configuration::kNodeConfigurationId)};
  caf::scoped_actor self{system};
  Expected<void, std::string> outcome;
  self->request(registry, kRecoverTimeout, runtime::route_atom::value, key,
                caf::make_message(runtime::get_atom::value))
      .receive([](runtime::EntityView<configuration::Decider>&) {},
               [&](caf::error& error) {
                 outcome = unexpected("the node configuration cannot be recovered: " +
                                      runtime::describe(error));
               });
  return outcome;
}

}  // namespace sb::service
