// The bot model cache in a real node: the first start on a data directory trains the bot and
// caches its model under <data-dir>/bot-model, the next start loads it; an import caches the
// new version's model, so the restart after it loads too; a damaged cached model is logged and
// trained again. A small knowledge base keeps the training short.
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <caf/all.hpp>
#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include "runtime/service/switchboard_node.hpp"
#include "tests/bot/test_kb.hpp"
#include "tests/service/service_fixture.hpp"
#include "tests/support/temp_dir.hpp"

namespace sb::service {
namespace {

namespace fs = std::filesystem;
using testing::wait_for;

// Keeps what the node logs while a test runs; the default logger is restored afterwards.
class LogCapture {
 public:
  LogCapture()
      : sink_(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(kLinesKept)),
        previous_(spdlog::default_logger()) {
    auto logger = std::make_shared<spdlog::logger>("model-cache-test", sink_);
    logger->set_level(spdlog::level::info);
    spdlog::set_default_logger(logger);
  }
  ~LogCapture() { spdlog::set_default_logger(previous_); }

  // The lines logged so far that contain `text`; forgets them.
  std::size_t take(std::string_view text) {
    std::size_t n = 0;
    for (const auto& line : sink_->last_formatted()) {
      if (line.find(text) != std::string::npos && seen_.insert(line).second) ++n;
    }
    return n;
  }

 private:
  static constexpr std::size_t kLinesKept = 1024;
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink_;
  std::shared_ptr<spdlog::logger> previous_;
  std::set<std::string> seen_;  // formatted lines carry a timestamp, so each is distinct
};

class ModelCacheNodeTest : public ::testing::Test {
 protected:
  void SetUp() override { std::ofstream(kb_file()) << bot::testing::kTestKb; }
  void TearDown() override { stop(); }

  void start() {
    config_ = std::make_unique<caf::actor_system_config>();
    config_->set("scheduler.max-threads", 2);
    system_ = std::make_unique<caf::actor_system>(*config_);
    runtime::NodeSettings settings;
    settings.data_dir = data_dir();
    settings.durability = runtime::DurabilityMode::none;  // nothing here depends on fsync
    auto node = SwitchboardNode::start(*system_, settings, BotFiles{kb_file(), orders_file(), {}});
    ASSERT_TRUE(node) << node.error();
    node_ = std::move(*node);
  }
  void stop() {
    node_.reset();
    system_.reset();
  }

  std::string data_dir() const { return dir_.str("data"); }
  std::string kb_file() const { return dir_.str("kb.jsonl"); }
  std::string orders_file() const {
    return std::string(SB_SOURCE_DIR) + "/config/kb/sample_orders.jsonl";
  }
  fs::path model_dir() const { return fs::path(data_dir()) / "bot-model"; }
  std::vector<fs::path> model_files() const {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(model_dir())) out.push_back(entry.path());
    return out;
  }

  std::string bot_intent(const std::string& user, const std::string& text) {
    InboundMessage message;
    message.channel = Channel::web;
    message.channel_user_id = user;
    message.message_id = user + "-1";
    message.text = text;
    auto result =
        wait_for<DeliverResult>([&](auto done) { node_->service().deliver(message, done); });
    EXPECT_TRUE(result) << result.error().message;
    return result && result->bot_reply ? result->bot_reply->text : std::string();
  }

  LogCapture log_;
  sb::testing::TempDir dir_;
  std::unique_ptr<caf::actor_system_config> config_;
  std::unique_ptr<caf::actor_system> system_;
  std::unique_ptr<SwitchboardNode> node_;
};

TEST_F(ModelCacheNodeTest, TheSecondStartOnTheSameDataLoadsTheModelTheFirstTrained) {
  start();
  EXPECT_EQ(log_.take("bot model: trained"), 1u);
  EXPECT_EQ(log_.take("bot model: loaded"), 0u);
  ASSERT_EQ(model_files().size(), 1u);
  const std::string reply = bot_intent("u1", "thank you for your help");
  EXPECT_FALSE(reply.empty());
  stop();

  start();
  EXPECT_EQ(log_.take("bot model: loaded from the cache"), 1u);
  EXPECT_EQ(log_.take("bot model: trained"), 0u);
  EXPECT_EQ(model_files().size(), 1u);
  EXPECT_EQ(bot_intent("u2", "thank you for your help"), reply);
}

TEST_F(ModelCacheNodeTest, AnImportCachesItsModelSoTheRestartAfterItLoads) {
  start();
  ASSERT_EQ(log_.take("bot model: trained"), 1u);
  std::string edited(bot::testing::kTestKb);
  edited.replace(edited.find("\"hi there\""), std::string_view("\"hi there\"").size(),
                 "\"hi there\",\"hey you\"");
  auto imported = wait_for<KnowledgeBaseVersion>(
      [&](auto done) { node_->service().import_knowledge_base(edited, done); });
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(log_.take("bot model: trained"), 1u);
  EXPECT_EQ(model_files().size(), 2u);
  stop();

  start();
  EXPECT_EQ(log_.take("knowledge base: version 1 from the log"), 1u);
  EXPECT_EQ(log_.take("bot model: loaded from the cache"), 1u);
  EXPECT_EQ(log_.take("bot model: trained"), 0u);
  // A roll-back to the shipped file finds its model too.
  auto rolled_back = wait_for<KnowledgeBaseVersion>(
      [&](auto done) { node_->service().roll_back_knowledge_base(0, done); });
  ASSERT_TRUE(rolled_back) << rolled_back.error().message;
  EXPECT_EQ(log_.take("bot model: loaded from the cache"), 1u);
}

TEST_F(ModelCacheNodeTest, ADamagedCachedModelIsLoggedAndTrainedAgain) {
  start();
  stop();
  ASSERT_EQ(model_files().size(), 1u);
  const fs::path model = model_files().front();
  fs::resize_file(model, fs::file_size(model) / 2);

  start();
  EXPECT_EQ(log_.take("cached model not used (truncated"), 1u);
  EXPECT_EQ(log_.take("bot model: trained"), 2u);  // the first start's and this one's
  stop();

  start();
  EXPECT_EQ(log_.take("bot model: loaded from the cache"), 1u);
}

}  // namespace
}  // namespace sb::service
