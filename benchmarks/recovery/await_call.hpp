#pragma once
// Waits for one ServiceApi call's callback (which runs on a CAF worker thread) from a plain
// thread, with a bound: a benchmark must not hang on a lost reply.

#include <chrono>
#include <future>
#include <memory>
#include <string>

#include "runtime/service/service_api.hpp"

namespace sb::bench {

template <class T, class Call>
Expected<T, service::ServiceError> await_call(
    Call call, std::chrono::seconds limit = std::chrono::seconds(60)) {
  auto promise = std::make_shared<std::promise<Expected<T, service::ServiceError>>>();
  auto future = promise->get_future();
  call([promise](Expected<T, service::ServiceError> outcome) {
    promise->set_value(std::move(outcome));
  });
  if (future.wait_for(limit) != std::future_status::ready) {
    return unexpected(
        service::ServiceError{service::ErrorCode::unavailable,
                              "no answer within " + std::to_string(limit.count()) + " s",
                              {}});
  }
  return future.get();
}

}  // namespace sb::bench
