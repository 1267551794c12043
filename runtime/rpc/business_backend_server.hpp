#pragma once
// Serves a BusinessBackend (runtime/bot) as the RPC capability an integrator registers with
// Admin.registerBusinessBackend: the integrator's side of the lookup, on its client's loop.

#include <memory>

#include "runtime/bot/business_backend.hpp"
#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {

class BusinessBackendServer final : public api::BusinessBackend::Server {
 public:
  explicit BusinessBackendServer(std::shared_ptr<const bot::BusinessBackend> backend)
      : backend_(std::move(backend)) {}

  kj::Promise<void> lookup(LookupContext context) override;

 private:
  std::shared_ptr<const bot::BusinessBackend> backend_;
};

}  // namespace sb::rpc
