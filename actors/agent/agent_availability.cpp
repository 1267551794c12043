#include "actors/agent/agent_availability.hpp"

#include <algorithm>

namespace sb::agent {
namespace {

router::Presence to_router(Presence presence) {
  switch (presence) {
    case Presence::online: return router::Presence::online;
    case Presence::away: return router::Presence::away;
    case Presence::offline: return router::Presence::offline;
  }
  return router::Presence::offline;
}

std::uint16_t clamp_slots(int slots) {
  return static_cast<std::uint16_t>(std::clamp<int>(slots, 0, router::kSlotsPerKindMax));
}

}  // namespace

router::AgentAvailability availability_of(const std::string& agent_id, const State& state,
                                          std::uint64_t revision) {
  router::AgentAvailability report;
  report.agent_id = agent_id;
  report.presence = to_router(state.presence);
  for (const auto& [skill, level] : state.skills) {
    report.skills.push_back({skill, static_cast<std::uint8_t>(level)});
    report.groups.push_back(skill);  // a skill makes the agent a member of that skill's group
  }
  for (const auto& group : state.groups) {
    if (std::find(report.groups.begin(), report.groups.end(), group) == report.groups.end()) {
      report.groups.push_back(group);
    }
  }
  if (report.groups.size() > router::kGroupsPerAgentMax) report.groups.resize(router::kGroupsPerAgentMax);
  if (report.skills.size() > router::kSkillsPerAgentMax) report.skills.resize(router::kSkillsPerAgentMax);
  report.capacity.chat = clamp_slots(state.capacity.chats);
  report.capacity.email = clamp_slots(state.capacity.emails);
  report.capacity.voice = 1;
  for (const auto& [conversation_id, channel] : state.active) {
    report.load[router::channel_kind_of(channel)] += 1;
  }
  report.idle_since = state.last_accepted_at;
  report.revision = revision;
  return report;
}

}  // namespace sb::agent
