#include "runtime/rpc/gateway_impl.hpp"

#include <spdlog/spdlog.h>

#include "runtime/rpc/admin_impl.hpp"
#include "runtime/rpc/agent_desk_impl.hpp"
#include "runtime/rpc/channel_impl.hpp"
#include "runtime/rpc/limits.hpp"
#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {
namespace {

void refuse(api::Result<api::Session>::Builder result, const char* message) {
  auto error = result.initError();
  error.setCode(api::ErrorCode::UNAUTHENTICATED);
  error.setMessage(message);
}

}  // namespace

kj::Promise<void> GatewayImpl::authenticate(AuthenticateContext context) {
  auto result = context.getResults().initResult();
  // A per-connection cap on guesses; reconnecting costs a TCP and capnp handshake each time.
  if (state_->auth_failures >= kAuthFailuresPerConnectionMax) {
    refuse(result, "too many failed authentications on this connection; reconnect");
    return kj::READY_NOW;
  }
  // Never log the token itself, nor its hash.
  const auto grant = state_->server().tokens.find(to_string(context.getParams().getToken()));
  if (!grant) {
    ++state_->auth_failures;
    spdlog::warn("rpc: connection {}: authentication failed (unknown token)", state_->id());
    refuse(result, "unknown token: check the token this client is configured with");
    return kj::READY_NOW;
  }
  auto session = result.initOk();
  session.setPrincipal(to_text(grant->subject));
  switch (grant->role) {
    case Role::channel: {
      const auto bound = grant->channel();
      session.setRole(api::Role::CHANNEL);
      session.setChannelType(bound ? to_wire(*bound) : api::ChannelType::UNSPECIFIED);
      session.setChannel(kj::heap<ChannelImpl>(kj::addRef(*state_), bound));
      break;
    }
    case Role::agent:
      session.setRole(api::Role::AGENT);
      session.setAgentDesk(kj::heap<AgentDeskImpl>(kj::addRef(*state_), grant->subject));
      break;
    case Role::admin:
      session.setRole(api::Role::ADMIN);
      session.setAdmin(kj::heap<AdminImpl>(kj::addRef(*state_)));
      break;
  }
  spdlog::info("rpc: connection {}: authenticated as {} {}", state_->id(), to_string(grant->role),
               grant->subject);
  return kj::READY_NOW;
}

}  // namespace sb::rpc
