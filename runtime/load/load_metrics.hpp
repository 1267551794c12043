#pragma once
// What a load run measures, shared by the senders (RPC callers), the channel sinks and the agent
// desks. Every latency starts at the message's INTENDED send time:
//   deliver -> durable ack        the deliver (or batch) call returned a result for it
//   deliver -> bot reply on sink  the bot's reply ("<message id>/bot") reached the channel sink;
//                                 also split by the visit's first message (a new customer
//                                 registers, a conversation starts) and its later ones
//   deliver -> agent offer        a message that handed off, until an agent desk got the offer
// Thread-safe throughout.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "runtime/load/latency_recorder.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::load {

using Clock = std::chrono::steady_clock;

struct Counters {
  std::atomic<std::uint64_t> sent{0};
  std::atomic<std::uint64_t> calls{0};  // deliver or deliverBatch calls
  std::atomic<std::uint64_t> acked{0};
  std::atomic<std::uint64_t> errors{0};
  std::atomic<std::uint64_t> duplicates{0};
  std::atomic<std::uint64_t> bot_answered{0};  // acks that carried a bot reply
  std::atomic<std::uint64_t> bot_replies_seen{0};
  std::atomic<std::uint64_t> agent_replies_seen{0};
  std::atomic<std::uint64_t> queue_updates_seen{0};
  std::atomic<std::uint64_t> other_outbound_seen{0};
  std::atomic<std::uint64_t> handoffs{0};  // conversations that went to a person
  std::atomic<std::uint64_t> offers{0};
  std::atomic<std::uint64_t> generator_dropped{0};  // the generator's own queue was full
};

class LoadMetrics {
 public:
  // Before sending: a bot reply for `message_id` may come on the sink (even before the ack).
  // `first_of_visit`: the visit's first message (the workload's session), not a follow-up.
  void expect_bot_reply(const std::string& message_id, Clock::time_point intended,
                        bool first_of_visit);
  void on_ack(const std::string& message_id, Clock::time_point intended,
              const service::DeliverResult& result, Clock::time_point now);
  void on_error(const std::string& message_id, const service::ServiceError& error);
  void on_outbound(const service::OutboundMessage& message, Clock::time_point now);
  // The first offer of a conversation to any agent.
  void on_offer(const std::string& conversation_id, Clock::time_point now);
  void on_schedule_lag(std::chrono::nanoseconds lag) { schedule_lag.record(lag); }

  std::size_t bot_replies_pending() const;
  std::size_t handoffs_unoffered() const;
  std::map<std::string, std::uint64_t> errors_by_code() const;

  Counters counters;
  LatencyRecorder ack;
  LatencyRecorder bot_reply;
  LatencyRecorder bot_reply_first;     // the visit's first message
  LatencyRecorder bot_reply_follow_up;  // its later messages
  LatencyRecorder offer;
  LatencyRecorder schedule_lag;  // actual send - intended: > 0 when the generator fell behind

 private:
  mutable std::mutex mutex_;
  struct PendingBotReply {
    Clock::time_point intended;
    bool first_of_visit = false;
  };
  std::unordered_map<std::string, PendingBotReply> pending_bot_;      // by message id
  std::unordered_map<std::string, Clock::time_point> pending_offer_;  // conversation -> intended
  std::unordered_map<std::string, Clock::time_point> early_offer_;    // conversation -> offered
  std::unordered_set<std::string> handed_off_;
  std::unordered_set<std::string> offered_;
  std::map<std::string, std::uint64_t> errors_;
};

}  // namespace sb::load
