#include "runtime/rpc/backend_registration.hpp"

#include <spdlog/spdlog.h>

#include "runtime/rpc/wire_backend.hpp"

namespace sb::rpc {
namespace {

bot::BackendResult unavailable(std::string detail) {
  return unexpected(bot::BackendError{bot::BackendErrorCode::unavailable, std::move(detail)});
}

}  // namespace

std::uint64_t BackendDirectory::add(BackendRegistration& registration) {
  const auto id = next_id_++;
  live_.emplace(id, &registration);
  return id;
}

BackendRegistration* BackendDirectory::find(std::uint64_t id) const {
  auto it = live_.find(id);
  return it == live_.end() ? nullptr : it->second;
}

LookupReply::~LookupReply() {
  answer(unavailable("the business backend's call ended without an answer"));
}

void LookupReply::answer(bot::BackendResult result) {
  if (answered_.exchange(true)) return;
  done_(std::move(result));
}

void RemoteBackend::lookup(bot::BackendQuery query, Done done) {
  auto reply = std::make_shared<LookupReply>(std::move(done));
  if (!open_.load(std::memory_order_acquire)) {
    return reply->answer(unavailable("the business backend's registration has ended"));
  }
  const bool posted =
      inbox_->post([directory = directory_, id = id_, query = std::move(query), reply]() mutable {
        if (auto* registration = directory->find(id)) {
          registration->lookup(query, std::move(reply));
        } else {
          reply->answer(unavailable("the business backend's registration has ended"));
        }
      });
  if (!posted) reply->answer(unavailable("the RPC loop is overloaded"));
}

BackendRegistration::BackendRegistration(BackendDirectory& directory,
                                         api::BusinessBackend::Client backend,
                                         std::shared_ptr<RemoteBackend> remote,
                                         kj::Function<void()> on_release)
    : directory_(directory),
      backend_(kj::mv(backend)),
      remote_(std::move(remote)),
      on_release_(kj::mv(on_release)),
      id_(directory.add(*this)),
      tasks_(*this) {
  remote_->set_id(id_);
}

BackendRegistration::~BackendRegistration() noexcept(false) {
  remote_->close();
  directory_.remove(id_);
  on_release_();
}

void BackendRegistration::lookup(const bot::BackendQuery& query,
                                 std::shared_ptr<LookupReply> reply) {
  if (in_flight_ >= kBackendLookupsInFlightMax) {
    return reply->answer(unavailable("too many lookups in flight at the business backend"));
  }
  ++in_flight_;
  auto request = backend_.lookupRequest();
  to_wire(request.initQuery(), query);
  tasks_.add(request.send().then(
      [this, reply, action = query.action](auto response) {
        --in_flight_;
        reply->answer(from_wire(response.getAnswer(), action));
      },
      [this, reply](kj::Exception&& exception) {
        --in_flight_;
        reply->answer(unavailable(exception.getDescription().cStr()));
      }));
}

void BackendRegistration::taskFailed(kj::Exception&& exception) {
  spdlog::warn("rpc: a business backend lookup failed: {}", exception.getDescription().cStr());
}

}  // namespace sb::rpc
