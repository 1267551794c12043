// `switchboard admin sla|tiers|skills` over a real RPC server and the fake service: options
// become the right calls, values not given keep their current setting, bad values are refused
// before anything is sent, and durations read and print in their units.

#include <algorithm>
#include <sstream>

#include <gtest/gtest.h>

#include "runtime/rpc/cli/admin_config.hpp"
#include "runtime/rpc/cli/terminal_clients.hpp"
#include "tests/rpc/rpc_fixture.hpp"

namespace sb::rpc::test {
namespace {

class CliConfigurationTest : public RpcFixture {
 protected:
  // Runs `admin <args>` as the admin; returns the exit code, `out_` holds what it printed.
  int admin(std::vector<std::string> args) {
    args.insert(args.end(), {"--port", std::to_string(port_), "--token", kAdminToken});
    out_.str({});
    std::istringstream in;
    return cli::run_admin(args, in, out_);
  }
  bool printed(const std::string& text) const { return out_.str().find(text) != std::string::npos; }
  bool called(const std::string& call) const {
    const auto calls = service_.calls();
    return std::find(calls.begin(), calls.end(), call) != calls.end();
  }

  std::ostringstream out_;
};

TEST(CliDurations, ReadAndPrintInTheirUnits) {
  EXPECT_EQ(cli::parse_duration_ms("250ms"), 250);
  EXPECT_EQ(cli::parse_duration_ms("30s"), 30'000);
  EXPECT_EQ(cli::parse_duration_ms("5m"), 300'000);
  EXPECT_EQ(cli::parse_duration_ms("2h"), 7'200'000);
  EXPECT_EQ(cli::parse_duration_ms("7d"), 604'800'000);
  EXPECT_EQ(cli::parse_duration_ms("1500"), 1'500);
  EXPECT_EQ(cli::parse_duration_ms("-5s"), std::nullopt);
  EXPECT_EQ(cli::parse_duration_ms("5 m"), std::nullopt);
  EXPECT_EQ(cli::parse_duration_ms("m"), std::nullopt);
  EXPECT_EQ(cli::parse_duration_ms("soon"), std::nullopt);
  EXPECT_EQ(cli::format_duration_ms(0), "0");
  EXPECT_EQ(cli::format_duration_ms(90'000), "90s");
  EXPECT_EQ(cli::format_duration_ms(1'800'000), "30m");
  EXPECT_EQ(cli::format_duration_ms(86'400'000), "1d");
  EXPECT_EQ(cli::format_duration_ms(1'250), "1250ms");
}

TEST_F(CliConfigurationTest, SlaSetSendsThePolicyAndPrintsIt) {
  EXPECT_EQ(admin({"sla", "set", "vip", "urgent", "--first-response", "5m", "--next-reply", "15m",
                   "--resolution", "4h", "--warn", "0.5"}),
            0)
      << out_.str();
  EXPECT_TRUE(called("set_sla_policy vip urgent vip-urgent"));
  EXPECT_TRUE(printed("vip urgent vip-urgent 5m 15m 4h 0.5 supervisors configured")) << out_.str();
  EXPECT_EQ(admin({"sla", "list"}), 0);
  EXPECT_TRUE(printed("vip urgent vip-urgent 1m 2m 1h 0.5 leads business-hours configured"))
      << out_.str();
  EXPECT_EQ(admin({"sla", "remove", "vip", "urgent"}), 0);
  EXPECT_TRUE(called("remove_sla_policy vip urgent"));
}

TEST_F(CliConfigurationTest, BadValuesAreRefusedBeforeAnythingIsSent) {
  EXPECT_EQ(admin({"sla", "set", "vip", "urgent", "--first-response", "soon", "--next-reply", "1m",
                   "--resolution", "1h"}),
            2);
  EXPECT_TRUE(printed("--first-response is a duration")) << out_.str();
  EXPECT_EQ(admin({"sla", "set", "vip", "urgent", "--next-reply", "1m", "--resolution", "1h"}), 2);
  EXPECT_TRUE(printed("--first-response is required")) << out_.str();
  EXPECT_EQ(admin({"tiers", "set", "--vip-by-flag", "maybe"}), 2);
  EXPECT_TRUE(printed("--vip-by-flag is yes or no")) << out_.str();
  for (const auto& call : service_.calls()) {
    EXPECT_EQ(call.rfind("set_", 0), std::string::npos) << call;
  }
  EXPECT_EQ(admin({"sla", "frobnicate"}), 2);
  EXPECT_TRUE(printed("admin sla list")) << out_.str();
}

TEST_F(CliConfigurationTest, OptionsNotGivenKeepTheirCurrentValue) {
  EXPECT_EQ(admin({"tiers", "set", "--regular-after-orders", "5"}), 0) << out_.str();
  EXPECT_TRUE(called("set_tier_rules 5"));
  // The fake's current rules: 1 day, vip by flag off; only the orders changed.
  EXPECT_TRUE(printed("regular after account age 1d or 5 orders")) << out_.str();
  EXPECT_TRUE(printed("vip by flag no")) << out_.str();

  EXPECT_EQ(admin({"skills", "define", "orders", "--offer-timeout", "10s"}), 0) << out_.str();
  EXPECT_TRUE(called("define_skill_group orders"));
  EXPECT_TRUE(printed("orders: offer timeout 10s")) << out_.str();
  EXPECT_TRUE(printed("overflow general after 2m")) << out_.str();  // kept from its definition
}

TEST_F(CliConfigurationTest, HelpListsTheConfigurationCommands) {
  std::ostringstream out;
  std::istringstream in;
  EXPECT_EQ(cli::run_admin({"--help"}, in, out), 0);
  EXPECT_NE(out.str().find("admin skills list | skills define NAME"), std::string::npos);
  EXPECT_NE(out.str().find("admin tiers show"), std::string::npos);
}

}  // namespace
}  // namespace sb::rpc::test
