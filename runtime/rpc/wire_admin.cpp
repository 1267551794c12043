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
  out.setSha256(to_text(in.sha256));
  out.setBytes(in.bytes);
  out.setImportedBy(to_text(in.imported_by));
  out.setImportedAtMs(to_unix_ms(in.imported_at));
  out.setCurrent(in.current);
}

service::KnowledgeBaseVersion from_wire(api::KnowledgeBaseVersion::Reader in) {
  return {in.getVersion(),
          in.getIntents(),
          in.getExamples(),
          to_string(in.getSha256()),
          in.getBytes(),
          to_string(in.getImportedBy()),
          from_unix_ms(in.getImportedAtMs()),
          in.getCurrent()};
}

void to_wire(api::KnowledgeBaseVersions::Builder out, const std::vector<service::KnowledgeBaseVersion>& in) {
  auto versions = out.initVersions(in.size());
  for (unsigned i = 0; i < in.size(); ++i) to_wire(versions[i], in[i]);
}

std::vector<service::KnowledgeBaseVersion> from_wire(api::KnowledgeBaseVersions::Reader in) {
  std::vector<service::KnowledgeBaseVersion> versions;
  for (auto version : in.getVersions()) versions.push_back(from_wire(version));
  return versions;
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

void to_wire(api::SlaPolicy::Builder out, const service::SlaPolicySpec& in) {
  out.setTier(to_text(in.tier));
  out.setPriority(to_text(in.priority));
  out.setName(to_text(in.name));
  out.setFirstResponseMs(in.first_response_ms);
  out.setNextReplyMs(in.next_reply_ms);
  out.setResolutionMs(in.resolution_ms);
  out.setWarnFraction(in.warn_fraction);
  out.setSupervisorGroup(to_text(in.supervisor_group));
  out.setBusinessHours(in.business_hours);
  out.setConfigured(in.configured);
}

service::SlaPolicySpec from_wire(api::SlaPolicy::Reader in) {
  return {to_string(in.getTier()),      to_string(in.getPriority()),        to_string(in.getName()),
          in.getFirstResponseMs(),      in.getNextReplyMs(),                in.getResolutionMs(),
          in.getWarnFraction(),         to_string(in.getSupervisorGroup()), in.getBusinessHours(),
          in.getConfigured()};
}

void to_wire(api::SlaPolicies::Builder out, const std::vector<service::SlaPolicySpec>& in) {
  auto policies = out.initPolicies(in.size());
  for (unsigned i = 0; i < in.size(); ++i) to_wire(policies[i], in[i]);
}

std::vector<service::SlaPolicySpec> from_wire(api::SlaPolicies::Reader in) {
  std::vector<service::SlaPolicySpec> policies;
  for (auto policy : in.getPolicies()) policies.push_back(from_wire(policy));
  return policies;
}

void to_wire(api::TierRules::Builder out, const service::TierRulesSpec& in) {
  out.setRegularAfterAccountAgeMs(in.regular_after_account_age_ms);
  out.setRegularAfterOrders(in.regular_after_orders);
  out.setVipAfterSpendCents(in.vip_after_spend_cents);
  out.setVipByFlag(in.vip_by_flag);
  out.setEnterpriseByFlag(in.enterprise_by_flag);
  out.setConfigured(in.configured);
}

service::TierRulesSpec from_wire(api::TierRules::Reader in) {
  return {in.getRegularAfterAccountAgeMs(), in.getRegularAfterOrders(), in.getVipAfterSpendCents(),
          in.getVipByFlag(), in.getEnterpriseByFlag(), in.getConfigured()};
}

void to_wire(api::SkillGroup::Builder out, const service::SkillGroupSpec& in) {
  out.setName(to_text(in.name));
  out.setOfferTimeoutMs(in.offer_timeout_ms);
  out.setStickyWindowMs(in.sticky_window_ms);
  out.setRelaxLevelEveryMs(in.relax_level_every_ms);
  out.setRelaxedLevelMin(static_cast<std::uint8_t>(in.relaxed_level_min));
  fill(out.initOverflowGroups(in.overflow_groups.size()), in.overflow_groups);
  out.setOverflowAfterMs(in.overflow_after_ms);
  out.setReservedCapacityPermille(in.reserved_capacity_permille);
  out.setReservedTierMin(to_text(in.reserved_tier_min));
}

service::SkillGroupSpec from_wire(api::SkillGroup::Reader in) {
  return {to_string(in.getName()),         in.getOfferTimeoutMs(),     in.getStickyWindowMs(),
          in.getRelaxLevelEveryMs(),       in.getRelaxedLevelMin(),    read_texts(in.getOverflowGroups()),
          in.getOverflowAfterMs(),         in.getReservedCapacityPermille(), to_string(in.getReservedTierMin())};
}

void to_wire(api::SkillGroups::Builder out, const std::vector<service::SkillGroupSpec>& in) {
  auto groups = out.initGroups(in.size());
  for (unsigned i = 0; i < in.size(); ++i) to_wire(groups[i], in[i]);
}

std::vector<service::SkillGroupSpec> from_wire(api::SkillGroups::Reader in) {
  std::vector<service::SkillGroupSpec> groups;
  for (auto group : in.getGroups()) groups.push_back(from_wire(group));
  return groups;
}

}  // namespace sb::rpc
