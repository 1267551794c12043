#pragma once
// An integrator's BusinessBackend capability, registered with the service. The service holds a
// RemoteBackend (any thread) that posts each lookup to the loop inbox with the registration's
// id; on the loop thread the id is looked up in the directory of live registrations, which calls
// the capability. Every lookup's `done` runs exactly once: with the answer, or `unavailable` when
// the registration is gone, the loop is full, too many lookups are in flight, or the call fails.

#include <atomic>
#include <cstdint>
#include <memory>
#include <unordered_map>

#include <kj/async.h>
#include <kj/function.h>

#include "runtime/rpc/loop_inbox.hpp"
#include "runtime/rpc/sink_registration.hpp"
#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {

// Lookups one registration may have outstanding; more are answered `unavailable` at once.
inline constexpr std::size_t kBackendLookupsInFlightMax = 256;

class BackendRegistration;

// Loop thread only.
class BackendDirectory {
 public:
  std::uint64_t add(BackendRegistration& registration);
  void remove(std::uint64_t id) { live_.erase(id); }
  BackendRegistration* find(std::uint64_t id) const;

 private:
  std::unordered_map<std::uint64_t, BackendRegistration*> live_;
  std::uint64_t next_id_ = 1;
};

// `done`, exactly once: a lookup dropped without an answer (its call cancelled with the
// connection) answers `unavailable` when the last copy goes.
class LookupReply {
 public:
  explicit LookupReply(service::IntegratorBackend::Done done) : done_(std::move(done)) {}
  ~LookupReply();
  LookupReply(const LookupReply&) = delete;
  LookupReply& operator=(const LookupReply&) = delete;
  void answer(bot::BackendResult result);

 private:
  service::IntegratorBackend::Done done_;
  std::atomic<bool> answered_{false};
};

// The service's side: thread-safe, never touches KJ objects.
class RemoteBackend final : public service::IntegratorBackend {
 public:
  RemoteBackend(std::shared_ptr<LoopInbox> inbox, BackendDirectory& directory)
      : inbox_(std::move(inbox)), directory_(&directory) {}
  void set_id(std::uint64_t id) { id_ = id; }
  void close() { open_.store(false, std::memory_order_release); }

  void lookup(bot::BackendQuery query, Done done) override;

 private:
  std::shared_ptr<LoopInbox> inbox_;
  BackendDirectory* directory_;  // outlives every task: the inbox closes first
  std::uint64_t id_ = 0;
  std::atomic<bool> open_{true};
};

// The connection's side: owns the capability; destroyed when the client drops its handle or
// its connection, which unregisters the backend.
class BackendRegistration final : public Registration, private kj::TaskSet::ErrorHandler {
 public:
  BackendRegistration(BackendDirectory& directory, api::BusinessBackend::Client backend,
                      std::shared_ptr<RemoteBackend> remote, kj::Function<void()> on_release);
  ~BackendRegistration() noexcept(false) override;

  // Loop thread.
  void lookup(const bot::BackendQuery& query, std::shared_ptr<LookupReply> reply);

 private:
  void taskFailed(kj::Exception&& exception) override;

  BackendDirectory& directory_;
  api::BusinessBackend::Client backend_;
  std::shared_ptr<RemoteBackend> remote_;
  kj::Function<void()> on_release_;
  std::uint64_t id_;
  std::size_t in_flight_ = 0;
  kj::TaskSet tasks_;  // last: cancelled before what the calls use
};

}  // namespace sb::rpc
