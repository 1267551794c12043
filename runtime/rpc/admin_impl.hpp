#pragma once
// The Admin capability: agents, the knowledge base, queue snapshots, reports, the supervisor
// capability (live quality violations) and the node configuration (SLA policies, tier rules,
// skill groups). The service checks the configuration input (configuration_views.hpp).

#include "runtime/rpc/connection_state.hpp"
#include "schemas/api.capnp.h"

namespace sb::rpc {

class AdminImpl final : public schema::api::Admin::Server {
 public:
  explicit AdminImpl(kj::Own<ConnectionState> state) : state_(kj::mv(state)) {}

 protected:
  kj::Promise<void> upsertAgent(UpsertAgentContext context) override;
  kj::Promise<void> importKnowledgeBase(ImportKnowledgeBaseContext context) override;
  kj::Promise<void> listKnowledgeBaseVersions(ListKnowledgeBaseVersionsContext context) override;
  kj::Promise<void> rollBackKnowledgeBase(RollBackKnowledgeBaseContext context) override;
  kj::Promise<void> listQueues(ListQueuesContext context) override;
  kj::Promise<void> report(ReportContext context) override;
  kj::Promise<void> supervisor(SupervisorContext context) override;
  kj::Promise<void> listSlaPolicies(ListSlaPoliciesContext context) override;
  kj::Promise<void> setSlaPolicy(SetSlaPolicyContext context) override;
  kj::Promise<void> removeSlaPolicy(RemoveSlaPolicyContext context) override;
  kj::Promise<void> getTierRules(GetTierRulesContext context) override;
  kj::Promise<void> setTierRules(SetTierRulesContext context) override;
  kj::Promise<void> listSkillGroups(ListSkillGroupsContext context) override;
  kj::Promise<void> defineSkillGroup(DefineSkillGroupContext context) override;
  kj::Promise<void> removeSkillGroup(RemoveSkillGroupContext context) override;
  kj::Promise<void> registerBusinessBackend(RegisterBusinessBackendContext context) override;

 private:
  service::ServiceApi& service() { return state_->server().service; }

  kj::Own<ConnectionState> state_;
};

}  // namespace sb::rpc
