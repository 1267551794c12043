// `switchboard verify` over a log written by a real node: a clean log verifies, a damaged
// history is named (whether the journal or the entity's decoder finds it), a feed gap is found,
// and usage or a missing directory is a clear error.

#include "runtime/verify/verify_command.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "runtime/journal/envelope_codec.hpp"
#include "runtime/journal/existing_journal.hpp"
#include "runtime/journal/storage_keys.hpp"
#include "runtime/verify/log_verifier.hpp"
#include "tests/reporting/node_fixture.hpp"
#include "tests/runtime/journal/raw_database.hpp"

namespace sb::verify {
namespace {

using sb::testing::RawColumn;

struct Outcome {
  int code = 0;
  std::string out;
  std::string err;
};

class VerifyCommandTest : public reporting::test::NodeFixture {
 protected:
  // A node's log with bot conversations and one handed to an agent; returns one conversation.
  runtime::EntityKey write_log() {
    start_node();
    auto first = say("visitor-1", "v1-1", "我的订单到哪了");
    EXPECT_TRUE(first);
    script_traffic();
    stop_node();
    return runtime::EntityKey{EntityKind::conversation, first ? first->conversation_id : ""};
  }

  Outcome run(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"--storage.path", data_dir()};
    args.insert(args.end(), extra.begin(), extra.end());
    std::ostringstream out, err;
    Outcome r;
    r.code = run_verify(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
  }

  VerifyReport verify() {
    auto journal = runtime::open_existing_journal(data_dir(), 8u << 20);
    EXPECT_TRUE(journal) << journal.error();
    auto report = verify_log(**journal, VerifyOptions{});
    EXPECT_TRUE(report) << report.error();
    return report ? *report : VerifyReport{};
  }
};

TEST_F(VerifyCommandTest, ARealNodesLogVerifiesClean) {
  write_log();
  const auto report = verify();
  EXPECT_TRUE(report.clean());
  EXPECT_GE(report.kinds.at(EntityKind::conversation).entities, 3u);
  EXPECT_GE(report.kinds.at(EntityKind::customer).entities, 3u);
  EXPECT_EQ(report.kinds.at(EntityKind::agent).entities, 1u);
  EXPECT_GT(report.events(), 10u);
  auto journal = runtime::open_existing_journal(data_dir(), 8u << 20);
  EXPECT_EQ(report.feed_entries, (*journal)->last_seq());

  const auto text = run({"--threads", "3"});
  EXPECT_EQ(text.code, 0) << text.out << text.err;
  EXPECT_NE(text.out.find("verified: no damage found"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("conversation"), std::string::npos) << text.out;
}

TEST_F(VerifyCommandTest, DamagedHistoriesAreNamedAndAFeedGapIsFound) {
  const auto conversation = write_log();
  ASSERT_FALSE(conversation.id.empty());
  // Version 2 in a well-formed envelope whose event the conversation's codec cannot decode:
  // only a replay through the entity's own rules finds this.
  runtime::EventRecord garbage{2, 0, "", "", "", "not a conversation event"};
  sb::testing::write_raw(data_dir(), RawColumn::events,
                         runtime::storage_keys::event_key(conversation, 2),
                         runtime::encode_event_envelope(conversation, garbage));
  // An agent's version 1 unreadable as an envelope: the journal itself refuses it.
  const runtime::EntityKey agent{EntityKind::agent, "a-1"};
  sb::testing::write_raw(data_dir(), RawColumn::events, runtime::storage_keys::event_key(agent, 1),
                         "garbage!");
  sb::testing::write_raw(data_dir(), RawColumn::feed, runtime::storage_keys::feed_key(5),
                         std::nullopt);

  const auto report = verify();
  EXPECT_FALSE(report.clean());
  EXPECT_EQ(report.damaged, 2u);
  ASSERT_EQ(report.problems.size(), 2u);
  const auto named = [&](const std::string& what) {
    return std::any_of(
        report.problems.begin(), report.problems.end(),
        [&](const std::string& problem) { return problem.find(what) != std::string::npos; });
  };
  EXPECT_TRUE(named(conversation.id)) << report.problems.front();
  EXPECT_TRUE(named("a-1")) << report.problems.front();
  ASSERT_TRUE(report.feed_problem);
  EXPECT_NE(report.feed_problem->find("gap at seq 5"), std::string::npos) << *report.feed_problem;

  const auto text = run();
  EXPECT_EQ(text.code, 1);
  EXPECT_NE(text.out.find("damaged: 2 entities"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("DAMAGE FOUND"), std::string::npos) << text.out;
}

TEST_F(VerifyCommandTest, UsageAndMissingDataAreClearErrors) {
  auto zero = run({"--threads", "0"});
  EXPECT_EQ(zero.code, 2);
  EXPECT_NE(zero.err.find("--threads '0'"), std::string::npos) << zero.err;
  auto unknown = run({"--fast"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("unknown option '--fast'"), std::string::npos) << unknown.err;

  std::ostringstream out, err;
  EXPECT_EQ(run_verify({"--storage.path", data_dir() + "/nothing-here"}, out, err), 1);
  EXPECT_NE(err.str().find("there is no data directory"), std::string::npos) << err.str();
  std::ostringstream help;
  EXPECT_EQ(run_verify({"--help"}, help, err), 0);
  EXPECT_NE(help.str().find("usage: switchboard verify"), std::string::npos);
}

}  // namespace
}  // namespace sb::verify
