#include "actors/router/agent_pool.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

#include "actors/common/assert.hpp"

namespace sb::router {

bool AgentRankLess::operator()(const AgentRank& a, const AgentRank& b) const {
  return std::tie(a.load, a.idle_since, a.agent->info.agent_id) <
         std::tie(b.load, b.idle_since, b.agent->info.agent_id);
}

namespace {

std::uint16_t load_of(const AgentEntry& agent, ChannelKind kind) {
  return static_cast<std::uint16_t>(agent.info.load[kind] + agent.offered[kind]);
}

}  // namespace

std::uint16_t free_slots(const AgentEntry& agent, ChannelKind kind) {
  if (load_of(agent, ChannelKind::voice) > 0) return 0;
  if (kind == ChannelKind::voice) {
    return agent.info.capacity.voice > 0 && total_load(agent) == 0 ? 1 : 0;
  }
  const std::uint16_t capacity = agent.info.capacity[kind];
  const std::uint16_t load = load_of(agent, kind);
  return capacity > load ? static_cast<std::uint16_t>(capacity - load) : 0;
}

std::uint32_t total_load(const AgentEntry& agent) {
  return agent.info.load.total() + agent.offered.total();
}

std::uint8_t level_of(const AgentEntry& agent, std::string_view skill) {
  for (const auto& s : agent.info.skills) {
    if (s.skill == skill) return s.level;
  }
  return 0;
}

std::uint16_t capacity_units(const AgentAvailability& agent, ChannelKind kind) {
  if (kind == ChannelKind::voice) return agent.capacity.voice > 0 ? 1 : 0;
  return agent.capacity[kind];
}

AgentPool::AgentPool(GroupId group_id, std::vector<GroupId> overflow_groups)
    : group_id_(std::move(group_id)), overflow_groups_(std::move(overflow_groups)) {}

std::optional<Membership> AgentPool::membership_of(const AgentAvailability& agent) const {
  const auto& g = agent.groups;
  if (std::find(g.begin(), g.end(), group_id_) != g.end()) return Membership::home;
  for (const auto& overflow : overflow_groups_) {
    if (std::find(g.begin(), g.end(), overflow) != g.end()) return Membership::overflow;
  }
  return std::nullopt;
}

AgentEntry* AgentPool::find(const AgentId& id) {
  auto it = agents_.find(id);
  return it == agents_.end() ? nullptr : &it->second;
}

const AgentEntry* AgentPool::find(const AgentId& id) const {
  auto it = agents_.find(id);
  return it == agents_.end() ? nullptr : &it->second;
}

void AgentPool::upsert(AgentAvailability report, Membership membership) {
  auto [it, inserted] = agents_.try_emplace(report.agent_id);
  AgentEntry& agent = it->second;
  if (!inserted) unindex(agent);
  agent.idle_since = inserted ? report.idle_since : std::max(agent.idle_since, report.idle_since);
  agent.info = std::move(report);
  agent.membership = membership;
  index(agent);
}

void AgentPool::erase(const AgentId& id) {
  auto it = agents_.find(id);
  if (it == agents_.end()) return;
  SB_ASSERT(it->second.open_offers.empty());
  unindex(it->second);
  agents_.erase(it);
}

void AgentPool::add_offer(AgentEntry& agent, ChannelKind kind, OfferId offer, Timestamp now) {
  SB_ASSERT(free_slots(agent, kind) > 0);
  unindex(agent);
  agent.offered[kind]++;
  agent.open_offers.push_back(offer);
  // An offer counts as an assignment for fairness: the next tie goes to someone else.
  agent.idle_since = std::max(agent.idle_since, now);
  index(agent);
}

void AgentPool::drop_offer(AgentEntry& agent, ChannelKind kind, OfferId offer) {
  auto it = std::find(agent.open_offers.begin(), agent.open_offers.end(), offer);
  SB_ASSERT(it != agent.open_offers.end() && agent.offered[kind] > 0);
  unindex(agent);
  agent.open_offers.erase(it);
  agent.offered[kind]--;
  index(agent);
}

void AgentPool::accept_offer(AgentEntry& agent, ChannelKind kind, OfferId offer) {
  drop_offer(agent, kind, offer);
  unindex(agent);
  agent.info.load[kind]++;
  index(agent);
}

const AgentIndex* AgentPool::skill_index(const SkillId& skill, ChannelKind kind) const {
  auto it = by_skill_.find(skill);
  return it == by_skill_.end() ? nullptr : &it->second[index_of(kind)];
}

const AgentIndex& AgentPool::overflow_index(ChannelKind kind) const {
  return overflow_[index_of(kind)];
}

bool AgentPool::any_free() const {
  for (std::size_t k = 0; k < kChannelKinds.size(); ++k) {
    if (home_free_[k] > 0 || overflow_free_[k] > 0) return true;
  }
  return false;
}

void AgentPool::index(AgentEntry& agent) {
  SB_ASSERT(!agent.indexed);
  if (agent.info.presence != Presence::online) return;
  agent.indexed = true;
  agent.indexed_rank = AgentRank{total_load(agent), agent.idle_since, &agent};
  for (ChannelKind kind : kChannelKinds) {
    const std::size_t k = index_of(kind);
    const std::uint16_t free = free_slots(agent, kind);
    agent.indexed_free[kind] = free;
    agent.indexed_capacity[kind] = capacity_units(agent.info, kind);
    if (agent.membership == Membership::home) {
      home_capacity_[k] += agent.indexed_capacity[kind];
      home_free_[k] += free;
      if (free == 0) continue;
      for (const auto& s : agent.info.skills) by_skill_[s.skill][k].insert(agent.indexed_rank);
    } else {
      overflow_free_[k] += free;
      if (free > 0) overflow_[k].insert(agent.indexed_rank);
    }
  }
}

void AgentPool::unindex(AgentEntry& agent) {
  if (!agent.indexed) return;
  agent.indexed = false;
  for (ChannelKind kind : kChannelKinds) {
    const std::size_t k = index_of(kind);
    const std::uint16_t free = agent.indexed_free[kind];
    if (agent.membership == Membership::home) {
      home_capacity_[k] -= agent.indexed_capacity[kind];
      home_free_[k] -= free;
      if (free == 0) continue;
      for (const auto& s : agent.info.skills) {
        const auto erased = by_skill_[s.skill][k].erase(agent.indexed_rank);
        SB_ASSERT(erased == 1);
      }
    } else {
      overflow_free_[k] -= free;
      if (free == 0) continue;
      const auto erased = overflow_[k].erase(agent.indexed_rank);
      SB_ASSERT(erased == 1);
    }
  }
}

std::optional<std::string> AgentPool::test_check_invariants() const {
  PerKind capacity{}, free{}, overflow_free{};
  std::size_t skill_entries = 0, overflow_entries = 0;
  for (const auto& [id, agent] : agents_) {
    if (agent.open_offers.size() != agent.offered.total()) return id + ": offer count drifted";
    for (ChannelKind kind : kChannelKinds) {
      const std::uint32_t used = agent.info.load[kind] + agent.offered[kind];
      if (used > capacity_units(agent.info, kind)) return id + ": above capacity";
    }
    if (agent.info.load.voice + agent.offered.voice > 0 && total_load(agent) > 1) {
      return id + ": a call shares the agent with other work";
    }
    if (agent.indexed != (agent.info.presence == Presence::online)) return id + ": index flag";
    if (!agent.indexed) continue;
    if (agent.indexed_rank.load != total_load(agent) ||
        agent.indexed_rank.idle_since != agent.idle_since) {
      return id + ": stale rank";
    }
    for (ChannelKind kind : kChannelKinds) {
      const std::size_t k = index_of(kind);
      const std::uint16_t f = free_slots(agent, kind);
      if (agent.indexed_free[kind] != f) return id + ": stale free slots";
      if (agent.membership == Membership::home) {
        capacity[k] += capacity_units(agent.info, kind);
        free[k] += f;
        if (f > 0) skill_entries += agent.info.skills.size();
      } else {
        overflow_free[k] += f;
        if (f > 0) ++overflow_entries;
      }
    }
  }
  std::size_t indexed_skill_entries = 0, indexed_overflow_entries = 0;
  for (const auto& [skill, per_kind] : by_skill_) {
    for (const auto& index : per_kind) indexed_skill_entries += index.size();
  }
  for (const auto& index : overflow_) indexed_overflow_entries += index.size();
  if (capacity != home_capacity_ || free != home_free_ || overflow_free != overflow_free_) {
    return std::string("capacity totals drifted");
  }
  if (skill_entries != indexed_skill_entries || overflow_entries != indexed_overflow_entries) {
    return std::string("index sizes drifted");
  }
  return std::nullopt;
}

}  // namespace sb::router
