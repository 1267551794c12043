#pragma once
// What every capability of the server shares. Lives on the RPC (KJ) thread and is only touched
// there, except `inbox`, which other threads post to.

#include <cstddef>
#include <memory>

#include <kj/async.h>

#include "runtime/rpc/agent_event.hpp"
#include "runtime/rpc/backend_registration.hpp"
#include "runtime/rpc/loop_inbox.hpp"
#include "runtime/quality/violation.hpp"
#include "runtime/reporting/reporting_service.hpp"
#include "runtime/rpc/sink_registration.hpp"
#include "runtime/rpc/token_auth.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::rpc {

struct ServerContext {
  ServerContext(service::ServiceApi& service, const TokenTable& tokens,
                std::size_t in_flight_per_connection_max, std::shared_ptr<LoopInbox> inbox)
      : service(service),
        tokens(tokens),
        in_flight_per_connection_max(in_flight_per_connection_max),
        inbox(std::move(inbox)) {}

  service::ServiceApi& service;
  const TokenTable& tokens;
  const std::size_t in_flight_per_connection_max;
  std::shared_ptr<LoopInbox> inbox;
  SinkDirectory<service::OutboundMessage> channel_sinks;
  SinkDirectory<AgentEvent> agent_sinks;
  SinkDirectory<quality::Violation> violation_sinks;
  BackendDirectory backends;
  // Reports and supervision; nullptr when the node runs without them (Admin.report answers
  // unavailable).
  reporting::ReportingService* reporting = nullptr;

  // Calls in flight over all connections, so a shutdown can wait for them.
  std::size_t in_flight_total = 0;
  bool stopping = false;
  kj::Maybe<kj::Own<kj::PromiseFulfiller<void>>> drained;  // set while a shutdown waits

  void calls_finished(std::size_t calls) {
    in_flight_total -= calls;
    if (in_flight_total == 0) {
      KJ_IF_MAYBE (fulfiller, drained) {
        (*fulfiller)->fulfill();
        drained = nullptr;
      }
    }
  }
};

}  // namespace sb::rpc
