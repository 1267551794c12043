#pragma once
// The handle a client keeps to keep receiving: dropping it releases the sink registration.

#include "runtime/rpc/connection_state.hpp"
#include "schemas/api.capnp.h"

namespace sb::rpc {

class SubscriptionImpl final : public schema::api::Subscription::Server {
 public:
  SubscriptionImpl(kj::Own<ConnectionState> state, ConnectionState::RegistrationId id)
      : state_(kj::mv(state)), id_(id) {}
  ~SubscriptionImpl() noexcept(false) { state_->release(id_); }

 private:
  kj::Own<ConnectionState> state_;
  ConnectionState::RegistrationId id_;
};

}  // namespace sb::rpc
