// The reporting RPC edge over a real node: Admin.report returns the figures (JSON, tables, HTML)
// with edge validation, and a supervisor's sink receives a violation as soon as an agent's reply
// carries a card number — once the violation is recorded in the log, never before.

#include <mutex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "actors/quality/quality_codec.hpp"
#include "runtime/rpc/client.hpp"
#include "runtime/rpc/rpc_server.hpp"
#include "tests/reporting/node_fixture.hpp"

namespace sb::reporting::test {
namespace {

using Json = nlohmann::json;

// Whether the log holds a ViolationDetected event for `v`.
bool recorded(runtime::Journal& journal, const quality::Violation& v) {
  auto feed = journal.read_feed(0, 100'000);
  if (!feed) return false;
  return std::any_of(feed->begin(), feed->end(), [&](const runtime::FeedEntry& entry) {
    if (entry.key.kind != EntityKind::quality_monitor) return false;
    auto event = quality::Codec::decode_event(entry.event.payload);
    const auto* detected = event ? std::get_if<quality::ViolationDetected>(&*event) : nullptr;
    return detected != nullptr && quality::as_violation(*detected) == v;
  });
}

constexpr char kAdminToken[] = "admin-token";
constexpr char kWebToken[] = "web-token";

class RpcReportTest : public NodeFixture {
 protected:
  void start_all(bool with_reporting = true) {
    start_node();
    rpc::RpcServerConfig config;
    config.port = 0;
    config.shutdown_drain_timeout = std::chrono::milliseconds(300);
    config.tokens = {{rpc::Role::admin, "", rpc::sha256_hex(kAdminToken)},
                     {rpc::Role::channel, "web", rpc::sha256_hex(kWebToken)}};
    if (with_reporting) config.reporting = &node_->reporting();
    server_ = std::make_unique<rpc::RpcServer>(node_->service(), std::move(config));
    auto port = server_->start();
    ASSERT_TRUE(port) << port.error();
    port_ = *port;
  }
  void TearDown() override {
    server_.reset();
    NodeFixture::TearDown();
  }
  std::unique_ptr<rpc::Client> connect_as(const std::string& token) {
    auto client = rpc::Client::connect({.port = port_, .call_timeout = kWait});
    EXPECT_TRUE(client) << client.error();
    auto session = (*client)->authenticate(token);
    EXPECT_TRUE(session) << session.error().message;
    return std::move(*client);
  }

  std::unique_ptr<rpc::RpcServer> server_;
  std::uint16_t port_ = 0;
};

TEST_F(RpcReportTest, AdminReportReturnsTheFigures) {
  start_all();
  script_traffic();
  auto admin = connect_as(kAdminToken);
  ReportRequest request;
  request.text = true;
  request.html = true;
  Json json;
  ASSERT_TRUE(eventually([&] {
    auto report = admin->report(request);
    if (!report) return false;
    json = Json::parse(report->json);
    return json["totals"]["resolutions"] == 1 && !report->text.empty() &&
           report->html.find("<svg") != std::string::npos;
  })) << json.dump();
  EXPECT_EQ(json["totals"]["conversations_opened"], 3);
  EXPECT_EQ(json["totals"]["agent_replies"], 1);

  request = ReportRequest{};
  request.filter.agent = "nobody";
  auto sliced = admin->report(request);
  ASSERT_TRUE(sliced) << sliced.error().message;
  EXPECT_EQ(Json::parse(sliced->json)["totals"]["agent_replies"], 0);
  EXPECT_TRUE(sliced->html.empty()) << "HTML only on request";
}

TEST_F(RpcReportTest, BadQueriesAreRefusedAtTheEdge) {
  start_all();
  auto admin = connect_as(kAdminToken);
  ReportRequest backwards;
  backwards.filter.from = from_unix_ms(2'000);
  backwards.filter.to = from_unix_ms(1'000);
  auto refused = admin->report(backwards);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, service::ErrorCode::invalid_argument);
  auto web = connect_as(kWebToken);
  EXPECT_EQ(web->report(ReportRequest{}).error().code, service::ErrorCode::permission_denied);
}

TEST_F(RpcReportTest, WithoutReportingTheCallsSaySo) {
  start_all(false);
  auto admin = connect_as(kAdminToken);
  auto report = admin->report(ReportRequest{});
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().rejection, "reporting_disabled");
  auto watch = admin->watch_violations([](const quality::Violation&) {});
  ASSERT_FALSE(watch);
  EXPECT_EQ(watch.error().rejection, "reporting_disabled");
}

TEST_F(RpcReportTest, ASupervisorSeesACardNumberInAnAgentReplyLive) {
  start_all();
  auto supervisor = connect_as(kAdminToken);
  std::mutex mutex;
  std::vector<quality::Violation> seen;
  std::vector<bool> durable_when_seen;
  auto journal = node_->node().journal();
  ASSERT_TRUE(supervisor->watch_violations([&](const quality::Violation& v) {
    // Pushed only once the violation is an event in the log.
    const bool in_log = recorded(*journal, v);
    std::lock_guard lock(mutex);
    seen.push_back(v);
    durable_when_seen.push_back(in_log);
  }));
  agent_online("a-1");
  const auto id = handed_to_agent("visitor-9", "a-1", "请把卡号 4111 1111 1111 1111 发给我");
  ASSERT_FALSE(id.empty());
  ASSERT_TRUE(eventually([&] {
    std::lock_guard lock(mutex);
    return std::any_of(seen.begin(), seen.end(), [](const quality::Violation& v) {
      return v.rule == quality::Rule::card_number;
    });
  })) << "no card_number violation reached the supervisor";
  std::lock_guard lock(mutex);
  auto card = std::find_if(seen.begin(), seen.end(), [](const quality::Violation& v) {
    return v.rule == quality::Rule::card_number;
  });
  EXPECT_EQ(card->agent_id, "a-1");
  EXPECT_EQ(card->conversation_id, id);
  EXPECT_NE(card->evidence.find("1111"), std::string::npos) << card->evidence;
  EXPECT_EQ(card->evidence.find("4111 1111 1111 1111"), std::string::npos) << "never in full";
  for (std::size_t i = 0; i < seen.size(); ++i) {
    EXPECT_TRUE(durable_when_seen[i])
        << quality::to_string(seen[i].rule) << " was pushed before it was recorded";
  }
}

}  // namespace
}  // namespace sb::reporting::test
