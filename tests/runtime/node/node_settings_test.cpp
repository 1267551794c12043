// The node's options as an operator writes them on the command line (the INI file goes through
// the same parser): defaults, the per-kind idle timeout, and a precise error for a bad value.

#include "runtime/node/settings.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sb::runtime {
namespace {

using namespace std::chrono_literals;

Expected<NodeSettings, std::string> settings_from(std::vector<std::string> args) {
  SwitchboardConfig config;
  if (auto error = config.parse(std::move(args), nullptr)) return unexpected(caf::to_string(error));
  return config.node_settings();
}

TEST(NodeSettings, DefaultsPassivateCustomersSoonerThanOtherEntities) {
  auto s = settings_from({});
  ASSERT_TRUE(s) << s.error();
  EXPECT_EQ(s->entity.idle_timeout, 2min);
  EXPECT_EQ(s->customer_idle_timeout, 30s);
  EXPECT_EQ(s->durability, DurabilityMode::sync);
  EXPECT_EQ(s->conversation.bot_resolve_after, 30min);
  EXPECT_EQ(s->wake_scan_interval, 10min);
}

TEST(NodeSettings, TheWakeScanIntervalIsAnOptionAndMustBePositive) {
  auto s = settings_from({"--entity.wake-scan-interval=30s"});
  ASSERT_TRUE(s) << s.error();
  EXPECT_EQ(s->wake_scan_interval, 30s);
  auto zero = settings_from({"--entity.wake-scan-interval=0s"});
  ASSERT_FALSE(zero);
  EXPECT_NE(zero.error().find("entity.wake-scan-interval"), std::string::npos) << zero.error();
}

TEST(NodeSettings, TheCustomerIdleTimeoutIsAnOption) {
  auto s = settings_from({"--entity.customer-idle-timeout=5s", "--entity.idle-timeout=10min",
                          "--conversation.bot-resolve-after=0s"});
  ASSERT_TRUE(s) << s.error();
  EXPECT_EQ(s->conversation.bot_resolve_after, 0ms) << "0s: never";
  EXPECT_EQ(s->customer_idle_timeout, 5s);
  EXPECT_EQ(s->entity.idle_timeout, 10min);
}

TEST(NodeSettings, AZeroIdleTimeoutIsRefusedByName) {
  auto s = settings_from({"--entity.customer-idle-timeout=0s"});
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().find("entity.customer-idle-timeout"), std::string::npos) << s.error();
}

TEST(NodeSettings, AnUnknownDurabilityIsRefusedByName) {
  auto s = settings_from({"--storage.durability=sometimes"});
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().find("storage.durability"), std::string::npos) << s.error();
}

}  // namespace
}  // namespace sb::runtime
