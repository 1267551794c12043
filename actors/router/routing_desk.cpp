#include "actors/router/routing_desk.hpp"

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include <map>

#include "actors/conversation/conversation_decider.hpp"
#include "actors/router/skill_router.hpp"
#include "actors/services/service_messages.hpp"
#include "actors/services/tell_entity.hpp"
#include "runtime/errors.hpp"

namespace sb::router {
namespace {

using services::OfferAnswer;
using services::RoutingTicket;
namespace conv = sb::conversation;

struct Waiting {
  std::string skill;
  CustomerId customer_id;
  Channel channel = Channel::web;
  std::optional<Offer> offer;
  QueuedConversation queued;  // as first queued: a rebuilt group queues it again from this
};

struct DeskState {
  caf::actor registry;
  caf::actor sinks;
  RoutingDeskOptions options;
  ConfiguredGroups configured;
  std::map<std::string, SkillRouter> routers;  // by skill group
  std::map<AgentId, AgentAvailability> agents;
  std::map<ConversationId, Waiting> waiting;
  static inline const char* name = "routing-desk";
};
using Desk = caf::stateful_actor<DeskState>;

Timestamp now() { return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now()); }

template <class Command>
void tell_conversation(Desk* self, const ConversationId& id, Command command) {
  services::tell_entity<conv::Decider>(self, self->state.registry, {EntityKind::conversation, id},
                                       conv::Command{std::move(command)});
}

RouterConfig default_config(const DeskState& st, const std::string& skill) {
  auto config = st.options.defaults;
  config.group_id = skill;
  if (skill != "general") config.overflow_groups = {"general"};
  return config;
}

RouterConfig config_for(const DeskState& st, const std::string& skill) {
  if (auto it = st.configured.groups.find(skill); it != st.configured.groups.end()) return it->second;
  return default_config(st, skill);
}

SkillRouter& router_for(Desk* self, const std::string& skill) {
  auto& st = self->state;
  auto it = st.routers.find(skill);
  if (it != st.routers.end()) return it->second;
  auto created = SkillRouter::create(config_for(st, skill));
  if (!created) {
    // The configuration entity vetted it; should the router's rules ever be stricter, route
    // with the defaults rather than not at all.
    spdlog::warn("skill group {} routes with the defaults: {}", skill, created.error().detail);
    created = SkillRouter::create(default_config(st, skill));
  }
  SB_ASSERT(created.has_value());  // the defaults are ours; a bad one is a bug
  auto& router = st.routers.emplace(skill, std::move(*created)).first->second;
  for (const auto& [id, report] : st.agents) (void)router.update_agent(report);
  return router;
}

void dispatch(Desk* self, SkillRouter& router) {
  for (auto& offer : router.dispatch(now())) {
    auto it = self->state.waiting.find(offer.conversation_id);
    if (it != self->state.waiting.end()) it->second.offer = offer;
    tell_conversation(self, offer.conversation_id, conv::Offer{offer.agent_id, offer.expires_at, offer.offered_at});
  }
}

void dispatch_all(Desk* self) {
  for (auto& [skill, router] : self->state.routers) dispatch(self, router);
}

void withdraw(Desk* self, const std::vector<Offer>& offers) {
  for (const auto& offer : offers) {
    if (auto it = self->state.waiting.find(offer.conversation_id); it != self->state.waiting.end()) {
      it->second.offer.reset();
    }
    tell_conversation(self, offer.conversation_id, conv::ExpireOffer{offer.agent_id, now()});
    self->send(self->state.sinks, services::withdraw_atom::value, offer.agent_id, offer.conversation_id);
  }
}

void enqueue(Desk* self, RoutingTicket& ticket) {
  auto& queued = ticket.queued;
  auto& router = router_for(self, queued.skill);
  auto added = router.enqueue(queued);
  if (!added) {
    if (added.error().code != ErrorCode::duplicate_conversation) {
      spdlog::warn("cannot route {}: {}", queued.conversation_id, added.error().detail);
    }
    return;
  }
  self->state.waiting[queued.conversation_id] = Waiting{queued.skill, queued.customer_id, Channel::web, {}, queued};
  const auto position = router.queue_position(queued.conversation_id);
  tell_conversation(self, queued.conversation_id,
                    conv::Enqueue{queued.skill, queued.tier,
                                  static_cast<std::uint32_t>(position ? *position : 0), now()});
  dispatch(self, router);
}

caf::result<AssignmentExplanation> accept(Desk* self, const OfferAnswer& answer) {
  auto& st = self->state;
  auto it = st.waiting.find(answer.conversation_id);
  if (it == st.waiting.end() || !it->second.offer || it->second.offer->agent_id != answer.agent_id) {
    return runtime::make_runtime_error(runtime::RuntimeErrc::invalid_command,
                                       "no open offer of " + answer.conversation_id + " for " + answer.agent_id);
  }
  auto accepted = router_for(self, it->second.skill).accept(it->second.offer->offer_id);
  st.waiting.erase(it);
  if (!accepted) return runtime::make_runtime_error(runtime::RuntimeErrc::invalid_command, accepted.error().detail);
  return accepted->explanation;
}

void decline(Desk* self, const OfferAnswer& answer) {
  auto& st = self->state;
  auto it = st.waiting.find(answer.conversation_id);
  if (it == st.waiting.end() || !it->second.offer || it->second.offer->agent_id != answer.agent_id) return;
  auto& router = router_for(self, it->second.skill);
  (void)router.decline(it->second.offer->offer_id);
  it->second.offer.reset();
  tell_conversation(self, answer.conversation_id, conv::DeclineOffer{answer.agent_id, now()});
  dispatch(self, router);
}

void tick(Desk* self) {
  const auto at = now();
  for (auto& [skill, router] : self->state.routers) {
    withdraw(self, router.expire_offers(at));
    dispatch(self, router);
    for (const auto& update : router.position_changes(at)) {
      auto it = self->state.waiting.find(update.conversation_id);
      if (it == self->state.waiting.end()) continue;
      service::OutboundMessage out;
      out.kind = service::OutboundKind::queue_update;
      out.conversation_id = update.conversation_id;
      out.customer_id = it->second.customer_id;
      out.message_id = update.conversation_id + "/queue/" + std::to_string(update.position);
      out.queue_position = static_cast<std::uint32_t>(update.position);
      out.estimated_wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(update.estimated_wait).count();
      out.text = "You are number " + std::to_string(update.position) + " in the queue.";
      out.at = at;
      self->send(self->state.sinks, services::push_atom::value, std::move(out));
    }
  }
  self->delayed_send(self, self->state.options.tick_interval, services::tick_atom::value);
}

// Replaces the router of `skill` by one with `config`: open offers are withdrawn, the agents and
// the waiting conversations (with their original enqueue time) are fed to the new one.
void rebuild(Desk* self, const std::string& skill, const RouterConfig& config) {
  auto created = SkillRouter::create(config);
  if (!created) {
    spdlog::warn("skill group {} keeps its options: {}", skill, created.error().detail);
    return;
  }
  auto& st = self->state;
  std::vector<Offer> open;
  for (auto& [id, waiting] : st.waiting) {
    if (waiting.skill == skill && waiting.offer) open.push_back(*waiting.offer);
  }
  withdraw(self, open);
  st.routers.erase(skill);
  auto& router = st.routers.emplace(skill, std::move(*created)).first->second;
  for (const auto& [id, report] : st.agents) (void)router.update_agent(report);
  for (const auto& [id, waiting] : st.waiting) {
    if (waiting.skill != skill) continue;
    if (auto added = router.enqueue(waiting.queued); !added) {
      spdlog::warn("skill group {} lost {} when rebuilt: {}", skill, id, added.error().detail);
    }
  }
  dispatch(self, router);
}

// Groups without a router yet get theirs from config_for when first needed.
void configure(Desk* self, ConfiguredGroups& configured) {
  auto& st = self->state;
  st.configured = std::move(configured);
  std::vector<std::string> changed;  // first collected: rebuild replaces entries of st.routers
  for (const auto& [skill, router] : st.routers) {
    if (!(router.config() == config_for(st, skill))) changed.push_back(skill);
  }
  for (const auto& skill : changed) {
    spdlog::info("skill group {} is rebuilt with new options", skill);
    rebuild(self, skill, config_for(st, skill));
  }
}

std::vector<service::QueueSnapshot> queues(Desk* self) {
  std::vector<service::QueueSnapshot> out;
  const auto at = now();
  for (const auto& [skill, router] : self->state.routers) {
    const auto snapshot = router.snapshot(at);
    service::QueueSnapshot q;
    q.skill = skill;
    q.waiting = static_cast<std::uint32_t>(snapshot.waiting);
    q.offered = static_cast<std::uint32_t>(snapshot.offered);
    for (const auto& agent : snapshot.agents) q.agents_online += agent.presence == Presence::online ? 1 : 0;
    for (const auto& kind : snapshot.kinds) {
      q.free_slots += kind.free_slots;
      q.longest_wait_ms = std::max<std::int64_t>(q.longest_wait_ms, kind.oldest_wait.count());
      q.estimated_wait_ms = std::max<std::int64_t>(q.estimated_wait_ms, kind.forecast_wait.count());
    }
    out.push_back(q);
  }
  return out;
}

caf::behavior routing_desk(Desk* self, caf::actor registry, caf::actor sinks, RoutingDeskOptions options) {
  self->state.registry = std::move(registry);
  self->state.sinks = std::move(sinks);
  self->state.options = options;
  self->delayed_send(self, options.tick_interval, services::tick_atom::value);
  return {
      [self](services::enqueue_atom, RoutingTicket& ticket) { enqueue(self, ticket); },
      [self](services::remove_atom, const ConversationId& id) {
        auto it = self->state.waiting.find(id);
        if (it == self->state.waiting.end()) return;
        auto removed = router_for(self, it->second.skill).remove(id);
        if (removed && *removed) {
          self->send(self->state.sinks, services::withdraw_atom::value, (*removed)->agent_id, id);
        }
        self->state.waiting.erase(it);
      },
      [self](services::avail_atom, AgentAvailability& report) {
        self->state.agents[report.agent_id] = report;
        for (const auto& skill : report.skills) router_for(self, skill.skill);
        for (auto& [skill, router] : self->state.routers) {
          auto withdrawn = router.update_agent(report);
          if (withdrawn) withdraw(self, *withdrawn);
        }
        dispatch_all(self);
      },
      [self](services::accept_atom, const OfferAnswer& answer) { return accept(self, answer); },
      [self](services::decline_atom, const OfferAnswer& answer) { decline(self, answer); },
      [self](services::queues_atom) { return queues(self); },
      [self](services::tick_atom) { tick(self); },
      [self](configure_atom, ConfiguredGroups& configured) { configure(self, configured); },
      [self](runtime::stop_atom) { self->quit(); },
  };
}

}  // namespace

caf::actor spawn_routing_desk(caf::actor_system& system, caf::actor registry, caf::actor sinks,
                              RoutingDeskOptions options) {
  return system.spawn(routing_desk, std::move(registry), std::move(sinks), options);
}

}  // namespace sb::router
