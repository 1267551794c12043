#include "runtime/rpc/connection_state.hpp"

#include <string>
#include <utility>

#include <kj/debug.h>
#include <spdlog/spdlog.h>

#include "runtime/rpc/limits.hpp"

namespace sb::rpc {

CallSlot::CallSlot(kj::Own<ConnectionState> state, std::size_t calls)
    : state_(kj::mv(state)), calls_(calls) {}

CallSlot::CallSlot(CallSlot&& other) noexcept
    : state_(kj::mv(other.state_)), calls_(std::exchange(other.calls_, 0)) {}

CallSlot::~CallSlot() noexcept(false) {
  if (state_.get() != nullptr && calls_ > 0) state_->finished(calls_);
}

ConnectionState::ConnectionState(ServerContext& server, std::uint64_t connection_id)
    : server_(server), connection_id_(connection_id), tasks_(*this) {}

CallSlot ConnectionState::admit(std::size_t calls) {
  if (server_.stopping) {
    kj::throwFatalException(
        KJ_EXCEPTION(DISCONNECTED, "unavailable: the node is stopping; retry on another node"));
  }
  if (in_flight_ + calls > server_.in_flight_per_connection_max) {
    const auto message = "overloaded: " + std::to_string(in_flight_) +
                         " calls in flight on this connection; the limit is " +
                         std::to_string(server_.in_flight_per_connection_max) + "; retry later";
    kj::throwFatalException(KJ_EXCEPTION(OVERLOADED, message));
  }
  in_flight_ += calls;
  server_.in_flight_total += calls;
  return CallSlot(kj::addRef(*this), calls);
}

void ConnectionState::finished(std::size_t calls) {
  in_flight_ -= calls;
  server_.calls_finished(calls);
}

bool ConnectionState::add(RegistrationId id, kj::Own<Registration> registration) {
  if (closed_ || registrations_.size() >= kSinksPerConnectionMax) return false;
  registrations_.emplace(id, kj::mv(registration));
  return true;
}

void ConnectionState::release(RegistrationId id) {
  // Erase first, destroy after: a registration's cleanup must not see itself in the map.
  auto it = registrations_.find(id);
  if (it == registrations_.end()) return;
  auto registration = kj::mv(it->second);
  registrations_.erase(it);
}

void ConnectionState::release_later(RegistrationId id) {
  tasks_.add(kj::evalLater([this, id] { release(id); }));
}

void ConnectionState::close() {
  closed_ = true;
  auto registrations = std::move(registrations_);
  registrations_.clear();
}

void ConnectionState::taskFailed(kj::Exception&& exception) {
  spdlog::warn("rpc: connection {}: {}", connection_id_, exception.getDescription().cStr());
}

}  // namespace sb::rpc
