#pragma once
// The simulated agents' identities and skills: every agent covers every skill group (so no
// handoff waits for a skill nobody has), each strongest in one, the strengths spread round-robin.

#include <string>
#include <vector>

#include "runtime/load/load_options.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::load {

inline constexpr int kPrimarySkillLevel = 5;
inline constexpr int kOtherSkillLevel = 3;

// The configured ids, or a1 .. aN.
std::vector<std::string> agent_ids(const AgentBehaviour& agents);
std::vector<service::AgentSpec> agent_specs(const AgentBehaviour& agents);

}  // namespace sb::load
