// `switchboard report` over a journal written by a real node: tables with the figures, JSON that
// parses and carries them, a self-contained HTML page, the same figures the live node reports,
// and clear errors for missing data and bad options.

#include "runtime/reporting/report_command.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "runtime/reporting/report_options.hpp"
#include "tests/reporting/node_fixture.hpp"

namespace sb::reporting::test {
namespace {

using Json = nlohmann::json;

struct Run {
  int code = 0;
  std::string out;
  std::string err;
};

Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  Run r;
  r.code = run_report(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

class ReportCommandTest : public NodeFixture {
 protected:
  std::vector<std::string> args(std::vector<std::string> extra = {}) const {
    std::vector<std::string> all = {"--storage.path",
                                    data_dir(),
                                    "--quality.rules",
                                    source_file("config/quality/rules.json"),
                                    "--kb",
                                    source_file("config/kb/default_kb.jsonl")};
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
  }

  // The live node's JSON report once its feed has applied every event in the journal.
  std::string live_json() {
    const auto last = node_->node().journal()->last_seq();
    std::string json;
    EXPECT_TRUE(eventually([&] {
      auto report = wait_for<RenderedReport>(
          [&](auto done) { node_->reporting().report(ReportRequest{}, done); });
      if (!report) return false;
      json = report->json;
      return Json::parse(json)["feed"]["last_seq"].get<std::uint64_t>() == last;
    })) << "the live feed did not catch up to seq "
        << last;
    return json;
  }
};

TEST_F(ReportCommandTest, TablesJsonAndHtmlCarryTheFigures) {
  start_node();
  script_traffic();
  stop_node();

  auto text = run(args());
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("conversations opened"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("a-1"), std::string::npos) << "the agent's row";
  EXPECT_NE(text.out.find("card_number"), std::string::npos) << "the violation count";

  auto json = run(args({"--json"}));
  ASSERT_EQ(json.code, 0) << json.err;
  const auto report = Json::parse(json.out);
  EXPECT_EQ(report["totals"]["conversations_opened"], 3);
  EXPECT_GE(report["totals"]["customer_messages"].get<int>(), 4);
  EXPECT_EQ(report["totals"]["handoffs"], 1);
  EXPECT_EQ(report["totals"]["agent_replies"], 1);
  EXPECT_EQ(report["totals"]["resolutions"], 1);
  EXPECT_EQ(report["csat"]["count"], 1);
  bool card_number = false;
  for (const auto& row : report["quality"]) {
    card_number |= row["agent"] == "a-1" && row["rule"] == "card_number" && row["count"] == 1;
  }
  EXPECT_TRUE(card_number) << report["quality"].dump();

  const auto html_file = (dir_.path() / "report.html").string();
  auto html = run(args({"--html", html_file}));
  ASSERT_EQ(html.code, 0) << html.err;
  std::ifstream file(html_file);
  const std::string page((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  EXPECT_NE(page.find("<svg"), std::string::npos) << "charts are inline SVG";
  EXPECT_NE(page.find("card_number"), std::string::npos);
  // Self-contained: nothing is fetched from elsewhere.
  for (const char* external : {"<script src", "<link ", "src=\"http", "href=\"http", "@import"}) {
    EXPECT_EQ(page.find(external), std::string::npos) << external;
  }
}

TEST_F(ReportCommandTest, SlicesAndWindowsNarrowTheFigures) {
  start_node();
  script_traffic();
  stop_node();
  auto agent = run(args({"--json", "--agent", "a-1"}));
  ASSERT_EQ(agent.code, 0) << agent.err;
  EXPECT_EQ(Json::parse(agent.out)["totals"]["agent_replies"], 1);
  auto nobody = run(args({"--json", "--agent", "nobody"}));
  ASSERT_EQ(nobody.code, 0) << nobody.err;
  EXPECT_EQ(Json::parse(nobody.out)["totals"]["agent_replies"], 0);
  EXPECT_TRUE(Json::parse(nobody.out)["quality"].empty());
  auto past = run(args({"--json", "--from", "2001-01-01", "--to", "2001-01-02T00:00Z"}));
  ASSERT_EQ(past.code, 0) << past.err;
  EXPECT_EQ(Json::parse(past.out)["totals"]["conversations_opened"], 0);
  auto wechat = run(args({"--json", "--channel", "wechat"}));
  ASSERT_EQ(wechat.code, 0) << wechat.err;
  EXPECT_EQ(Json::parse(wechat.out)["totals"]["conversations_opened"], 0);
}

TEST_F(ReportCommandTest, TheLiveProjectionEqualsTheOfflineRebuild) {
  start_node();
  script_traffic();
  const std::string live = live_json();
  stop_node();
  auto offline = run(args({"--json"}));
  ASSERT_EQ(offline.code, 0) << offline.err;
  EXPECT_EQ(Json::parse(offline.out), Json::parse(live));
}

TEST_F(ReportCommandTest, RunsBesideTheNodeThatWrites) {
  start_node();
  script_traffic();
  auto beside = run(args({"--json"}));  // the node still holds the journal's LOCK
  ASSERT_EQ(beside.code, 0) << beside.err;
  EXPECT_EQ(Json::parse(beside.out)["totals"]["conversations_opened"], 3);
}

TEST(ReportCommandErrors, MissingEmptyOrForeignDirectoriesAreExplained) {
  sb::testing::TempDir dir;
  auto missing = run({"--storage.path", dir.str("nope")});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("no data directory"), std::string::npos) << missing.err;

  std::filesystem::create_directories(dir.str("empty"));
  auto empty = run({"--storage.path", dir.str("empty")});
  EXPECT_EQ(empty.code, 1);
  EXPECT_NE(empty.err.find("is empty"), std::string::npos) << empty.err;

  std::ofstream(dir.str("empty") + "/notes.txt") << "hello";
  auto foreign = run({"--storage.path", dir.str("empty")});
  EXPECT_EQ(foreign.code, 1);
  EXPECT_NE(foreign.err.find("no switchboard journal"), std::string::npos) << foreign.err;
}

TEST(ReportCommandErrors, BadOptionsAreRefusedWithUsage) {
  for (const std::vector<std::string>& bad : {std::vector<std::string>{"--bogus", "1"},
                                              {"--from", "yesterday"},
                                              {"--channel", "fax"},
                                              {"--tier", "gold"},
                                              {"--from", "2026-02-01", "--to", "2026-01-01"},
                                              {"--storage.path"},
                                              {"stray"}}) {
    auto r = run(bad);
    EXPECT_EQ(r.code, 2) << bad.front();
    EXPECT_NE(r.err.find("usage: switchboard report"), std::string::npos);
  }
  auto help = run({"--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--storage.path"), std::string::npos);
}

TEST(ReportTime, IsoUtcAndUnixMilliseconds) {
  EXPECT_EQ(parse_report_time("1762851600000"), from_unix_ms(1'762'851'600'000));
  EXPECT_EQ(parse_report_time("2025-11-11"), from_unix_ms(1'762'819'200'000));
  EXPECT_EQ(parse_report_time("2025-11-11T09:00Z"), from_unix_ms(1'762'851'600'000));
  EXPECT_EQ(parse_report_time("2025-11-11 09:00:30"), from_unix_ms(1'762'851'630'000));
  for (const char* bad : {"", "2025-13-01", "2025-02-30", "2025-11-11T25:00", "2025-11-11T09:00+08",
                          "11/11/2025", "2025-11-11T09"}) {
    EXPECT_FALSE(parse_report_time(bad)) << bad;
  }
}

}  // namespace
}  // namespace sb::reporting::test
