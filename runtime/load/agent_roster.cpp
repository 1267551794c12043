#include "runtime/load/agent_roster.hpp"

#include "runtime/bot/knowledge_base.hpp"

namespace sb::load {

std::vector<std::string> agent_ids(const AgentBehaviour& agents) {
  if (!agents.ids.empty()) return agents.ids;
  std::vector<std::string> ids;
  for (int i = 1; i <= agents.count; ++i) ids.push_back("a" + std::to_string(i));
  return ids;
}

std::vector<service::AgentSpec> agent_specs(const AgentBehaviour& agents) {
  std::vector<std::string> skills;
  for (auto value = static_cast<int>(bot::Skill::orders);
       value <= static_cast<int>(bot::Skill::general); ++value) {
    skills.emplace_back(bot::to_string(static_cast<bot::Skill>(value)));
  }
  std::vector<service::AgentSpec> specs;
  const auto ids = agent_ids(agents);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    service::AgentSpec spec;
    spec.agent_id = ids[i];
    spec.display_name = "Agent " + ids[i];
    for (std::size_t k = 0; k < skills.size(); ++k) {
      spec.skills[skills[k]] = k == i % skills.size() ? kPrimarySkillLevel : kOtherSkillLevel;
    }
    spec.chat_capacity = agents.chat_capacity;
    specs.push_back(std::move(spec));
  }
  return specs;
}

}  // namespace sb::load
