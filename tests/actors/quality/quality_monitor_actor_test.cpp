// The quality monitor over a journal, in a real actor system: every violation in a history of
// conversations is recorded exactly once — whether the monitor runs through uninterrupted, is
// stopped and restarted in the middle, loses the acknowledgement of a write that did land, or
// gives up on a write that lands later.

#include "actors/quality/quality_monitor_actor.hpp"

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <caf/all.hpp>
#include <gtest/gtest.h>

#include "actors/conversation/conversation_codec.hpp"
#include "actors/quality/quality_codec.hpp"
#include "runtime/journal/journal_actor.hpp"
#include "runtime/journal/memory_journal.hpp"
#include "runtime/messages.hpp"

namespace sb::quality {
namespace {

using namespace std::chrono_literals;

const Timestamp T0 = from_unix_ms(1'793'750'400'000);
constexpr int kConversations = 120;
constexpr std::size_t kEventsPerConversation = 8;

// Conversation n: a handoff to an agent, two replies, resolved. Its first reply is clean (n%4 0),
// rude and without greeting (1), leaks a card number (2) or breaks the payment policy (3); every
// fifth customer waits 10 minutes for it; the last reply has a closing only when n is odd.
std::vector<conversation::Event> conversation_script(int n) {
  using namespace conversation;
  static const std::vector<std::string> first_replies = {
      "您好，请问有什么可以帮您？", "你是不是傻，自己看订单",
      "您好，请把卡号 4111 1111 1111 1111 发我",
      "Hello, add my personal wechat and pay me directly"};
  const Timestamp t = T0 + std::chrono::minutes(n);
  const std::string agent = "a-" + std::to_string(n % 3);
  const Timestamp first_at = n % 5 == 4 ? t + 10min : t + 30s;
  return {Opened{"cust-" + std::to_string(n), Channel::web, t},
          MessageReceived{"m1", Channel::web, "我的订单到哪了", t + 1s},
          HandoffRequested{
              Initiator::customer, {HandoffReason::customer_asked}, "", {}, {}, "", t + 2s},
          Assigned{agent, {}, t + 3s},
          AgentReplied{agent, "r1", first_replies[n % 4], first_at},
          MessageReceived{"m2", Channel::web, "好的", first_at + 10s},
          AgentReplied{agent, "r2", n % 2 == 1 ? "已处理，还有什么可以帮您？" : "已处理",
                       first_at + 40s},
          Resolved{agent, first_at + 50s}};
}

// Appends the conversations' events interleaved (event 1 of each, then event 2 of each ...), so
// the monitor meets conversations in the middle of their histories; returns the last seq.
std::uint64_t write_history(runtime::Journal& journal) {
  for (std::size_t round = 0; round < kEventsPerConversation; ++round) {
    for (int n = 0; n < kConversations; ++n) {
      runtime::AppendRequest request;
      request.key = {EntityKind::conversation, "c-" + std::to_string(n)};
      request.expected_version = round;
      request.events.push_back(
          runtime::EventRecord{round + 1, to_unix_ms(T0), "", "", "",
                               conversation::Codec::encode_event(conversation_script(n)[round])});
      auto results = journal.append(std::vector<runtime::AppendRequest>{request}, false);
      EXPECT_TRUE(results.at(0)) << results.at(0).error().message;
    }
  }
  return journal.last_seq();
}

std::vector<ViolationDetected> recorded_violations(runtime::Journal& journal) {
  std::vector<ViolationDetected> out;
  auto feed = journal.read_feed(0, 1'000'000);
  EXPECT_TRUE(feed);
  for (const auto& entry : *feed) {
    if (entry.key.kind != EntityKind::quality_monitor) continue;
    auto event = Codec::decode_event(entry.event.payload);
    EXPECT_TRUE(event) << event.error();
    if (const auto* v = std::get_if<ViolationDetected>(&*event)) out.push_back(*v);
  }
  return out;
}

// Every call goes to `inner`; tests override what they need to disturb.
class ForwardingJournal : public runtime::Journal {
 public:
  explicit ForwardingJournal(std::shared_ptr<runtime::Journal> inner) : inner_(std::move(inner)) {}
  std::vector<runtime::AppendResult> append(std::span<const runtime::AppendRequest> requests,
                                            bool sync) override {
    return inner_->append(requests, sync);
  }
  Expected<runtime::Recovery, runtime::JournalError> recover(
      const runtime::EntityKey& key) override {
    return inner_->recover(key);
  }
  bool surely_new(const runtime::EntityKey& key) override { return inner_->surely_new(key); }
  Expected<std::vector<runtime::EventRecord>, runtime::JournalError> read(
      const runtime::EntityKey& key, std::uint64_t after, std::uint64_t up_to) override {
    return inner_->read(key, after, up_to);
  }
  Expected<void, runtime::JournalError> save_snapshot(
      const runtime::EntityKey& key, const runtime::SnapshotRecord& snapshot) override {
    return inner_->save_snapshot(key, snapshot);
  }
  Expected<std::vector<runtime::FeedEntry>, runtime::JournalError> read_feed(
      std::uint64_t after_seq, std::size_t max_entries) override {
    return inner_->read_feed(after_seq, max_entries);
  }
  Expected<std::vector<runtime::WakeEntry>, runtime::JournalError> read_wake_index(
      std::int64_t due_before_ms, std::size_t max_entries) override {
    return inner_->read_wake_index(due_before_ms, max_entries);
  }
  Expected<void, runtime::JournalError> sync() override { return inner_->sync(); }
  std::uint64_t last_seq() const override { return inner_->last_seq(); }

 protected:
  std::shared_ptr<runtime::Journal> inner_;
};

// Shows the feed only up to a seq: a monitor over it stops in the middle of the history.
class FeedPrefix final : public ForwardingJournal {
 public:
  FeedPrefix(std::shared_ptr<runtime::Journal> inner, std::uint64_t last_visible)
      : ForwardingJournal(std::move(inner)), last_visible_(last_visible) {}
  Expected<std::vector<runtime::FeedEntry>, runtime::JournalError> read_feed(
      std::uint64_t after_seq, std::size_t max_entries) override {
    auto entries = inner_->read_feed(after_seq, max_entries);
    if (entries) std::erase_if(*entries, [&](const auto& e) { return e.seq > last_visible_; });
    return entries;
  }

 private:
  std::uint64_t last_visible_;
};

// Writes the monitor's first append, then reports an I/O error: the outcome looks unknown.
class LosesFirstMonitorAck final : public ForwardingJournal {
 public:
  using ForwardingJournal::ForwardingJournal;
  std::vector<runtime::AppendResult> append(std::span<const runtime::AppendRequest> requests,
                                            bool sync) override {
    auto results = inner_->append(requests, sync);
    for (std::size_t i = 0; i < requests.size(); ++i) {
      if (requests[i].key.kind != EntityKind::quality_monitor || lost_) continue;
      lost_ = true;
      results[i] =
          unexpected(runtime::JournalError{runtime::JournalErrc::io_error, "the disk went away"});
    }
    return results;
  }
  bool lost() const { return lost_; }

 private:
  bool lost_ = false;  // only the writer's thread appends
};

// Holds the monitor's second append (on the writer's thread) until released.
class HoldsSecondMonitorAppend final : public ForwardingJournal {
 public:
  using ForwardingJournal::ForwardingJournal;
  std::vector<runtime::AppendResult> append(std::span<const runtime::AppendRequest> requests,
                                            bool sync) override {
    for (const auto& request : requests) {
      if (request.key.kind == EntityKind::quality_monitor && ++monitor_appends_ == 2) {
        std::unique_lock lock(mutex_);
        holding_ = true;
        released_.wait(lock, [&] { return open_; });
      }
    }
    return inner_->append(requests, sync);
  }
  bool holding() {
    std::lock_guard lock(mutex_);
    return holding_;
  }
  void release() {
    std::lock_guard lock(mutex_);
    open_ = true;
    released_.notify_all();
  }

 private:
  int monitor_appends_ = 0;  // only the writer's thread appends
  std::mutex mutex_;
  std::condition_variable released_;
  bool holding_ = false;
  bool open_ = false;
};

class QualityMonitorActorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.set("scheduler.max-threads", 2);
    system_ = std::make_unique<caf::actor_system>(config_);
    history_last_seq_ = write_history(*memory_);
  }
  void TearDown() override {
    for (auto& actors : journal_actors_) {
      caf::scoped_actor self{*system_};
      self->request(actors.writer, 10s, runtime::stop_atom::value)
          .receive([] {}, [](caf::error&) {});
      self->send_exit(actors.reader, caf::exit_reason::user_shutdown);
    }
    journal_actors_.clear();  // a detached actor's thread ends only when no handle is left
    system_.reset();
  }

  // A monitor over `journal` (the memory journal, or a view of it), with its own journal actors.
  caf::actor start_monitor(std::shared_ptr<runtime::Journal> journal,
                           std::chrono::milliseconds append_timeout = 10s) {
    journal_actors_.push_back(
        runtime::spawn_journal_actors(*system_, journal, {}, 1, /*detached=*/true));
    runtime::EntityContext context{
        journal_actors_.back().writer, journal_actors_.back().reader, {}, {}};
    context.options.append_timeout = append_timeout;
    auto rules = load_quality_config(std::string(SB_SOURCE_DIR) + "/config/quality/rules.json");
    EXPECT_TRUE(rules) << rules.error();
    QualityMonitorOptions options;
    options.poll_interval = 5ms;
    options.page_entries = 64;
    return spawn_quality_monitor(*system_, std::move(journal), context, QualityRules{*rules, {}},
                                 options);
  }

  std::uint64_t drain(const caf::actor& monitor) {
    caf::scoped_actor self{*system_};
    std::uint64_t position = 0;
    self->request(monitor, 20s, quality_drain_atom::value)
        .receive([&](std::uint64_t p) { position = p; },
                 [&](caf::error& error) { ADD_FAILURE() << "drain: " << system_->render(error); });
    return position;
  }

  void wait_until_stopped(const caf::actor& monitor) {
    caf::scoped_actor self{*system_};
    self->monitor(monitor);
    self->receive([](const caf::down_msg&) {},
                  caf::after(20s) >> [] { ADD_FAILURE() << "the monitor did not stop"; });
  }

  bool eventually(const std::function<bool()>& done) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(1ms);
    }
    return true;
  }

  // The violations of an uninterrupted run over the same history.
  std::vector<ViolationDetected> uninterrupted() {
    auto journal = std::make_shared<runtime::MemoryJournal>();
    write_history(*journal);
    const auto position = drain(start_monitor(journal));
    EXPECT_EQ(position, journal->last_seq());
    return recorded_violations(*journal);
  }

  caf::actor_system_config config_;
  std::unique_ptr<caf::actor_system> system_;
  std::vector<runtime::JournalActors> journal_actors_;
  std::shared_ptr<runtime::MemoryJournal> memory_ = std::make_shared<runtime::MemoryJournal>();
  std::uint64_t history_last_seq_ = 0;
};

TEST_F(QualityMonitorActorTest, AnUninterruptedRunRecordsEachViolationOnce) {
  const auto position = drain(start_monitor(memory_));
  EXPECT_EQ(position, memory_->last_seq()) << "checked through its own records too";
  std::map<Rule, int> counts;
  std::map<std::string, int> per_reply;
  for (const auto& v : recorded_violations(*memory_)) {
    ++counts[v.rule];
    EXPECT_LE(v.source_seq, history_last_seq_);
    EXPECT_FALSE(v.evidence_truncated);
    EXPECT_EQ(v.evidence.find("4111 1111 1111 1111"), std::string::npos) << "never a card in full";
    ++per_reply[v.conversation_id + "/" + std::to_string(v.source_version) + "/" +
                std::string(to_string(v.rule))];
  }
  for (const auto& [reply, n] : per_reply)
    EXPECT_EQ(n, 1) << reply << " recorded " << n << " times";
  const int quarter = kConversations / 4;
  EXPECT_EQ(counts[Rule::rudeness], quarter);
  EXPECT_EQ(counts[Rule::missing_greeting], quarter);
  EXPECT_EQ(counts[Rule::card_number], quarter);
  EXPECT_EQ(counts[Rule::forbidden_phrase], quarter);
  EXPECT_EQ(counts[Rule::slow_first_response], kConversations / 5);
  EXPECT_EQ(counts[Rule::missing_closing], kConversations / 2);
  EXPECT_EQ(counts.size(), 6u) << "no other rule fires on this history";
}

TEST_F(QualityMonitorActorTest, ARestartInTheMiddleRecordsWhatAnUninterruptedRunDoes) {
  const auto expected = uninterrupted();
  ASSERT_FALSE(expected.empty());
  // The first run sees half the history, then stops; the second continues over all of it.
  const std::uint64_t half = history_last_seq_ / 2 + 3;
  EXPECT_EQ(drain(start_monitor(std::make_shared<FeedPrefix>(memory_, half))), half);
  const auto first_part = recorded_violations(*memory_);
  EXPECT_GT(first_part.size(), 0u);
  EXPECT_LT(first_part.size(), expected.size());
  drain(start_monitor(memory_));
  EXPECT_EQ(recorded_violations(*memory_), expected);
}

TEST_F(QualityMonitorActorTest, AWriteThatLandsAfterTheMonitorGaveUpIsNotRecordedAgain) {
  const auto expected = uninterrupted();
  // The second record's write hangs past the append timeout: the monitor stops (the outcome is
  // unknown to it), and only then does the write land.
  auto gated = std::make_shared<HoldsSecondMonitorAppend>(memory_);
  auto first = start_monitor(gated, 100ms);
  ASSERT_TRUE(eventually([&] { return gated->holding(); }));
  wait_until_stopped(first);
  const auto before = memory_->last_seq();
  gated->release();
  ASSERT_TRUE(eventually([&] { return memory_->last_seq() > before; }));
  const auto landed = recorded_violations(*memory_);
  EXPECT_GT(landed.size(), 0u);
  EXPECT_LT(landed.size(), expected.size());
  drain(start_monitor(memory_));
  EXPECT_EQ(recorded_violations(*memory_), expected);
}

TEST_F(QualityMonitorActorTest, AWriteWhoseAcknowledgementWasLostIsNotRecordedAgain) {
  const auto expected = uninterrupted();
  auto flaky = std::make_shared<LosesFirstMonitorAck>(memory_);
  auto first = start_monitor(flaky);
  wait_until_stopped(first);  // the host stops it: the outcome of its append is unknown
  ASSERT_TRUE(flaky->lost());
  const auto landed = recorded_violations(*memory_);
  ASSERT_FALSE(landed.empty()) << "the write landed although it was reported failed";
  drain(start_monitor(memory_));
  EXPECT_EQ(recorded_violations(*memory_), expected);
}

}  // namespace
}  // namespace sb::quality
