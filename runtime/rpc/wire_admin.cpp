#include "runtime/rpc/wire_admin.hpp"

namespace sb::rpc {

void to_wire(api::AgentSpec::Builder out, const service::AgentSpec& in) {
  out.setAgentId(to_text(in.agent_id));
  out.setDisplayName(to_text(in.display_name));
  fill(out.initSkills(in.skills.size()), in.skills);
  fill(out.initGroups(in.groups.size()), in.groups);
  out.setChatCapacity(in.chat_capacity);
  out.setEmailCapacity(in.email_capacity);
}

service::AgentSpec from_wire(api::AgentSpec::Reader in) {
  return {to_string(in.getAgentId()), to_string(in.getDisplayName()), read_skills(in.getSkills()),
          read_texts(in.getGroups()), in.getChatCapacity(),           in.getEmailCapacity()};
}

void to_wire(api::KnowledgeBaseVersion::Builder out, const service::KnowledgeBaseVersion& in) {
  out.setVersion(in.version);
  out.setIntents(in.intents);
  out.setExamples(in.examples);
}

service::KnowledgeBaseVersion from_wire(api::KnowledgeBaseVersion::Reader in) {
  return {in.getVersion(), in.getIntents(), in.getExamples()};
}

void to_wire(api::Queues::Builder out, const std::vector<service::QueueSnapshot>& in) {
  auto queues = out.initQueues(in.size());
  for (unsigned i = 0; i < in.size(); ++i) {
    queues[i].setSkill(to_text(in[i].skill));
    queues[i].setWaiting(in[i].waiting);
    queues[i].setOffered(in[i].offered);
    queues[i].setAgentsOnline(in[i].agents_online);
    queues[i].setFreeSlots(in[i].free_slots);
    queues[i].setLongestWaitMs(in[i].longest_wait_ms);
    queues[i].setEstimatedWaitMs(in[i].estimated_wait_ms);
  }
}

std::vector<service::QueueSnapshot> from_wire(api::Queues::Reader in) {
  std::vector<service::QueueSnapshot> queues;
  for (auto queue : in.getQueues()) {
    queues.push_back({to_string(queue.getSkill()), queue.getWaiting(), queue.getOffered(),
                      queue.getAgentsOnline(), queue.getFreeSlots(), queue.getLongestWaitMs(),
                      queue.getEstimatedWaitMs()});
  }
  return queues;
}

}  // namespace sb::rpc
