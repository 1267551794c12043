#include "runtime/rpc/channel_impl.hpp"

#include <string>
#include <utility>
#include <vector>

#include "actors/common/text.hpp"
#include "runtime/rpc/call_helpers.hpp"
#include "runtime/rpc/register_sink.hpp"
#include "runtime/rpc/sink_adapters.hpp"
#include "runtime/rpc/subscription_impl.hpp"

namespace sb::rpc {

using service::DeliverResult;
using service::ServiceError;

ChannelImpl::ChannelImpl(kj::Own<ConnectionState> state, std::optional<Channel> bound)
    : state_(kj::mv(state)), bound_(bound) {}

Expected<Channel, ServiceError> ChannelImpl::resolve_channel(api::ChannelType wanted) const {
  if (wanted == api::ChannelType::UNSPECIFIED) {
    if (bound_) return *bound_;
    return unexpected(
        invalid_argument("the channel is unspecified (this token may use any "
                         "channel, so each message must name one)"));
  }
  const auto channel = from_wire(wanted);
  if (!channel) {
    return unexpected(invalid_argument("unknown channel number " +
                                       std::to_string(static_cast<unsigned>(wanted))));
  }
  if (bound_ && *bound_ != *channel) {
    return unexpected(
        ServiceError{service::ErrorCode::permission_denied,
                     "this token may only use channel " + std::string(sb::to_string(*bound_)),
                     {}});
  }
  return *channel;
}

Expected<service::InboundMessage, ServiceError> ChannelImpl::read_message(
    api::InboundMessage::Reader reader) const {
  auto channel = resolve_channel(reader.getChannel());
  if (!channel) return unexpected(channel.error());
  auto message = from_wire(reader);
  message.channel = *channel;
  if (auto error = check_inbound(message)) return unexpected(*error);
  return message;
}

kj::Promise<void> ChannelImpl::deliver(DeliverContext context) {
  auto slot = state_->admit();
  auto message = read_message(context.getParams().getMessage());
  if (!message) return refuse(context, message.error());
  auto& service = state_->server().service;
  return answer<DeliverResult>(context, kj::mv(slot), [&](service::Callback<DeliverResult> done) {
    service.deliver(std::move(*message), std::move(done));
  });
}

kj::Promise<void> ChannelImpl::deliverBatch(DeliverBatchContext context) {
  auto messages = context.getParams().getMessages();
  if (auto error = check_batch_size(messages.size())) return refuse(context, *error);
  auto slot = state_->admit(messages.size());
  auto& service = state_->server().service;
  std::vector<PendingOutcome<DeliverResult>> pending;
  pending.reserve(messages.size());
  for (auto reader : messages) {
    auto message = read_message(reader);
    if (!message) {
      pending.push_back(ready_outcome<DeliverResult>(unexpected(message.error())));
      continue;
    }
    pending.push_back(call_service<DeliverResult>([&](service::Callback<DeliverResult> done) {
      service.deliver(std::move(*message), std::move(done));
    }));
  }
  auto ready = kj::heapArrayBuilder<kj::Promise<void>>(pending.size());
  std::vector<std::shared_ptr<std::optional<Outcome<DeliverResult>>>> slots;
  for (auto& each : pending) {
    ready.add(kj::mv(each.ready));
    slots.push_back(each.slot);
  }
  return kj::joinPromises(ready.finish())
      .then([context, slots = std::move(slots)]() mutable {
        std::vector<Outcome<DeliverResult>> results;
        for (auto& slot : slots) results.push_back(std::move(**slot));
        // One infrastructure failure fails the batch: the client retries it whole, and the
        // message ids make the retry safe.
        for (const auto& result : results) {
          if (!result && !is_domain_error(result.error().code)) {
            kj::throwFatalException(to_exception(result.error()));
          }
        }
        auto list = context.getResults().initResult().initOk().initResults(results.size());
        for (unsigned i = 0; i < results.size(); ++i) write_outcome(list[i], results[i]);
      })
      .attach(kj::mv(slot));
}

kj::Promise<void> ChannelImpl::rate(RateContext context) {
  auto slot = state_->admit();
  auto params = context.getParams();
  auto conversation_id = to_string(params.getConversationId());
  auto comment = to_string(params.getComment());
  if (auto error = first_error({check_id("the conversation id", conversation_id),
                                check_text_field("the comment", comment, kNoteBytesMax)})) {
    return refuse(context, *error);
  }
  auto& service = state_->server().service;
  const int score = params.getScore();
  return answer<service::Done>(context, kj::mv(slot), [&](service::Callback<service::Done> done) {
    service.rate(std::move(conversation_id), score, std::move(comment), std::move(done));
  });
}

kj::Promise<void> ChannelImpl::subscribe(SubscribeContext context) {
  auto params = context.getParams();
  auto channel = resolve_channel(params.getChannel());
  if (!channel) return refuse(context, channel.error());
  auto& server = state_->server();
  auto sink = register_sink(*state_, server.channel_sinks, params.getSink());
  if (!sink) return refuse(context, sink.error());
  auto& service = server.service;
  const auto subscription =
      service.subscribe_channel(*channel, std::make_shared<ChannelSinkAdapter>(sink->forwarder));
  sink->registration->on_release([&service, subscription] { service.unsubscribe(subscription); });
  auto results = context.getResults();
  results.initResult().initOk();
  results.setSubscription(kj::heap<SubscriptionImpl>(kj::addRef(*state_), sink->id));
  return kj::READY_NOW;
}

}  // namespace sb::rpc
