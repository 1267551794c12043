#include "runtime/rpc/admin_impl.hpp"

#include <utility>
#include <vector>

#include "runtime/rpc/call_helpers.hpp"
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

}  // namespace sb::rpc
