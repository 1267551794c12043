#pragma once
// The Admin capability: agents, the knowledge base, queue snapshots, reports and the supervisor
// capability (live quality violations).

#include "runtime/rpc/connection_state.hpp"
#include "schemas/api.capnp.h"

namespace sb::rpc {

class AdminImpl final : public schema::api::Admin::Server {
 public:
  explicit AdminImpl(kj::Own<ConnectionState> state) : state_(kj::mv(state)) {}

 protected:
  kj::Promise<void> upsertAgent(UpsertAgentContext context) override;
  kj::Promise<void> importKnowledgeBase(ImportKnowledgeBaseContext context) override;
  kj::Promise<void> listQueues(ListQueuesContext context) override;
  kj::Promise<void> report(ReportContext context) override;
  kj::Promise<void> supervisor(SupervisorContext context) override;

 private:
  kj::Own<ConnectionState> state_;
};

}  // namespace sb::rpc
