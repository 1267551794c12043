#pragma once
// What the router needs to know of an agent, derived from the Agent's state after each change.

#include "actors/agent/agent_model.hpp"
#include "actors/router/router_model.hpp"

namespace sb::agent {

// `revision` is the Agent entity's version, so the router ignores reports that arrive late.
router::AgentAvailability availability_of(const std::string& agent_id, const State& state,
                                          std::uint64_t revision);

}  // namespace sb::agent
