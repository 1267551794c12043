#include "benchmarks/e2e/loopback_echo.hpp"

#include <future>
#include <memory>
#include <thread>
#include <vector>

#include <capnp/ez-rpc.h>
#include <kj/async.h>

#include "benchmarks/e2e/echo.capnp.h"

namespace sb::bench {
namespace {

using Clock = std::chrono::steady_clock;

class EchoImpl final : public Echo::Server {
 protected:
  kj::Promise<void> echo(EchoContext context) override {
    context.getResults().setPayload(context.getParams().getPayload());
    return kj::READY_NOW;
  }
};

// One call after another on one slot until the deadline; counts what came back.
kj::Promise<void> keep_calling(Echo::Client& echo, kj::ArrayPtr<const kj::byte> payload,
                               Clock::time_point deadline, std::uint64_t& count) {
  if (Clock::now() >= deadline) return kj::READY_NOW;
  auto request = echo.echoRequest();
  request.setPayload(payload);
  return request.send().then([&echo, payload, deadline, &count](auto&&) {
    ++count;
    return keep_calling(echo, payload, deadline, count);
  });
}

}  // namespace

EchoResult loopback_echo(std::chrono::milliseconds duration, std::size_t in_flight,
                         std::size_t payload_bytes) {
  std::promise<unsigned> port_promise;
  auto port_future = port_promise.get_future();
  std::promise<kj::Own<kj::CrossThreadPromiseFulfiller<void>>> stop_promise;
  auto stop_future = stop_promise.get_future();
  std::thread server_thread([&] {
    capnp::EzRpcServer server(kj::heap<EchoImpl>(), "127.0.0.1", 0);
    auto& wait_scope = server.getWaitScope();
    auto stop = kj::newPromiseAndCrossThreadFulfiller<void>();
    stop_promise.set_value(kj::mv(stop.fulfiller));
    port_promise.set_value(server.getPort().wait(wait_scope));
    stop.promise.wait(wait_scope);
  });
  EchoResult result;
  {
    capnp::EzRpcClient client("127.0.0.1", port_future.get());
    auto echo = client.getMain<Echo>();
    auto& wait_scope = client.getWaitScope();
    std::vector<kj::byte> payload(payload_bytes, 'x');
    const auto start = Clock::now();
    const auto deadline = start + duration;
    kj::Vector<kj::Promise<void>> slots;
    for (std::size_t i = 0; i < in_flight; ++i) {
      slots.add(keep_calling(echo, kj::arrayPtr(payload.data(), payload.size()), deadline,
                             result.round_trips));
    }
    kj::joinPromises(slots.releaseAsArray()).wait(wait_scope);
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }
  stop_future.get()->fulfill();
  server_thread.join();
  return result;
}

}  // namespace sb::bench
