// The quality monitor's supervisor: a monitor that stops with an error (as after a failed
// append) is started again after a pause; a drain reaches the current monitor and then ends both;
// an exit sent to the supervisor ends its monitor too. Fake monitors stand in for the real one,
// whose recovery after a restart is covered by the quality monitor's own tests.

#include "runtime/reporting/quality_supervisor.hpp"

#include <atomic>
#include <thread>

#include <caf/all.hpp>
#include <gtest/gtest.h>

#include "actors/quality/quality_monitor_actor.hpp"

namespace sb::reporting {
namespace {

constexpr auto kWait = std::chrono::seconds(10);

class QualitySupervisorTest : public ::testing::Test {
 protected:
  caf::actor_system_config config_;
  caf::actor_system system_{config_};
  std::atomic<int> spawned_{0};
};

// Stops with an error at once, as the real monitor does after a failed append.
caf::behavior failing_monitor(caf::event_based_actor* self) {
  self->quit(caf::sec::runtime_error);
  return {[](quality::quality_drain_atom) { return std::uint64_t{0}; }};
}

// Answers a drain with 42 and ends, as the real one does once the feed is checked.
caf::behavior draining_monitor(caf::event_based_actor* self) {
  return {[self](quality::quality_drain_atom) {
    self->quit();
    return std::uint64_t{42};
  }};
}

bool wait_until(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + kWait;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

TEST_F(QualitySupervisorTest, AMonitorThatFailsIsStartedAgainAndDrainsReachTheNewOne) {
  auto supervisor = spawn_quality_supervisor(
      system_,
      [this] {
        return ++spawned_ == 1 ? system_.spawn(failing_monitor) : system_.spawn(draining_monitor);
      },
      QualitySupervisorOptions{std::chrono::milliseconds(10), std::chrono::milliseconds(100)});
  ASSERT_TRUE(wait_until([this] { return spawned_.load() == 2; }));

  caf::scoped_actor self{system_};
  self->monitor(supervisor);
  std::uint64_t drained = 0;
  self->request(supervisor, kWait, quality::quality_drain_atom::value)
      .receive([&](std::uint64_t position) { drained = position; },
               [&](caf::error& error) { ADD_FAILURE() << caf::to_string(error); });
  EXPECT_EQ(drained, 42u);
  bool supervisor_ended = false;
  self->receive(
      [&](caf::down_msg& down) { supervisor_ended = down.source == supervisor.address(); },
      caf::after(kWait) >> [] {});
  EXPECT_TRUE(supervisor_ended) << "the supervisor outlived its drained monitor";
  EXPECT_EQ(spawned_.load(), 2);
}

TEST_F(QualitySupervisorTest, AnExitToTheSupervisorEndsItsMonitor) {
  caf::actor monitor;
  std::mutex mutex;
  auto supervisor = spawn_quality_supervisor(system_, [&] {
    std::lock_guard lock(mutex);
    monitor = system_.spawn(draining_monitor);
    return monitor;
  });
  ASSERT_TRUE(wait_until([&] {
    std::lock_guard lock(mutex);
    return monitor != nullptr;
  }));
  caf::scoped_actor self{system_};
  {
    std::lock_guard lock(mutex);
    self->monitor(monitor);
  }
  caf::anon_send_exit(supervisor, caf::exit_reason::user_shutdown);
  bool monitor_ended = false;
  self->receive([&](caf::down_msg&) { monitor_ended = true; }, caf::after(kWait) >> [] {});
  EXPECT_TRUE(monitor_ended);
}

}  // namespace
}  // namespace sb::reporting
