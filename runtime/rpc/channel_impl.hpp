#pragma once
// The Channel capability: what a channel adapter (web widget, app, WeChat, phone ASR, email ...)
// may do. Optionally bound to one channel: then every message is on that channel.

#include <optional>

#include "runtime/rpc/connection_state.hpp"
#include "schemas/api.capnp.h"

namespace sb::rpc {

class ChannelImpl final : public schema::api::Channel::Server {
 public:
  ChannelImpl(kj::Own<ConnectionState> state, std::optional<Channel> bound);

 protected:
  kj::Promise<void> deliver(DeliverContext context) override;
  kj::Promise<void> deliverBatch(DeliverBatchContext context) override;
  kj::Promise<void> rate(RateContext context) override;
  kj::Promise<void> subscribe(SubscribeContext context) override;

 private:
  // The checked message, or the error to answer with.
  Expected<service::InboundMessage, service::ServiceError> read_message(
      schema::api::InboundMessage::Reader reader) const;
  Expected<Channel, service::ServiceError> resolve_channel(schema::api::ChannelType wanted) const;

  kj::Own<ConnectionState> state_;
  std::optional<Channel> bound_;
};

}  // namespace sb::rpc
