#pragma once
// The Supervisor capability (reached from Admin): live quality violations pushed to a sink.

#include "runtime/rpc/connection_state.hpp"
#include "schemas/api.capnp.h"

namespace sb::rpc {

class SupervisorImpl final : public schema::api::Supervisor::Server {
 public:
  explicit SupervisorImpl(kj::Own<ConnectionState> state) : state_(kj::mv(state)) {}

 protected:
  kj::Promise<void> subscribe(SubscribeContext context) override;

 private:
  kj::Own<ConnectionState> state_;
};

// What report and supervisor calls answer when the node runs without reporting: rejected,
// rejection "reporting_disabled".
service::ServiceError reporting_disabled();

}  // namespace sb::rpc
