#include "actors/router/agent_matcher.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace sb::router {
namespace {

// What makes an agent eligible for one conversation at one moment.
struct Eligibility {
  const SkillId& skill;
  ChannelKind kind;
  std::uint8_t effective_level;
  bool home_allowed;      // the reservation leaves room for this tier
  bool overflow_allowed;  // waited long enough for the overflow groups
};

struct Candidate {
  const AgentEntry* agent = nullptr;
  std::uint8_t level = 0;
};

struct Search {
  const ConversationEntry& conversation;
  std::size_t records_max;        // one more than recorded: the winner may come from elsewhere
  std::vector<Candidate> seen;    // eligible, in rank order (home first, then overflow)
  std::optional<Candidate> best;  // first eligible that has not declined
  std::optional<Candidate> runner_up;
  std::optional<Candidate> best_declined;
  std::uint32_t considered = 0;

  bool done() const { return best && runner_up && seen.size() >= records_max; }
};

std::optional<std::uint8_t> eligible_level(const AgentEntry& agent, const Eligibility& e) {
  if (agent.info.presence != Presence::online || free_slots(agent, e.kind) == 0) {
    return std::nullopt;
  }
  const std::uint8_t level = level_of(agent, e.skill);
  if (agent.membership == Membership::home) {
    if (e.home_allowed && level >= e.effective_level) return level;
    return std::nullopt;
  }
  if (e.overflow_allowed) return level;
  return std::nullopt;
}

void consider(Search& s, Candidate c) {
  ++s.considered;
  if (s.seen.size() < s.records_max) s.seen.push_back(c);
  if (s.conversation.declined_by(c.agent->info.agent_id)) {
    if (!s.best_declined) s.best_declined = c;
  } else if (!s.best) {
    s.best = c;
  } else if (!s.runner_up) {
    s.runner_up = c;
  }
}

void scan(Search& s, const AgentIndex* index, const Eligibility& e) {
  if (index == nullptr) return;
  for (const AgentRank& rank : *index) {
    if (s.done()) return;
    if (auto level = eligible_level(*rank.agent, e)) consider(s, Candidate{rank.agent, *level});
  }
}

// The customer's last agent when inside the window, eligible and not a decliner.
std::optional<Candidate> sticky_candidate(const RouterConfig& config, const AgentPool& agents,
                                          const ConversationEntry& conversation,
                                          const Eligibility& e, Timestamp now) {
  const auto& sticky = conversation.info.sticky;
  if (!sticky || now - sticky->last_served_at > config.sticky_window) return std::nullopt;
  const AgentEntry* agent = agents.find(sticky->agent_id);
  if (agent == nullptr || conversation.declined_by(agent->info.agent_id)) return std::nullopt;
  if (auto level = eligible_level(*agent, e)) return Candidate{agent, *level};
  return std::nullopt;
}

CandidateRecord record_of(const Candidate& c, const ConversationEntry& conversation,
                          Timestamp now) {
  const AgentEntry& a = *c.agent;
  const auto& sticky = conversation.info.sticky;
  return CandidateRecord{
      .agent_id = a.info.agent_id,
      .skill_level = c.level,
      .load = total_load(a),
      .free_slots = free_slots(a, conversation.info.kind),
      .idle_for = std::max(Duration::zero(), now - a.idle_since),
      .sticky = sticky && sticky->agent_id == a.info.agent_id,
      .overflow = a.membership == Membership::overflow,
      .declined_before = conversation.declined_by(a.info.agent_id),
  };
}

DecidingRule rule_for(const Candidate& winner, const std::optional<Candidate>& runner_up,
                      std::uint8_t required_level) {
  if (winner.agent->membership == Membership::overflow) return DecidingRule::overflow;
  if (winner.level < required_level) return DecidingRule::relaxed_skill;
  if (runner_up && total_load(*runner_up->agent) == total_load(*winner.agent)) {
    return DecidingRule::longest_idle;
  }
  return DecidingRule::least_loaded;
}

ReservationStatus reservation_status(const RouterConfig& config, Tier tier) {
  if (config.reserved_capacity_permille == 0) return ReservationStatus::none_configured;
  return tier >= config.reserved_tier_min ? ReservationStatus::priority_tier
                                          : ReservationStatus::outside_reserve;
}

AssignmentExplanation explain(const RouterConfig& config, const Search& s, const Candidate& winner,
                              DecidingRule rule, const Eligibility& e, Timestamp now) {
  const QueuedConversation& c = s.conversation.info;
  AssignmentExplanation x{
      .winner = winner.agent->info.agent_id,
      .rule = rule,
      .decided_at = now,
      .waited = std::max(Duration::zero(), now - c.enqueued_at),
      .tier = c.tier,
      .kind = c.kind,
      .skill = c.skill,
      .required_level = c.required_level,
      .effective_level = e.effective_level,
      .reservation = reservation_status(config, c.tier),
      .sticky_last_served_ago = std::nullopt,
      .fallback_to_declined = s.conversation.declined_by(winner.agent->info.agent_id),
      .candidates_considered = s.considered,
      .candidates = {},
  };
  if (c.sticky) x.sticky_last_served_ago = now - c.sticky->last_served_at;
  x.candidates.push_back(record_of(winner, s.conversation, now));
  bool winner_seen = false;
  for (const Candidate& other : s.seen) {
    if (other.agent == winner.agent) {
      winner_seen = true;
    } else if (x.candidates.size() < config.candidates_recorded_max) {
      x.candidates.push_back(record_of(other, s.conversation, now));
    }
  }
  if (!winner_seen) ++x.candidates_considered;
  return x;
}

}  // namespace

std::uint8_t effective_level(const RouterConfig& config, std::uint8_t required_level,
                             Duration waited) {
  if (config.relax_level_every <= Duration::zero() || required_level <= config.relaxed_level_min ||
      waited <= Duration::zero()) {
    return required_level;
  }
  const auto steps = waited / config.relax_level_every;
  const auto room = required_level - config.relaxed_level_min;
  return static_cast<std::uint8_t>(required_level - std::min<std::int64_t>(steps, room));
}

bool overflow_due(const RouterConfig& config, Duration waited) {
  return !config.overflow_groups.empty() && waited >= config.overflow_after;
}

std::uint32_t reserved_slots(const RouterConfig& config, const AgentPool& agents,
                             ChannelKind kind) {
  return agents.home_capacity(kind) * config.reserved_capacity_permille / 1000;
}

std::uint32_t usable_free_slots(const RouterConfig& config, const AgentPool& agents, Tier tier,
                                ChannelKind kind) {
  const std::uint32_t free = agents.home_free(kind);
  if (tier >= config.reserved_tier_min) return free;
  const std::uint32_t reserved = reserved_slots(config, agents, kind);
  return free > reserved ? free - reserved : 0;
}

std::optional<Match> find_agent(const RouterConfig& config, const AgentPool& agents,
                                const ConversationEntry& conversation, Timestamp now) {
  const QueuedConversation& c = conversation.info;
  const Duration waited = now - c.enqueued_at;
  const Eligibility e{c.skill, c.kind, effective_level(config, c.required_level, waited),
                      usable_free_slots(config, agents, c.tier, c.kind) > 0,
                      overflow_due(config, waited)};
  Search s{conversation, config.candidates_recorded_max + 1, {}, {}, {}, {}, 0};
  s.seen.reserve(s.records_max);
  const std::optional<Candidate> sticky = sticky_candidate(config, agents, conversation, e, now);
  if (e.home_allowed) scan(s, agents.skill_index(c.skill, c.kind), e);
  if (!sticky && !s.best && e.overflow_allowed) scan(s, &agents.overflow_index(c.kind), e);

  std::optional<Candidate> winner = sticky ? sticky : s.best ? s.best : s.best_declined;
  if (!winner) return std::nullopt;
  const DecidingRule rule =
      sticky ? DecidingRule::sticky : rule_for(*winner, s.runner_up, c.required_level);
  return Match{winner->agent->info.agent_id, explain(config, s, *winner, rule, e, now)};
}

}  // namespace sb::router
