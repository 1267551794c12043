#include "runtime/rpc/rpc_server.hpp"

#include <future>
#include <mutex>
#include <thread>
#include <utility>

#include <kj/async-io.h>
#include <spdlog/spdlog.h>

#include "runtime/rpc/server_context.hpp"
#include "runtime/rpc/server_loop.hpp"

namespace sb::rpc {

struct RpcServer::State {
  State(service::ServiceApi& service_in, RpcServerConfig config_in)
      : service(service_in),
        config(std::move(config_in)),
        tokens(config.tokens),
        inbox(std::make_shared<LoopInbox>(kLoopInboxMax)) {}

  void run(std::promise<Expected<std::uint16_t, std::string>>& started);

  service::ServiceApi& service;
  const RpcServerConfig config;
  const TokenTable tokens;
  std::shared_ptr<LoopInbox> inbox;
  std::thread thread;

  std::mutex mutex;  // guards stop_signal and the loop pointer
  kj::Own<kj::CrossThreadPromiseFulfiller<void>> stop_signal;
  ServerLoop* loop = nullptr;  // read only through tasks posted to the inbox
  ServerContext* context = nullptr;
};

void RpcServer::State::run(std::promise<Expected<std::uint16_t, std::string>>& started) {
  bool reported = false;
  try {
    auto io = kj::setupAsyncIo();
    auto stop = kj::newPromiseAndCrossThreadFulfiller<void>();
    auto address = io.provider->getNetwork()
                       .parseAddress(kj::StringPtr(config.host.c_str()), config.port)
                       .wait(io.waitScope);
    auto listener = address->listen();
    const auto port = static_cast<std::uint16_t>(listener->getPort());

    ServerContext server_context(service, tokens, config.in_flight_calls_per_connection_max, inbox);
    server_context.reporting = config.reporting;
    ServerLoop server_loop(server_context, kj::mv(listener), io.provider->getTimer());
    auto inbox_running = inbox->run().eagerlyEvaluate([](kj::Exception&& exception) {
      spdlog::error("rpc: inbox failed: {}", exception.getDescription().cStr());
    });
    {
      std::lock_guard lock(mutex);
      stop_signal = kj::mv(stop.fulfiller);
      loop = &server_loop;
      context = &server_context;
    }
    spdlog::info("rpc: listening on {}:{}", config.host, port);
    started.set_value(port);
    reported = true;

    stop.promise.wait(io.waitScope);
    server_loop.shutdown(config.shutdown_drain_timeout).wait(io.waitScope);
    {
      std::lock_guard lock(mutex);
      loop = nullptr;
      context = nullptr;
    }
    inbox_running = kj::READY_NOW;  // cancel before close(): close drops its wake-up
    inbox->close();
    spdlog::info("rpc: stopped");
  } catch (const kj::Exception& exception) {
    const std::string why = exception.getDescription().cStr();
    if (!reported) {
      started.set_value(unexpected("cannot listen on " + config.host + ":" +
                                   std::to_string(config.port) + ": " + why));
    } else {
      spdlog::error("rpc: the RPC thread failed: {}", why);
    }
  } catch (const std::exception& exception) {
    if (!reported) {
      started.set_value(unexpected(std::string("the RPC thread failed: ") + exception.what()));
    } else {
      spdlog::error("rpc: the RPC thread failed: {}", exception.what());
    }
  }
  inbox->close();
}

RpcServer::RpcServer(service::ServiceApi& service, RpcServerConfig config)
    : state_(std::make_unique<State>(service, std::move(config))) {}

RpcServer::~RpcServer() { stop(); }

Expected<std::uint16_t, std::string> RpcServer::start() {
  if (state_->thread.joinable())
    return unexpected(std::string("the RPC server is already started"));
  // Shared: the thread may still be inside set_value when start() returns.
  auto started = std::make_shared<std::promise<Expected<std::uint16_t, std::string>>>();
  auto result = started->get_future();
  state_->thread = std::thread([state = state_.get(), started] { state->run(*started); });
  auto port = result.get();
  if (!port) stop();
  return port;
}

void RpcServer::stop() {
  {
    std::lock_guard lock(state_->mutex);
    if (state_->stop_signal.get() != nullptr) {
      state_->stop_signal->fulfill();
      state_->stop_signal = nullptr;
    }
  }
  if (state_->thread.joinable() && state_->thread.get_id() != std::this_thread::get_id()) {
    state_->thread.join();
  }
}

RpcServerStats RpcServer::stats(std::chrono::milliseconds timeout) const {
  auto snapshot = std::make_shared<std::promise<RpcServerStats>>();
  auto result = snapshot->get_future();
  State* state = state_.get();
  const bool posted = state->inbox->post([state, snapshot] {
    RpcServerStats stats;
    std::lock_guard lock(state->mutex);
    if (state->loop != nullptr && state->context != nullptr) {
      stats.connections = state->loop->connections();
      stats.channel_sinks = state->context->channel_sinks.size();
      stats.agent_sinks = state->context->agent_sinks.size();
      stats.violation_sinks = state->context->violation_sinks.size();
      stats.calls_in_flight = state->context->in_flight_total;
    }
    stats.inbox_dropped = state->inbox->dropped();
    snapshot->set_value(stats);
  });
  if (!posted || result.wait_for(timeout) != std::future_status::ready) return {};
  return result.get();
}

}  // namespace sb::rpc
