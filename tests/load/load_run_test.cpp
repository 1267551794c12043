// A short real run: an in-process node (RocksDB, bot on the shipped KB) behind its Cap'n Proto RPC
// server on loopback, driven by the load generator like an external server. Messages are
// delivered and acknowledged, bot replies are measured on the channel sinks, human requests reach
// the simulated agents, and the JSON result has its fields. Then a closed-loop batched run.

#include <sstream>

#include <gtest/gtest.h>

#include "runtime/load/embedded_server.hpp"
#include "runtime/load/load_runner.hpp"
#include "tests/support/temp_dir.hpp"

namespace sb::load {
namespace {

const std::string kKb = std::string(SB_SOURCE_DIR) + "/config/kb/default_kb.jsonl";
const std::string kOrders = std::string(SB_SOURCE_DIR) + "/config/kb/sample_orders.jsonl";

class LoadRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EmbeddedServerOptions options;
    options.data_dir = dir_.str();
    options.bot_model_dir = SB_TEST_BOT_MODEL_DIR;
    options.durability = runtime::DurabilityMode::none;
    options.knowledge_base = kKb;
    options.sample_orders = kOrders;
    options.worker_threads = 2;
    options.agent_tokens = 2;
    auto server = EmbeddedServer::start(options);
    ASSERT_TRUE(server) << server.error();
    server_ = std::move(*server);
  }

  LoadOptions short_run() const {
    LoadOptions o;
    o.knowledge_base = kKb;
    o.duration = std::chrono::milliseconds(2500);
    o.shape.rate = 40;
    o.human_request_share = 0.3;  // enough handoffs in a few seconds
    o.agents.count = 2;
    o.agents.think_min = std::chrono::milliseconds(20);
    o.agents.think_max = std::chrono::milliseconds(60);
    o.agents.presence_changes_per_minute = 0;
    o.customer_think_min = std::chrono::milliseconds(100);
    o.customer_think_max = std::chrono::milliseconds(300);
    o.drain = std::chrono::milliseconds(2000);
    o.progress = false;
    return server_->load_options(o);
  }

  sb::testing::TempDir dir_;
  std::unique_ptr<EmbeddedServer> server_;
};

TEST_F(LoadRunTest, OpenLoopDeliversMeasuresBotRepliesAndReachesAgents) {
  std::ostringstream progress;
  auto result = run_load_test(short_run(), progress, [&] { return server_->counters(); });
  ASSERT_TRUE(result) << result.error();
  EXPECT_NEAR(static_cast<double>(result->sent), 100, 2);  // 2.5 s at 40/s
  EXPECT_EQ(result->acked, result->sent);
  EXPECT_EQ(result->errors, 0u) << render_summary(*result);
  EXPECT_GT(result->bot_reply.count, 0u);
  EXPECT_EQ(result->bot_reply.count, result->bot_replies_seen);
  EXPECT_GT(result->bot_reply_first.count, 0u) << "every visit starts with one";
  EXPECT_EQ(result->bot_reply_first.count + result->bot_reply_follow_up.count, result->bot_reply.count)
      << "each bot reply is either a visit's first message's or a later one's";
  EXPECT_EQ(result->bot_replies_missing, 0u);
  EXPECT_GT(result->ack.p99_ms, 0);
  EXPECT_GT(result->handoffs, 0u);
  EXPECT_GT(result->offers, 0u);
  EXPECT_GT(result->offer.count, 0u);
  std::uint64_t accepted = 0;
  for (const auto& agent : result->agents) accepted += agent.accepted;
  EXPECT_GT(accepted, 0u);
  EXPECT_GT(result->server["journal_events_written"].get<std::uint64_t>(), result->acked);
  // The writer's group commits: at least one, and never more than the appends they carried.
  const auto group_commits = result->server["journal_group_commits"].get<std::uint64_t>();
  EXPECT_GT(group_commits, 0u);
  EXPECT_LE(group_commits, result->server["journal_appends"].get<std::uint64_t>());

  const auto json = to_json(*result);
  for (const char* field :
       {"run_id", "mode", "delivery", "options", "seconds", "throughput", "latency_ms", "bot",
        "handoffs", "errors", "workload", "agents", "server", "timeline"}) {
    EXPECT_TRUE(json.contains(field)) << field;
  }
  for (const char* latency : {"deliver_to_ack", "deliver_to_bot_reply", "deliver_to_bot_reply_first_of_visit",
                              "deliver_to_bot_reply_follow_up", "handoff_to_offer"}) {
    const auto& l = json["latency_ms"][latency];
    for (const char* p : {"count", "p50", "p90", "p99", "p99_9", "max"}) {
      EXPECT_TRUE(l.contains(p)) << latency << " " << p;
    }
  }
  EXPECT_EQ(json["mode"], "open");
  EXPECT_EQ(json["delivery"]["call"], "deliver");
  EXPECT_FALSE(render_summary(*result).empty());
}

TEST_F(LoadRunTest, ClosedLoopWithBatchesFindsACeiling) {
  auto options = short_run();
  options.mode = LoopMode::closed;
  options.concurrency = 8;
  options.batch_size = 8;
  options.duration = std::chrono::milliseconds(1000);
  options.agents.count = 0;
  std::ostringstream progress;
  auto result = run_load_test(options, progress);
  ASSERT_TRUE(result) << result.error();
  EXPECT_GT(result->acked, 0u);
  EXPECT_EQ(result->errors, 0u) << render_summary(*result);
  EXPECT_LT(result->calls, result->sent);  // batches: fewer calls than messages
  EXPECT_EQ(to_json(*result)["delivery"]["call"], "deliverBatch");
}

}  // namespace
}  // namespace sb::load
