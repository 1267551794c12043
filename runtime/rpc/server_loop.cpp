#include "runtime/rpc/server_loop.hpp"

#include <spdlog/spdlog.h>

#include "runtime/rpc/gateway_impl.hpp"

namespace sb::rpc {

struct ServerLoop::Connection {
  Connection(ServerContext& context, std::uint64_t id, kj::Own<kj::AsyncIoStream> stream_in)
      : stream(kj::mv(stream_in)),
        network(*stream, capnp::rpc::twoparty::Side::SERVER),
        state(kj::refcounted<ConnectionState>(context, id)),
        rpc(capnp::makeRpcServer(
            network, schema::api::Gateway::Client(kj::heap<GatewayImpl>(kj::addRef(*state))))) {}

  // Sinks go first, while the RPC system that imported the clients' capabilities still exists.
  ~Connection() noexcept(false) { state->close(); }

  kj::Own<kj::AsyncIoStream> stream;
  capnp::TwoPartyVatNetwork network;
  kj::Own<ConnectionState> state;
  capnp::RpcSystem<capnp::rpc::twoparty::VatId> rpc;
};

ServerLoop::ServerLoop(ServerContext& context, kj::Own<kj::ConnectionReceiver> listener,
                       kj::Timer& timer)
    : context_(context), listener_(kj::mv(listener)), timer_(timer), tasks_(*this) {
  accepting_ = accept_loop().eagerlyEvaluate([](kj::Exception&& exception) {
    spdlog::error("rpc: accepting connections failed: {}", exception.getDescription().cStr());
  });
}

ServerLoop::~ServerLoop() noexcept(false) = default;

kj::Promise<void> ServerLoop::accept_loop() {
  return listener_->accept().then([this](kj::Own<kj::AsyncIoStream> stream) {
    start_connection(kj::mv(stream));
    return accept_loop();
  });
}

void ServerLoop::start_connection(kj::Own<kj::AsyncIoStream> stream) {
  const auto id = next_connection_id_++;
  auto connection = kj::heap<Connection>(context_, id, kj::mv(stream));
  auto disconnected = connection->network.onDisconnect();
  connections_.emplace(id, kj::mv(connection));
  spdlog::debug("rpc: connection {} opened", id);
  // Erase on a later turn: the disconnect promise belongs to the connection's network.
  auto erase_later = [this, id] {
    return kj::evalLater([this, id] {
      if (connections_.erase(id) > 0) spdlog::debug("rpc: connection {} closed", id);
    });
  };
  // Both handlers are fresh lambdas: KJ's then() keeps an lvalue callable by reference.
  tasks_.add(disconnected.then([erase_later] { return erase_later(); },
                               [erase_later](kj::Exception&&) { return erase_later(); }));
}

kj::Promise<void> ServerLoop::shutdown(std::chrono::milliseconds drain_timeout) {
  accepting_ = nullptr;
  listener_ = nullptr;
  context_.stopping = true;
  kj::Promise<void> drained = kj::READY_NOW;
  if (context_.in_flight_total > 0) {
    auto paf = kj::newPromiseAndFulfiller<void>();
    context_.drained = kj::mv(paf.fulfiller);
    drained = kj::mv(paf.promise);
  }
  auto timed_out = timer_.afterDelay(drain_timeout.count() * kj::MILLISECONDS).then([this] {
    spdlog::warn("rpc: stopping with {} calls still in flight; cancelling them",
                 context_.in_flight_total);
  });
  return drained.exclusiveJoin(kj::mv(timed_out)).then([this] {
    context_.drained = nullptr;
    connections_.clear();
  });
}

void ServerLoop::taskFailed(kj::Exception&& exception) {
  spdlog::debug("rpc: connection watcher: {}", exception.getDescription().cStr());
}

}  // namespace sb::rpc
