#include "runtime/rpc/admin_impl.hpp"

#include <utility>
#include <vector>

#include "runtime/rpc/call_helpers.hpp"
#include "runtime/rpc/subscription_impl.hpp"
#include "runtime/rpc/supervisor_impl.hpp"
#include "runtime/rpc/wire_admin.hpp"
#include "runtime/rpc/wire_desk.hpp"

namespace sb::rpc {

using service::Callback;

kj::Promise<void> AdminImpl::upsertAgent(UpsertAgentContext context) {
  auto slot = state_->admit();
  auto spec = from_wire(context.getParams().getAgent());
  if (auto error = check_agent_spec(spec)) return refuse(context, *error);
  auto& service = state_->server().service;
  return answer<service::AgentView>(context, kj::mv(slot), [&](Callback<service::AgentView> done) {
    service.upsert_agent(std::move(spec), std::move(done));
  });
}

kj::Promise<void> AdminImpl::importKnowledgeBase(ImportKnowledgeBaseContext context) {
  auto slot = state_->admit();
  auto jsonl = to_string(context.getParams().getJsonl());
  if (jsonl.empty()) return refuse(context, invalid_argument("the knowledge base is empty"));
  if (auto error = check_text_field("the knowledge base", jsonl, service::kKnowledgeBaseBytesMax)) {
    return refuse(context, *error);
  }
  auto& service = state_->server().service;
  return answer<service::KnowledgeBaseVersion>(
      context, kj::mv(slot), [&](Callback<service::KnowledgeBaseVersion> done) {
        service.import_knowledge_base(std::move(jsonl), std::move(done));
      });
}

kj::Promise<void> AdminImpl::listKnowledgeBaseVersions(ListKnowledgeBaseVersionsContext context) {
  auto slot = state_->admit();
  return answer<std::vector<service::KnowledgeBaseVersion>>(
      context, kj::mv(slot), [&](Callback<std::vector<service::KnowledgeBaseVersion>> done) {
        service().knowledge_base_versions(std::move(done));
      });
}

kj::Promise<void> AdminImpl::rollBackKnowledgeBase(RollBackKnowledgeBaseContext context) {
  auto slot = state_->admit();
  const auto version = context.getParams().getVersion();
  return answer<service::KnowledgeBaseVersion>(
      context, kj::mv(slot), [&](Callback<service::KnowledgeBaseVersion> done) {
        service().roll_back_knowledge_base(version, std::move(done));
      });
}

kj::Promise<void> AdminImpl::listQueues(ListQueuesContext context) {
  auto slot = state_->admit();
  auto& service = state_->server().service;
  return answer<std::vector<service::QueueSnapshot>>(
      context, kj::mv(slot),
      [&](Callback<std::vector<service::QueueSnapshot>> done) { service.queues(std::move(done)); });
}

kj::Promise<void> AdminImpl::report(ReportContext context) {
  auto slot = state_->admit();
  auto* reporting = state_->server().reporting;
  if (reporting == nullptr) return refuse(context, reporting_disabled());
  auto request = read_report_query(context.getParams().getQuery());
  if (!request) return refuse(context, request.error());
  return answer<reporting::RenderedReport>(
      context, kj::mv(slot), [&](Callback<reporting::RenderedReport> done) {
        reporting->report(std::move(*request), std::move(done));
      });
}

kj::Promise<void> AdminImpl::supervisor(SupervisorContext context) {
  context.getResults().setSupervisor(kj::heap<SupervisorImpl>(kj::addRef(*state_)));
  return kj::READY_NOW;
}

kj::Promise<void> AdminImpl::listSlaPolicies(ListSlaPoliciesContext context) {
  auto slot = state_->admit();
  return answer<std::vector<service::SlaPolicySpec>>(
      context, kj::mv(slot),
      [&](Callback<std::vector<service::SlaPolicySpec>> done) { service().sla_policies(std::move(done)); });
}

kj::Promise<void> AdminImpl::setSlaPolicy(SetSlaPolicyContext context) {
  auto slot = state_->admit();
  auto spec = from_wire(context.getParams().getPolicy());
  return answer<service::SlaPolicySpec>(context, kj::mv(slot), [&](Callback<service::SlaPolicySpec> done) {
    service().set_sla_policy(std::move(spec), std::move(done));
  });
}

kj::Promise<void> AdminImpl::removeSlaPolicy(RemoveSlaPolicyContext context) {
  auto slot = state_->admit();
  auto params = context.getParams();
  auto tier = to_string(params.getTier());
  auto priority = to_string(params.getPriority());
  return answer<service::Done>(context, kj::mv(slot), [&](Callback<service::Done> done) {
    service().remove_sla_policy(std::move(tier), std::move(priority), std::move(done));
  });
}

kj::Promise<void> AdminImpl::getTierRules(GetTierRulesContext context) {
  auto slot = state_->admit();
  return answer<service::TierRulesSpec>(context, kj::mv(slot), [&](Callback<service::TierRulesSpec> done) {
    service().tier_rules(std::move(done));
  });
}

kj::Promise<void> AdminImpl::setTierRules(SetTierRulesContext context) {
  auto slot = state_->admit();
  auto rules = from_wire(context.getParams().getRules());
  return answer<service::TierRulesSpec>(context, kj::mv(slot), [&](Callback<service::TierRulesSpec> done) {
    service().set_tier_rules(std::move(rules), std::move(done));
  });
}

kj::Promise<void> AdminImpl::listSkillGroups(ListSkillGroupsContext context) {
  auto slot = state_->admit();
  return answer<std::vector<service::SkillGroupSpec>>(
      context, kj::mv(slot),
      [&](Callback<std::vector<service::SkillGroupSpec>> done) { service().skill_groups(std::move(done)); });
}

kj::Promise<void> AdminImpl::defineSkillGroup(DefineSkillGroupContext context) {
  auto slot = state_->admit();
  auto spec = from_wire(context.getParams().getGroup());
  return answer<service::SkillGroupSpec>(context, kj::mv(slot), [&](Callback<service::SkillGroupSpec> done) {
    service().define_skill_group(std::move(spec), std::move(done));
  });
}

kj::Promise<void> AdminImpl::removeSkillGroup(RemoveSkillGroupContext context) {
  auto slot = state_->admit();
  auto name = to_string(context.getParams().getName());
  return answer<service::Done>(context, kj::mv(slot), [&](Callback<service::Done> done) {
    service().remove_skill_group(std::move(name), std::move(done));
  });
}

kj::Promise<void> AdminImpl::registerBusinessBackend(RegisterBusinessBackendContext context) {
  auto& server = state_->server();
  auto remote = std::make_shared<RemoteBackend>(server.inbox, server.backends);
  auto& service = server.service;
  // Registered with the service only once the registration exists, so a lookup always finds it.
  auto subscription = std::make_shared<service::SubscriptionId>(0);
  auto registration = kj::heap<BackendRegistration>(
      server.backends, context.getParams().getBackend(), remote,
      [&service, subscription] { service.unregister_backend(*subscription); });
  const auto id = state_->reserve();
  if (!state_->add(id, kj::mv(registration))) {
    return refuse(context, service::ServiceError{service::ErrorCode::rejected,
                                                 "this connection holds too many registrations",
                                                 "too_many_sinks"});
  }
  *subscription = service.register_backend(remote);
  auto results = context.getResults();
  results.initResult().initOk();
  results.setRegistration(kj::heap<SubscriptionImpl>(kj::addRef(*state_), id));
  return kj::READY_NOW;
}

}  // namespace sb::rpc
