#include "actors/configuration/configuration_codec.hpp"

#include "actors/codec/capnp_bytes.hpp"
#include "actors/common/overloaded.hpp"
#include "actors/ticket/ticket_wire.hpp"
#include "schemas/configuration.capnp.h"

namespace sb::configuration {
namespace {

namespace wire = schema::configuration;
using codec::text;
// The SLA policy, tier and priority readers of the ticket codec: the same wire structs, one
// reading. They throw ticket::wire::DecodeError, caught at the decode_* boundary below.
using ticket::wire::read_policy;
using ticket::wire::read_priority;
using ticket::wire::read_tier;
using ticket::wire::write_policy;

std::uint8_t byte(auto value) { return static_cast<std::uint8_t>(value); }
std::int64_t ms(Duration d) { return d.count(); }

void write_rules(wire::TierRules::Builder out, const customer::TierRules& in) {
  out.setRegularAfterAccountAgeMs(ms(in.regular_after_account_age));
  out.setRegularAfterOrders(in.regular_after_orders);
  out.setHasVipAfterSpend(in.vip_after_spend_cents.has_value());
  out.setVipAfterSpendCents(in.vip_after_spend_cents.value_or(0));
  out.setVipByFlag(in.vip_by_flag);
  out.setEnterpriseByFlag(in.enterprise_by_flag);
}

customer::TierRules read_rules(wire::TierRules::Reader in) {
  customer::TierRules rules;
  rules.regular_after_account_age = Duration(in.getRegularAfterAccountAgeMs());
  rules.regular_after_orders = in.getRegularAfterOrders();
  rules.vip_after_spend_cents = in.getHasVipAfterSpend()
                                    ? std::optional<std::int64_t>(in.getVipAfterSpendCents())
                                    : std::nullopt;
  rules.vip_by_flag = in.getVipByFlag();
  rules.enterprise_by_flag = in.getEnterpriseByFlag();
  return rules;
}

void write_group(wire::SkillGroup::Builder out, const SkillGroup& in) {
  out.setName(in.name);
  out.setOfferTimeoutMs(ms(in.offer_timeout));
  out.setStickyWindowMs(ms(in.sticky_window));
  out.setRelaxLevelEveryMs(ms(in.relax_level_every));
  out.setRelaxedLevelMin(in.relaxed_level_min);
  auto overflow = out.initOverflowGroups(static_cast<unsigned>(in.overflow_groups.size()));
  for (unsigned i = 0; i < in.overflow_groups.size(); ++i) overflow.set(i, in.overflow_groups[i]);
  out.setOverflowAfterMs(ms(in.overflow_after));
  out.setReservedCapacityPermille(in.reserved_capacity_permille);
  out.setReservedTierMin(byte(in.reserved_tier_min));
}

SkillGroup read_group(wire::SkillGroup::Reader in) {
  SkillGroup group;
  group.name = text(in.getName());
  group.offer_timeout = Duration(in.getOfferTimeoutMs());
  group.sticky_window = Duration(in.getStickyWindowMs());
  group.relax_level_every = Duration(in.getRelaxLevelEveryMs());
  group.relaxed_level_min = in.getRelaxedLevelMin();
  for (auto overflow : in.getOverflowGroups()) group.overflow_groups.push_back(text(overflow));
  group.overflow_after = Duration(in.getOverflowAfterMs());
  group.reserved_capacity_permille = in.getReservedCapacityPermille();
  group.reserved_tier_min = read_tier(in.getReservedTierMin());
  return group;
}

void write_entry(wire::SlaPolicyEntry::Builder out, Tier tier, ticket::Priority priority,
                 const ticket::SlaPolicy& policy) {
  out.setTier(byte(tier));
  out.setPriority(byte(priority));
  write_policy(out.initPolicy(), policy);
}

Event read_event(wire::ConfigurationEvent::Reader e) {
  switch (e.which()) {
    case wire::ConfigurationEvent::SLA_POLICY_SET: {
      auto r = e.getSlaPolicySet();
      auto entry = r.getEntry();
      return SlaPolicySet{read_tier(entry.getTier()), read_priority(entry.getPriority()),
                          read_policy(entry.getPolicy()), from_unix_ms(r.getAtMs())};
    }
    case wire::ConfigurationEvent::SLA_POLICY_REMOVED: {
      auto r = e.getSlaPolicyRemoved();
      return SlaPolicyRemoved{read_tier(r.getTier()), read_priority(r.getPriority()),
                              from_unix_ms(r.getAtMs())};
    }
    case wire::ConfigurationEvent::TIER_RULES_SET: {
      auto r = e.getTierRulesSet();
      return TierRulesSet{read_rules(r.getRules()), from_unix_ms(r.getAtMs())};
    }
    case wire::ConfigurationEvent::SKILL_GROUP_DEFINED: {
      auto r = e.getSkillGroupDefined();
      return SkillGroupDefined{read_group(r.getGroup()), from_unix_ms(r.getAtMs())};
    }
    case wire::ConfigurationEvent::SKILL_GROUP_REMOVED: {
      auto r = e.getSkillGroupRemoved();
      return SkillGroupRemoved{text(r.getName()), from_unix_ms(r.getAtMs())};
    }
  }
  ticket::wire::fail("unknown configuration event type (written by a newer version?)");
}

State read_state(wire::ConfigurationState::Reader in) {
  State state;
  for (auto entry : in.getSlaPolicies()) {
    state.sla_policies[{read_tier(entry.getTier()), read_priority(entry.getPriority())}] =
        read_policy(entry.getPolicy());
  }
  if (in.getHasTierRules()) state.tier_rules = read_rules(in.getTierRules());
  for (auto group : in.getSkillGroups()) {
    auto read = read_group(group);
    state.skill_groups[read.name] = std::move(read);
  }
  state.changed_at = from_unix_ms(in.getChangedAtMs());
  return state;
}

// Turns the ticket readers' DecodeError into an error value.
template <class T, class Reader, class Read>
Expected<T, std::string> guarded(Reader reader, Read read) {
  try {
    return read(reader);
  } catch (const ticket::wire::DecodeError& e) {
    return unexpected(e.message);
  }
}

}  // namespace

std::string Codec::encode_event(const Event& event) {
  capnp::MallocMessageBuilder message;
  auto out = message.initRoot<wire::ConfigurationEvent>();
  std::visit(Overloaded{
                 [&](const SlaPolicySet& e) {
                   auto w = out.initSlaPolicySet();
                   write_entry(w.initEntry(), e.tier, e.priority, e.policy);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const SlaPolicyRemoved& e) {
                   auto w = out.initSlaPolicyRemoved();
                   w.setTier(byte(e.tier));
                   w.setPriority(byte(e.priority));
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const TierRulesSet& e) {
                   auto w = out.initTierRulesSet();
                   write_rules(w.initRules(), e.rules);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const SkillGroupDefined& e) {
                   auto w = out.initSkillGroupDefined();
                   write_group(w.initGroup(), e.group);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const SkillGroupRemoved& e) {
                   auto w = out.initSkillGroupRemoved();
                   w.setName(e.name);
                   w.setAtMs(to_unix_ms(e.at));
                 },
             },
             event);
  return codec::to_bytes(message);
}

Expected<Event, std::string> Codec::decode_event(std::string_view bytes) {
  return codec::read_message<wire::ConfigurationEvent>(
      bytes, "configuration event",
      [](wire::ConfigurationEvent::Reader in) { return guarded<Event>(in, read_event); });
}

std::string Codec::encode_state(const State& state) {
  capnp::MallocMessageBuilder message;
  auto out = message.initRoot<wire::ConfigurationState>();
  auto policies = out.initSlaPolicies(static_cast<unsigned>(state.sla_policies.size()));
  unsigned i = 0;
  for (const auto& [key, policy] : state.sla_policies)
    write_entry(policies[i++], key.first, key.second, policy);
  out.setHasTierRules(state.tier_rules.has_value());
  if (state.tier_rules) write_rules(out.initTierRules(), *state.tier_rules);
  auto groups = out.initSkillGroups(static_cast<unsigned>(state.skill_groups.size()));
  i = 0;
  for (const auto& [name, group] : state.skill_groups) write_group(groups[i++], group);
  out.setChangedAtMs(to_unix_ms(state.changed_at));
  return codec::to_bytes(message);
}

Expected<State, std::string> Codec::decode_state(std::string_view bytes) {
  return codec::read_message<wire::ConfigurationState>(
      bytes, "configuration state",
      [](wire::ConfigurationState::Reader in) { return guarded<State>(in, read_state); });
}

}  // namespace sb::configuration
