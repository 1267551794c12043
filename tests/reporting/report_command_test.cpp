// `switchboard report` over a journal written by a real node: tables with the figures, JSON that
// parses and carries them, a self-contained HTML page, the same figures the live node reports
// (quality violations counted from the events the monitor recorded, once each across restarts),
// and clear errors for missing data and bad options.

#include "runtime/reporting/report_command.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "actors/conversation/conversation_codec.hpp"
#include "actors/quality/quality_codec.hpp"
#include "runtime/journal/rocksdb_journal.hpp"
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

  // The live node's JSON report once the quality monitor has recorded what it found and the feed
  // has applied every event in the journal (the monitor's records included).
  std::string live_json() {
    std::string json;
    std::uint64_t last = 0;
    EXPECT_TRUE(eventually([&] {
      last = node_->node().journal()->last_seq();
      if (node_->reporting().quality_recorded_through() != last) return false;
      auto report = wait_for<RenderedReport>(
          [&](auto done) { node_->reporting().report(ReportRequest{}, done); });
      if (!report) return false;
      json = report->json;
      return Json::parse(json)["feed"]["last_seq"].get<std::uint64_t>() == last &&
             node_->node().journal()->last_seq() == last;
    })) << "the monitor and the live feed did not catch up to seq "
        << last;
    return json;
  }

  // The count of `rule` for `agent` in a JSON report's quality section (0 when absent).
  static int quality_count(const Json& report, const std::string& agent, const std::string& rule) {
    for (const auto& row : report["quality"]) {
      if (row["agent"] == agent && row["rule"] == rule) return row["count"].get<int>();
    }
    return 0;
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
  const Json rebuilt = Json::parse(offline.out);
  EXPECT_EQ(rebuilt, Json::parse(live));
  // The violations are counted from the ViolationDetected events the monitor recorded.
  EXPECT_EQ(quality_count(rebuilt, "a-1", "card_number"), 1) << rebuilt["quality"].dump();
}

TEST_F(ReportCommandTest, ARestartedNodeNeitherRepeatsNorLosesViolations) {
  start_node();
  script_traffic();
  stop_node();
  const Json before = Json::parse(run(args({"--json"})).out);
  ASSERT_EQ(quality_count(before, "a-1", "card_number"), 1) << before["quality"].dump();

  // The monitor resumes where it recorded; a new reply with a card number is found once.
  start_node();
  agent_online("a-1");  // the desk logs in again
  const auto id = handed_to_agent("visitor-4", "a-1", "您好，卡号 5500 0000 0000 0004 对吗");
  ASSERT_FALSE(id.empty());
  const Json live = Json::parse(live_json());
  stop_node();
  auto offline = run(args({"--json"}));
  ASSERT_EQ(offline.code, 0) << offline.err;
  const Json after = Json::parse(offline.out);
  EXPECT_EQ(after, live);
  EXPECT_EQ(quality_count(after, "a-1", "card_number"), 2) << after["quality"].dump();
  EXPECT_EQ(after["quality"].size(), before["quality"].size()) << after["quality"].dump();
}

TEST_F(ReportCommandTest, ViolationsAreEventsWithTheirSource) {
  start_node();
  script_traffic();
  stop_node();
  auto journal = runtime::RocksDbJournal::open({.path = data_dir(), .read_only = true});
  ASSERT_TRUE(journal) << journal.error().message;
  auto feed = (*journal)->read_feed(0, 100'000);
  ASSERT_TRUE(feed);
  std::vector<quality::ViolationDetected> found;
  std::map<std::uint64_t, runtime::FeedEntry> by_seq;
  for (const auto& entry : *feed) {
    by_seq[entry.seq] = entry;
    if (entry.key.kind != EntityKind::quality_monitor) continue;
    auto event = quality::Codec::decode_event(entry.event.payload);
    ASSERT_TRUE(event) << event.error();
    if (auto* v = std::get_if<quality::ViolationDetected>(&*event)) found.push_back(*v);
  }
  auto card = std::find_if(found.begin(), found.end(),
                           [](const auto& v) { return v.rule == quality::Rule::card_number; });
  ASSERT_NE(card, found.end());
  EXPECT_EQ(card->agent_id, "a-1");
  EXPECT_EQ(card->evidence.find("4111 1111 1111 1111"), std::string::npos) << "never in full";
  // The source is the conversation's AgentReplied at that feed position and version.
  const auto& source = by_seq.at(card->source_seq);
  EXPECT_EQ(source.key, (runtime::EntityKey{EntityKind::conversation, card->conversation_id}));
  EXPECT_EQ(source.event.version, card->source_version);
  auto replied = conversation::Codec::decode_event(source.event.payload);
  ASSERT_TRUE(replied);
  EXPECT_TRUE(std::holds_alternative<conversation::AgentReplied>(*replied));
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
