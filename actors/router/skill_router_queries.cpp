// SkillRouter's read side: queue positions, wait estimates, deadlines and the supervisors' view.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "actors/router/erlang_c.hpp"
#include "actors/router/skill_router.hpp"

namespace sb::router {
namespace {

std::size_t kind_index(ChannelKind kind) { return static_cast<std::size_t>(kind) - 1; }
std::size_t tier_index(Tier tier) { return static_cast<std::size_t>(tier) - 1; }

// Customers are told exact positions near the front and rounded ones further back, so a long
// queue moving by one does not push an update to everybody.
std::size_t position_bucket(std::size_t position) {
  if (position <= 10) return position;
  if (position <= 100) return (position + 9) / 10 * 10;
  return (position + 99) / 100 * 100;
}

std::int64_t wait_bucket(Duration wait) {
  const std::int64_t minutes = (wait.count() + 59'999) / 60'000;
  if (minutes <= 60) return minutes;
  return (minutes + 14) / 15 * 15;
}

void report_if_changed(ConversationEntry& entry, std::size_t position, Duration wait,
                       std::vector<PositionUpdate>& out) {
  const ReportedPosition now{position_bucket(position), wait_bucket(wait)};
  if (entry.reported == now) return;
  entry.reported = now;
  out.push_back(PositionUpdate{entry.info.conversation_id, position, wait});
}

Duration capped_seconds(double seconds) {
  const double max_s = static_cast<double>(kEstimatedWaitMax.count()) / 1000.0;
  if (!std::isfinite(seconds) || seconds >= max_s) return kEstimatedWaitMax;
  return Duration(static_cast<std::int64_t>(std::llround(seconds * 1000.0)));
}

}  // namespace

std::size_t SkillRouter::position_of(const ConversationEntry& entry) const {
  const QueuedConversation& c = entry.info;
  const auto& lanes = queue_.lanes();
  std::size_t ahead = 0;
  for (auto it = lanes.lower_bound(LaneKey{c.skill, c.kind, 0, static_cast<Tier>(0)});
       it != lanes.end() && it->first.skill == c.skill && it->first.kind == c.kind; ++it) {
    if (it->first.tier > c.tier) {
      ahead += it->second.size();
    } else if (it->first.tier == c.tier) {
      ahead += static_cast<std::size_t>(
          std::distance(it->second.begin(), it->second.lower_bound(entry.key)));
    }
  }
  return ahead + 1;
}

Expected<std::size_t, Error> SkillRouter::queue_position(const ConversationId& id) const {
  const ConversationEntry* entry = queue_.find(id);
  if (entry == nullptr) {
    return unexpected(unknown_conversation(id));
  }
  return entry->offer ? std::size_t{0} : position_of(*entry);
}

Expected<Duration, Error> SkillRouter::estimated_wait(const ConversationId& id,
                                                      Timestamp now) const {
  const ConversationEntry* entry = queue_.find(id);
  if (entry == nullptr) {
    return unexpected(unknown_conversation(id));
  }
  if (entry->offer) return Duration::zero();
  const QueuedConversation& c = entry->info;
  const std::uint32_t servers = agents_.home_capacity(c.kind);
  if (servers == 0) {
    return unexpected(Error{ErrorCode::no_agents_online, "no agent of group " + config_.group_id +
                                                             " is online for " +
                                                             std::string(to_string(c.kind))});
  }
  return estimator_.queued_wait(c.kind, c.tier, position_of(*entry),
                                usable_free_slots(config_, agents_, c.tier, c.kind), servers, now);
}

std::vector<PositionUpdate> SkillRouter::position_changes(Timestamp now) {
  std::vector<PositionUpdate> out;
  std::array<std::array<std::optional<double>, 4>, kChannelKinds.size()> drain{};
  std::unordered_map<std::string_view, std::array<std::size_t, kChannelKinds.size()>> counts;
  for (const auto& [key, entry] : queue_.waiting()) {
    const QueuedConversation& c = entry->info;
    const std::size_t position = ++counts[c.skill][kind_index(c.kind)];
    auto& rate = drain[kind_index(c.kind)][tier_index(c.tier)];
    if (!rate) rate = estimator_.drain_per_s(c.kind, c.tier, agents_.home_capacity(c.kind), now);
    const Duration wait = WaitEstimator::wait_behind(
        position, usable_free_slots(config_, agents_, c.tier, c.kind), *rate);
    report_if_changed(*entry, position, wait, out);
  }
  for (const auto& [id, offer] : offers_) {
    report_if_changed(*queue_.find(offer.conversation_id), 0, Duration::zero(), out);
  }
  return out;
}

std::optional<Timestamp> SkillRouter::next_lane_deadline(const ConversationEntry& head,
                                                         Timestamp now) const {
  const QueuedConversation& c = head.info;
  const Duration waited = now - c.enqueued_at;
  std::optional<Timestamp> next;
  if (config_.relax_level_every > Duration::zero() &&
      effective_level(config_, c.required_level, waited) > config_.relaxed_level_min) {
    const auto steps = std::max<std::int64_t>(0, waited / config_.relax_level_every) + 1;
    next = c.enqueued_at + steps * config_.relax_level_every;
  }
  if (!config_.overflow_groups.empty() && waited < config_.overflow_after) {
    const Timestamp overflow = c.enqueued_at + config_.overflow_after;
    next = next ? std::min(*next, overflow) : overflow;
  }
  return next;
}

std::optional<Timestamp> SkillRouter::next_deadline(Timestamp now) const {
  std::optional<Timestamp> next;
  if (!expiry_.empty()) next = expiry_.begin()->first;
  for (const auto& [lane, order] : queue_.lanes()) {
    const auto t = next_lane_deadline(*order.begin()->second, now);
    if (t && (!next || *t < *next)) next = t;
  }
  return next;
}

KindView SkillRouter::kind_view(ChannelKind kind, Timestamp now) const {
  KindView v;
  v.kind = kind;
  v.servers = agents_.home_capacity(kind);
  v.free_slots = agents_.home_free(kind);
  v.reserved_slots = reserved_slots(config_, agents_, kind);
  for (const auto& [lane, order] : queue_.lanes()) {
    if (lane.kind != kind) continue;
    v.waiting += order.size();
    v.oldest_wait = std::max(v.oldest_wait, now - order.begin()->second->info.enqueued_at);
  }
  const double per_s = estimator_.arrivals_per_s(kind, Tier::new_customer, now);
  v.arrivals_per_hour = per_s * 3600.0;
  v.mean_handle_time = estimator_.mean_handle_time(kind);
  const double aht_s = static_cast<double>(v.mean_handle_time.count()) / 1000.0;
  const double erlangs = per_s * aht_s;
  const double target_s = static_cast<double>(config_.service_level_target.count()) / 1000.0;
  v.probability_of_waiting = erlang_c::probability_of_waiting(v.servers, erlangs);
  v.forecast_wait = capped_seconds(erlang_c::average_speed_of_answer(v.servers, erlangs, aht_s));
  v.service_level = erlang_c::service_level(v.servers, erlangs, aht_s, target_s);
  return v;
}

RouterSnapshot SkillRouter::snapshot(Timestamp now) const {
  RouterSnapshot s;
  s.group_id = config_.group_id;
  s.at = now;
  s.waiting = queue_.waiting_count();
  s.offered = offers_.size();
  for (const auto& [lane, order] : queue_.lanes())
    s.waiting_by_tier[tier_index(lane.tier)] += order.size();
  for (ChannelKind kind : kChannelKinds) s.kinds.push_back(kind_view(kind, now));
  s.agents.reserve(agents_.size());
  for (const auto& [id, a] : agents_.entries()) {
    s.agents.push_back(AgentView{id, a.info.presence, a.membership == Membership::overflow,
                                 a.info.capacity, a.info.load, a.offered, a.idle_since});
  }
  std::sort(s.agents.begin(), s.agents.end(),
            [](const AgentView& a, const AgentView& b) { return a.agent_id < b.agent_id; });
  return s;
}

std::optional<std::string> SkillRouter::test_check_invariants() const {
  if (auto problem = agents_.test_check_invariants()) return problem;
  if (auto problem = queue_.test_check_invariants()) return problem;
  if (expiry_.size() != offers_.size()) return std::string("expiry index drifted");
  if (queue_.size() != queue_.waiting_count() + offers_.size()) {
    return std::string("offered conversations drifted");
  }
  std::size_t open = 0;
  for (const auto& [id, a] : agents_.entries()) open += a.open_offers.size();
  if (open != offers_.size()) return std::string("agents' open offers drifted");
  for (const auto& [id, offer] : offers_) {
    const ConversationEntry* c = queue_.find(offer.conversation_id);
    const AgentEntry* a = agents_.find(offer.agent_id);
    if (c == nullptr || c->offer != id) return "offer " + std::to_string(id) + ": conversation";
    if (a == nullptr) return "offer " + std::to_string(id) + ": agent";
  }
  return std::nullopt;
}

std::size_t SkillRouter::test_count_dispatchable(Timestamp now) const {
  std::size_t count = 0;
  for (const auto& [key, entry] : queue_.waiting()) {
    if (find_agent(config_, agents_, *entry, now)) ++count;
  }
  return count;
}

}  // namespace sb::router
