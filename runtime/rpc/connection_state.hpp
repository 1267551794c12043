#pragma once
// One client connection's share of the server: its in-flight call budget (backpressure), its
// failed authentications, and everything registered on its behalf (sinks), released when it goes.
// Loop thread only. Refcounted: every capability served on the connection holds a reference.

#include <cstddef>
#include <cstdint>
#include <map>

#include <kj/async.h>
#include <kj/refcount.h>

#include "runtime/rpc/server_context.hpp"

namespace sb::rpc {

class ConnectionState;

// One admitted call (or batch); gives its budget back when destroyed. Attach it to the promise.
class CallSlot {
 public:
  CallSlot(kj::Own<ConnectionState> state, std::size_t calls);
  CallSlot(CallSlot&& other) noexcept;
  CallSlot& operator=(CallSlot&&) = delete;
  ~CallSlot() noexcept(false);

 private:
  kj::Own<ConnectionState> state_;
  std::size_t calls_;
};

class ConnectionState final : public kj::Refcounted, private kj::TaskSet::ErrorHandler {
 public:
  using RegistrationId = std::uint64_t;

  ConnectionState(ServerContext& server, std::uint64_t connection_id);

  ServerContext& server() { return server_; }
  std::uint64_t id() const { return connection_id_; }

  // Admits `calls` more calls, or throws an RPC exception: OVERLOADED when the connection's
  // in-flight limit would be exceeded, DISCONNECTED when the server is stopping.
  CallSlot admit(std::size_t calls = 1);

  // An id for a registration about to be made (its callbacks need the id before it exists).
  RegistrationId reserve() { return next_registration_++; }
  // Keeps `registration` until released, or until the connection closes. False (and the
  // registration is released at once) when the connection is closed or holds
  // kSinksPerConnectionMax.
  bool add(RegistrationId id, kj::Own<Registration> registration);
  void release(RegistrationId id);
  // For callers running inside the registration's own tasks.
  void release_later(RegistrationId id);

  // The connection is gone: release everything; later registrations are released at once.
  void close();

  // Failed authentications so far (the gateway refuses more after a limit).
  int auth_failures = 0;

 private:
  friend class CallSlot;
  void finished(std::size_t calls);
  void taskFailed(kj::Exception&& exception) override;

  ServerContext& server_;
  const std::uint64_t connection_id_;
  std::size_t in_flight_ = 0;
  bool closed_ = false;
  RegistrationId next_registration_ = 1;
  std::map<RegistrationId, kj::Own<Registration>> registrations_;
  kj::TaskSet tasks_;
};

}  // namespace sb::rpc
