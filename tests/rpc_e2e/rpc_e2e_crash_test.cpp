// Crash safety end to end: the real `switchboard` binary is SIGKILLed at random moments while
// customers deliver messages through clients that reconnect and retry with the same message id.
// Afterwards every acknowledged message is in its conversation exactly once: an acknowledgement
// means durable, and a retry of something that was already durable is answered, not redone.

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <stop_token>

#include "tests/rpc_e2e/e2e_fixture.hpp"
#include "tests/rpc_e2e/server_process.hpp"

namespace sb::e2e {
namespace {

constexpr int kCustomers = 6;
constexpr int kMessagesPerCustomer = 10;
constexpr int kTotal = kCustomers * kMessagesPerCustomer;
constexpr int kKills = 3;
// A bound on the whole test; a healthy run takes a few seconds.
constexpr auto kDeadline = std::chrono::seconds(120);
constexpr auto kRetryPause = std::chrono::milliseconds(10);
constexpr char kAuditorToken[] = "e2e-auditor-token";

std::string message_id(int customer, int n) {
  return "crash-" + std::to_string(customer) + "-" + std::to_string(n);
}
std::string user_of(int customer) { return "crash-user-" + std::to_string(customer); }
std::string message_text(int customer, int n) {
  return "crash test message " + std::to_string(customer) + " " + std::to_string(n);
}

// What the customers were told, shared with the test thread.
class Acks {
 public:
  void add(int customer, const service::DeliverResult& result) {
    std::lock_guard lock(mutex_);
    conversations_[customer].insert(result.conversation_id);
    ++count_;
    duplicates_ += result.duplicate;
    changed_.notify_all();
  }
  void fail(std::string what) {
    std::lock_guard lock(mutex_);
    failures_.push_back(std::move(what));
    changed_.notify_all();
  }
  void attempt_failed() { failed_attempts_.fetch_add(1); }

  // True once `n` messages are acknowledged, false at the deadline or after a failure.
  bool wait_for(int n, std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    return changed_.wait_until(lock, deadline, [&] { return count_ >= n || !failures_.empty(); }) &&
           failures_.empty();
  }
  int count() {
    std::lock_guard lock(mutex_);
    return count_;
  }
  std::vector<std::string> failures() {
    std::lock_guard lock(mutex_);
    return failures_;
  }
  std::set<std::string> conversations_of(int customer) {
    std::lock_guard lock(mutex_);
    return conversations_[customer];
  }
  int failed_attempts() const { return failed_attempts_.load(); }
  // Acknowledged only on a retry: the first attempt was made durable, then its answer was lost.
  int duplicates() {
    std::lock_guard lock(mutex_);
    return duplicates_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int count_ = 0;
  int duplicates_ = 0;
  std::map<int, std::set<std::string>> conversations_;
  std::vector<std::string> failures_;
  std::atomic<int> failed_attempts_{0};
};

bool worth_retrying(service::ErrorCode code) {
  // The outcome is unknown (the server died or is starting): the same message id makes it safe.
  return code == service::ErrorCode::unavailable || code == service::ErrorCode::overloaded;
}

// One customer's channel connection that outlives server restarts: on an infrastructure failure
// it drops the connection, reconnects to wherever the server listens now and retries.
class RetryingChannel {
 public:
  RetryingChannel(const ServerProcess& server, Acks& acks) : server_(server), acks_(acks) {}

  rpc::Outcome<service::DeliverResult> deliver(const service::InboundMessage& message,
                                               std::stop_token stop,
                                               std::chrono::steady_clock::time_point deadline) {
    while (!stop.stop_requested() && std::chrono::steady_clock::now() < deadline) {
      if (connected()) {
        auto result = client_->deliver(message);
        if (result || !worth_retrying(result.error().code)) return result;
        client_.reset();
      }
      acks_.attempt_failed();
      std::this_thread::sleep_for(kRetryPause);
    }
    return unexpected(service::ServiceError{service::ErrorCode::unavailable, "gave up", {}});
  }

 private:
  bool connected() {
    if (client_) return true;
    auto client = rpc::Client::connect({.port = server_.port(), .call_timeout = kWait});
    if (!client) return false;
    if (!(*client)->authenticate(kChannelToken)) return false;
    client_ = std::move(*client);
    return true;
  }

  const ServerProcess& server_;
  Acks& acks_;
  std::unique_ptr<rpc::Client> client_;
};

void run_customer(int customer, const ServerProcess& server, Acks& acks, std::stop_token stop,
                  std::chrono::steady_clock::time_point deadline) {
  RetryingChannel channel(server, acks);
  for (int n = 0; n < kMessagesPerCustomer; ++n) {
    auto result = channel.deliver(inbound(Channel::web, user_of(customer), message_id(customer, n),
                                          message_text(customer, n)),
                                  stop, deadline);
    if (!result) return acks.fail(message_id(customer, n) + ": " + result.error().message);
    acks.add(customer, *result);
  }
}

bool on_timeline(rpc::Client& auditor, const std::string& user,
                 const std::string& conversation_id) {
  auto timeline = auditor.customer_timeline("web:" + user);
  return timeline &&
         std::any_of(timeline->begin(), timeline->end(), [&](const service::TimelineEntry& entry) {
           return entry.id == conversation_id;
         });
}

unsigned test_seed() {
  if (const char* fixed = std::getenv("SB_E2E_SEED"))
    return static_cast<unsigned>(std::atoi(fixed));
  return std::random_device{}();
}

// At which acknowledgement counts to kill, and how long after (a few ms, to land mid-call).
struct KillPlan {
  std::vector<int> after_acks;
  std::vector<std::chrono::microseconds> delays;
};

KillPlan plan_kills(unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> acks(5, kTotal - 15);
  std::uniform_int_distribution<int> delay_us(0, 5000);
  KillPlan plan;
  for (int i = 0; i < kKills; ++i) {
    plan.after_acks.push_back(acks(random));
    plan.delays.emplace_back(delay_us(random));
  }
  std::sort(plan.after_acks.begin(), plan.after_acks.end());
  return plan;
}

class RpcE2eCrash : public ::testing::Test {
 protected:
  ServerProcessOptions options() const {
    return {SB_SWITCHBOARD_BIN,
            dir_.path().string(),
            dir_.str("db"),
            dir_.str("switchboard.log"),
            {"channel::" + rpc::sha256_hex(kChannelToken),
             "agent:auditor:" + rpc::sha256_hex(kAuditorToken)},
            {"--bot.knowledge-base=" + shipped_bot_files().knowledge_base,
             "--bot.sample-orders=" + shipped_bot_files().sample_orders}};
  }

  sb::testing::TempDir dir_;
};

TEST_F(RpcE2eCrash, EveryAcknowledgedMessageIsKeptExactlyOnceAcrossKills) {
  const unsigned seed = test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed) + " (rerun with SB_E2E_SEED)");
  RecordProperty("seed", std::to_string(seed));
  const auto plan = plan_kills(seed);
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;

  ServerProcess server(options());
  auto started = server.start();
  ASSERT_TRUE(started) << started.error();

  Acks acks;
  std::string killed_at;  // acknowledgements when each kill happened
  {
    // Declared after `server`: on an early return the customers stop and join before it dies.
    std::vector<std::jthread> customers;
    for (int customer = 0; customer < kCustomers; ++customer) {
      customers.emplace_back([&, customer](std::stop_token stop) {
        run_customer(customer, server, acks, stop, deadline);
      });
    }
    for (std::size_t round = 0; round < plan.after_acks.size(); ++round) {
      ASSERT_TRUE(acks.wait_for(plan.after_acks[round], deadline))
          << "stuck at " << acks.count() << " acknowledgements";
      std::this_thread::sleep_for(plan.delays[round]);
      killed_at += " " + std::to_string(acks.count());
      server.kill();
      auto restarted = server.start();
      ASSERT_TRUE(restarted) << restarted.error();
    }
    ASSERT_TRUE(acks.wait_for(kTotal, deadline))
        << acks.count() << " of " << kTotal << " acknowledged; log:\n"
        << server.log_tail();
  }
  ASSERT_TRUE(acks.failures().empty()) << acks.failures().front();
  RecordProperty("killed_at_acks", killed_at);
  std::cout << "[ seed " << seed << ": killed at acknowledgements" << killed_at << "; "
            << acks.failed_attempts() << " failed attempts, " << acks.duplicates()
            << " acknowledged as duplicates ]\n";

  auto auditor = rpc::Client::connect({.port = server.port(), .call_timeout = kWait});
  ASSERT_TRUE(auditor) << auditor.error();
  ASSERT_TRUE((*auditor)->authenticate(kAuditorToken));
  for (int customer = 0; customer < kCustomers; ++customer) {
    std::vector<service::ConversationView> views;
    for (const auto& id : acks.conversations_of(customer)) {
      auto view = (*auditor)->conversation(id);
      ASSERT_TRUE(view) << id << ": " << view.error().message;
      views.push_back(*view);
    }
    std::size_t customer_lines = 0;
    for (const auto& view : views) {
      for (const auto& line : view.transcript) customer_lines += line.author == "customer";
    }
    EXPECT_EQ(customer_lines, static_cast<std::size_t>(kMessagesPerCustomer))
        << "customer " << customer;
    // The customer's timeline names each of its conversations (an offer shows an agent this).
    // Reading a conversation above recovered it, and recovery repairs an entry a kill lost: that
    // repair is an effect, so wait for it.
    for (const auto& id : acks.conversations_of(customer)) {
      EXPECT_TRUE(wait_until([&] { return on_timeline(**auditor, user_of(customer), id); }))
          << id << " is missing from its customer's timeline";
    }
    for (int n = 0; n < kMessagesPerCustomer; ++n) {
      std::size_t seen = 0;
      for (const auto& view : views)
        seen += count_lines(view, "customer", message_text(customer, n));
      EXPECT_EQ(seen, 1u) << message_id(customer, n);
    }
  }
}

}  // namespace
}  // namespace sb::e2e
