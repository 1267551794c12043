#pragma once
// The simulated customers: who says what, on which channel, and when they say it again. A
// session is one visit of a customer (1 turn, or 2..kTurnsMax when multi-turn); its next turn is
// ready a customer think time after the server answered the previous one. Returning customers
// come back in a new session, sometimes on another channel, with the same shop account so the
// server keeps one history. Thread-safe: senders and the scheduler share one Workload.

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <queue>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/load/load_options.hpp"
#include "runtime/load/question_mix.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::load {

using Clock = std::chrono::steady_clock;

struct PlannedMessage {
  service::InboundMessage message;
  std::uint64_t session = 0;
  QuestionKind kind = QuestionKind::knowledge_base;
  std::string label;
  bool follow_up = false;
};

struct WorkloadCounts {
  std::uint64_t sessions = 0;
  std::uint64_t returning_sessions = 0;
  std::uint64_t channel_switches = 0;  // returning customers on another channel than last time
  std::uint64_t follow_ups = 0;
  std::map<std::string, std::uint64_t> by_kind;
  std::map<std::string, std::uint64_t> by_label;
  std::map<std::string, std::uint64_t> by_channel;
};

// Customers kept for coming back; older ones are forgotten (bounded memory on long runs).
inline constexpr std::size_t kReturningPoolMax = 10'000;

// Multi-turn sessions whose last turn is a "thanks, bye" rather than another question.
inline constexpr double kClosingLineShare = 0.3;

class Workload {
 public:
  Workload(const LoadOptions& options, const QuestionMix& questions, std::string run_id);

  // The message to send at `now`: the earliest follow-up that is ready (on `channel` when given),
  // else the first message of a new session.
  PlannedMessage next(Clock::time_point now, std::optional<Channel> channel = std::nullopt);
  // The server acknowledged a message of `session`: schedules its next turn or ends the session
  // (last turn, handed off to a person).
  void answered(std::uint64_t session, Clock::time_point now, bool handed_off);
  // A send failed: the customer gives up on this session.
  void failed(std::uint64_t session);

  WorkloadCounts counts() const;

 private:
  struct Customer {
    std::uint64_t number = 0;
    Channel last_channel = Channel::web;
    bool logged_in = true;  // sends its shop account with every message
  };
  struct Session {
    Customer customer;
    Channel channel = Channel::web;
    int turns_left = 0;
    bool zh = true;
  };
  using Ready = std::pair<Clock::time_point, std::uint64_t>;  // ready at, session
  using ReadyQueue = std::priority_queue<Ready, std::vector<Ready>, std::greater<>>;

  std::optional<std::uint64_t> ready_follow_up(Clock::time_point now,
                                               std::optional<Channel> channel);
  PlannedMessage first_turn(std::optional<Channel> channel);
  PlannedMessage follow_up(std::uint64_t session_id);
  PlannedMessage message_of(const Session& session, const Question& question, bool follow_up,
                            std::uint64_t session_id);
  Channel pick_channel();
  void end(std::uint64_t session_id);

  LoadOptions options_;
  const QuestionMix& questions_;
  std::string run_id_;
  mutable std::mutex mutex_;
  std::mt19937_64 rng_;
  std::vector<Channel> channels_;
  std::discrete_distribution<std::size_t> channel_pick_;
  std::uint64_t next_customer_ = 0;
  std::uint64_t next_session_ = 0;
  std::uint64_t next_message_ = 0;
  std::unordered_map<std::uint64_t, Session> sessions_;
  std::map<Channel, ReadyQueue> ready_;
  std::vector<Customer> returning_;
  std::size_t returning_cursor_ = 0;  // the ring's next slot once full
  WorkloadCounts counts_;
};

}  // namespace sb::load
