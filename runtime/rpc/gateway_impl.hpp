#pragma once
// The bootstrap capability of each connection: a token in, the capabilities of its role out.

#include "runtime/rpc/connection_state.hpp"
#include "schemas/api.capnp.h"

namespace sb::rpc {

class GatewayImpl final : public schema::api::Gateway::Server {
 public:
  explicit GatewayImpl(kj::Own<ConnectionState> state) : state_(kj::mv(state)) {}

 protected:
  kj::Promise<void> authenticate(AuthenticateContext context) override;

 private:
  kj::Own<ConnectionState> state_;
};

}  // namespace sb::rpc
