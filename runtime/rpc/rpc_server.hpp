#pragma once
// The node's Cap'n Proto RPC server. One thread runs one KJ event loop that owns every connection
// and capability; calls are handed to the ServiceApi and answered when the service calls back
// (on CAF threads, bridged with cross-thread fulfillers). No KJ type appears in this header, so
// the composition root can include it without knowing KJ.
//
// Usage:
//   sb::rpc::RpcServer server(service, config);
//   auto port = server.start();          // or the reason it could not listen
//   ...
//   server.stop();                       // also done by the destructor

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/rpc/limits.hpp"
#include "runtime/rpc/token_auth.hpp"
#include "runtime/reporting/reporting_service.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::rpc {

struct RpcServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = kDefaultPort;  // 0: any free port (tests); start() reports it
  std::vector<TokenGrant> tokens;     // no tokens: nobody can authenticate
  std::size_t in_flight_calls_per_connection_max = kInFlightCallsPerConnectionMax;
  std::chrono::milliseconds shutdown_drain_timeout = kShutdownDrainTimeout;
  // Serves Admin.report and the Supervisor capability; must outlive the server. nullptr: those
  // calls answer unavailable.
  reporting::ReportingService* reporting = nullptr;
};

struct RpcServerStats {
  std::size_t connections = 0;
  std::size_t channel_sinks = 0;
  std::size_t agent_sinks = 0;
  std::size_t violation_sinks = 0;
  std::size_t calls_in_flight = 0;
  std::size_t inbox_dropped = 0;  // sink events lost because the loop's inbox was full
};

class RpcServer {
 public:
  // `service` must outlive the server.
  RpcServer(service::ServiceApi& service, RpcServerConfig config);
  ~RpcServer();
  RpcServer(const RpcServer&) = delete;
  RpcServer& operator=(const RpcServer&) = delete;

  // Starts the RPC thread and listens. Returns the bound port, or why it could not listen.
  // Call once.
  Expected<std::uint16_t, std::string> start();

  // Stops accepting, refuses new calls (DISCONNECTED), waits up to shutdown_drain_timeout for
  // calls in flight, closes every connection and joins the thread. Idempotent; any thread but
  // the RPC thread.
  void stop();

  // A snapshot taken on the RPC thread (blocks up to `timeout`); zeros when not running.
  RpcServerStats stats(std::chrono::milliseconds timeout = std::chrono::seconds(5)) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace sb::rpc
