#include "runtime/rpc/supervisor_impl.hpp"

#include "runtime/rpc/call_helpers.hpp"
#include "runtime/rpc/register_sink.hpp"
#include "runtime/rpc/sink_adapters.hpp"
#include "runtime/rpc/subscription_impl.hpp"

namespace sb::rpc {

service::ServiceError reporting_disabled() {
  // A standing property of the node, not a transient failure: data, not a DISCONNECTED exception.
  return {service::ErrorCode::rejected, "this node serves no reports (reporting is not enabled)",
          "reporting_disabled"};
}

kj::Promise<void> SupervisorImpl::subscribe(SubscribeContext context) {
  auto& server = state_->server();
  if (server.reporting == nullptr) return refuse(context, reporting_disabled());
  auto sink = register_sink(*state_, server.violation_sinks, context.getParams().getSink());
  if (!sink) return refuse(context, sink.error());
  auto* reporting = server.reporting;
  const auto subscription =
      reporting->subscribe_violations(std::make_shared<ViolationSinkAdapter>(sink->forwarder));
  sink->registration->on_release(
      [reporting, subscription] { reporting->unsubscribe_violations(subscription); });
  auto results = context.getResults();
  results.initResult().initOk();
  results.setSubscription(kj::heap<SubscriptionImpl>(kj::addRef(*state_), sink->id));
  return kj::READY_NOW;
}

}  // namespace sb::rpc
