#include "benchmarks/memory/conversation_fill.hpp"

#include <algorithm>
#include <atomic>
#include <future>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <random>
#include <vector>

#include "runtime/load/question_mix.hpp"

namespace sb::bench {
namespace {

constexpr std::size_t kTexts = 4096;  // sampled once; customers pick from them in turn

// Customers stay with the bot: no agents are needed.
load::QuestionShares bot_only() {
  load::QuestionShares shares;
  shares.human_request = 0;
  return shares;
}

// Message `suffix` of web visitor "v<session>".
service::InboundMessage visitor_message(std::uint64_t session, const std::string& suffix,
                                        std::string text) {
  service::InboundMessage in;
  in.channel = Channel::web;
  in.channel_user_id = "v" + std::to_string(session);
  in.message_id = in.channel_user_id + "-" + suffix;
  in.text = std::move(text);
  return in;
}

// Shared by the callbacks (CAF worker threads) and the waiting thread; the callbacks hold it
// too, so the last one may finish after the waiting thread has returned.
struct Drive : std::enable_shared_from_this<Drive> {
  Drive(service::ServiceApi& a, ConversationFillOptions o) : api(a), options(o) {}
  service::ServiceApi& api;
  const ConversationFillOptions options;
  std::vector<std::string> texts;
  std::atomic<std::uint64_t> next_session{0};
  std::atomic<std::uint64_t> delivered{0};
  std::atomic<std::uint64_t> failed{0};
  std::mutex mutex;
  std::condition_variable all_done;
  std::uint64_t sessions_done = 0;  // guarded by mutex
  std::string first_error;          // guarded by mutex

  void start_next_session() {
    const auto session = next_session.fetch_add(1);
    if (session < options.conversations) {
      say(session, 1);
    }
  }

  void say(std::uint64_t session, int message) {
    auto in = visitor_message(session, std::to_string(message),
                              texts[(session * 7 + static_cast<std::uint64_t>(message)) % texts.size()]);
    api.deliver(std::move(in), [self = shared_from_this(), session, message](
                                   Expected<service::DeliverResult, service::ServiceError> r) {
      self->answered(session, message, r);
    });
  }

  void answered(std::uint64_t session, int message,
                const Expected<service::DeliverResult, service::ServiceError>& r) {
    if (r) {
      delivered.fetch_add(1, std::memory_order_relaxed);
    } else {
      failed.fetch_add(1, std::memory_order_relaxed);
      std::lock_guard lock(mutex);
      if (first_error.empty()) first_error = r.error().message;
    }
    if (message < options.messages) {
      say(session, message + 1);
      return;
    }
    {
      std::lock_guard lock(mutex);
      ++sessions_done;
    }
    all_done.notify_all();
    start_next_session();
  }
};

}  // namespace

ConversationFillResult fill_conversations(service::ServiceApi& api,
                                          const load::QuestionMix& questions,
                                          const ConversationFillOptions& options) {
  auto shared = std::make_shared<Drive>(api, options);
  Drive& drive = *shared;
  std::mt19937_64 rng(2026);
  for (std::size_t i = 0; i < kTexts; ++i) drive.texts.push_back(questions.sample(rng, bot_only()).text);

  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < options.in_flight; ++i) drive.start_next_session();
  std::uint64_t reported = 0;
  {
    std::unique_lock lock(drive.mutex);
    while (drive.sessions_done < options.conversations) {
      drive.all_done.wait_for(lock, std::chrono::seconds(1));
      if (options.progress && drive.sessions_done >= reported + options.conversations / 10) {
        reported = drive.sessions_done;
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::fprintf(stderr, "  %llu conversations in %.0f s\n",
                     static_cast<unsigned long long>(reported), s);
      }
    }
  }
  ConversationFillResult result;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.delivered = drive.delivered.load();
  result.failed = drive.failed.load();
  std::lock_guard lock(drive.mutex);
  result.first_error = drive.first_error;
  return result;
}

ResumeResult resume_conversations(service::ServiceApi& api, const load::QuestionMix& questions,
                                  const ConversationFillOptions& filled, std::uint64_t count) {
  ResumeResult result;
  load::LatencyRecorder latency;
  std::uint64_t answered = 0;
  std::mt19937_64 rng(11);
  const std::uint64_t step = std::max<std::uint64_t>(1, filled.conversations / std::max<std::uint64_t>(1, count));
  for (std::uint64_t session = 0; session < filled.conversations && answered + result.failed < count;
       session += step) {
    auto in = visitor_message(session, "resume", questions.sample(rng, bot_only()).text);
    std::promise<Expected<service::DeliverResult, service::ServiceError>> reply;
    auto future = reply.get_future();
    const auto start = std::chrono::steady_clock::now();
    api.deliver(std::move(in), [&reply](Expected<service::DeliverResult, service::ServiceError> r) {
      reply.set_value(std::move(r));
    });
    const auto r = future.get();
    const auto took = std::chrono::steady_clock::now() - start;
    std::string problem;
    if (!r) {
      problem = r.error().message;
    } else if (r->conversation_id != r->customer_id + "/c1") {
      problem = "customer " + r->customer_id + " came back to " + r->conversation_id + ", not its open conversation";
    }
    if (problem.empty()) {
      latency.record(took);
      ++answered;
    } else {
      ++result.failed;
      if (result.first_error.empty()) result.first_error = problem;
    }
  }
  result.latency = latency.summary();
  return result;
}

}  // namespace sb::bench
