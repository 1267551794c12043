#pragma once
// The routing decision for one conversation: which agent gets the offer now, and why.
// Preference: the customer's last agent (inside the sticky window), then home agents by
// (load, idle since), then overflow agents once the conversation waited long enough, and only
// then an agent who declined it before. Home agents must have the skill at the effective level
// (lowered as the conversation waits) and, for tiers below the reserved ones, the group must keep
// its reserved share of free slots after the offer.

#include <cstdint>
#include <optional>

#include "actors/router/agent_pool.hpp"
#include "actors/router/conversation_queue.hpp"
#include "actors/router/router_model.hpp"

namespace sb::router {

struct Match {
  AgentId agent_id;
  AssignmentExplanation explanation;
};

// nullopt when no agent can take `conversation` now. Looks only at agents with a free slot of
// the conversation's kind, in rank order, and stops once the winner, the runner-up and
// `candidates_recorded_max` records are known.
std::optional<Match> find_agent(const RouterConfig& config, const AgentPool& agents,
                                const ConversationEntry& conversation, Timestamp now);

// The level a home agent needs after waiting `waited`.
std::uint8_t effective_level(const RouterConfig& config, std::uint8_t required_level,
                             Duration waited);
bool overflow_due(const RouterConfig& config, Duration waited);

// Free slots of `kind` kept for tiers >= reserved_tier_min (share of capacity, rounded down).
std::uint32_t reserved_slots(const RouterConfig& config, const AgentPool& agents, ChannelKind kind);
// Free home slots a conversation of `tier` may use now.
std::uint32_t usable_free_slots(const RouterConfig& config, const AgentPool& agents, Tier tier,
                                ChannelKind kind);

}  // namespace sb::router
