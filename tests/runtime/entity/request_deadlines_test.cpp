// RequestDeadlines: requests watched without a CAF timeout end with CAF's own timeout error when
// their deadline passes, and not at all once answered.

#include "runtime/entity/request_deadlines.hpp"

#include <chrono>
#include <future>
#include <memory>

#include <caf/all.hpp>
#include <gtest/gtest.h>

#include "runtime/messages.hpp"

namespace sb::runtime {
namespace {

using namespace std::chrono_literals;

// Answers `get` at once; keeps every `stop` request's promise and never answers it.
caf::behavior responder(caf::event_based_actor* self) {
  auto kept = std::make_shared<std::vector<caf::response_promise>>();
  return {
      [](get_atom) { return 7; },
      [self, kept](stop_atom) {
        kept->push_back(self->make_response_promise());
        return caf::delegated<void>();
      },
  };
}

// Asks `target` one question through `deadlines` and reports how it ended.
template <class Atom>
std::future<std::string> ask(caf::actor_system& system, RequestDeadlines* deadlines,
                             caf::actor target, std::chrono::milliseconds timeout) {
  auto outcome = std::make_shared<std::promise<std::string>>();
  auto future = outcome->get_future();
  system.spawn([=](caf::event_based_actor* self) {
    watched_request(self, deadlines, target, timeout, Atom::value)
        .then([outcome](int value) { outcome->set_value("value " + std::to_string(value)); },
              [outcome](caf::error& error) { outcome->set_value(caf::to_string(error)); });
  });
  return future;
}

TEST(RequestDeadlinesTest, AnUnansweredRequestEndsWithCafsTimeoutError) {
  caf::actor_system_config config;
  caf::actor_system system{config};
  auto deadlines = std::make_shared<RequestDeadlines>();
  auto sweeper = spawn_deadline_sweeper(system, deadlines, 10ms);
  auto target = system.spawn(responder);

  auto outcome = ask<stop_atom>(system, deadlines.get(), target, 50ms);
  ASSERT_EQ(outcome.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(outcome.get(), caf::to_string(caf::make_error(caf::sec::request_timeout)));
  EXPECT_EQ(deadlines->watched(), 0u);
  caf::anon_send_exit(sweeper, caf::exit_reason::user_shutdown);
  caf::anon_send_exit(target, caf::exit_reason::user_shutdown);
}

TEST(RequestDeadlinesTest, AnAnsweredRequestLeavesNothingToExpire) {
  caf::actor_system_config config;
  caf::actor_system system{config};
  auto deadlines = std::make_shared<RequestDeadlines>();
  auto target = system.spawn(responder);

  auto outcome = ask<get_atom>(system, deadlines.get(), target, 50ms);
  ASSERT_EQ(outcome.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(outcome.get(), "value 7");
  EXPECT_EQ(deadlines->watched(), 0u);
  EXPECT_EQ(deadlines->expire(RequestDeadlines::Clock::now() + 1h), 0u);
  caf::anon_send_exit(target, caf::exit_reason::user_shutdown);
}

TEST(RequestDeadlinesTest, WithoutDeadlinesCafKeepsTheTimeout) {
  caf::actor_system_config config;
  caf::actor_system system{config};
  auto target = system.spawn(responder);

  auto outcome = ask<stop_atom>(system, nullptr, target, 50ms);
  ASSERT_EQ(outcome.wait_for(5s), std::future_status::ready);
  EXPECT_EQ(outcome.get(), caf::to_string(caf::make_error(caf::sec::request_timeout)));
  caf::anon_send_exit(target, caf::exit_reason::user_shutdown);
}

TEST(RequestDeadlinesTest, OnlyDueRequestsExpire) {
  caf::actor_system_config config;
  caf::actor_system system{config};
  RequestDeadlines deadlines;
  auto target = system.spawn(responder);
  const auto now = RequestDeadlines::Clock::now();
  // Watched directly: no reply handler is waiting, so the timeouts sent are simply dropped.
  auto* block = caf::actor_cast<caf::actor_control_block*>(target);
  deadlines.watch(block, caf::make_message_id().response_id(), now + 1s);
  const auto later = deadlines.watch(block, caf::make_message_id().response_id(), now + 1h);
  EXPECT_EQ(deadlines.expire(now), 0u);
  EXPECT_EQ(deadlines.expire(now + 2s), 1u);
  EXPECT_EQ(deadlines.watched(), 1u);
  deadlines.done(later);
  EXPECT_EQ(deadlines.watched(), 0u);
  caf::anon_send_exit(target, caf::exit_reason::user_shutdown);
}

}  // namespace
}  // namespace sb::runtime
