// The RocksDB journal's contract: atomic appends with an expected-version check, gap-checked
// replay, snapshots, the global feed, and precise errors for bad requests, bad disks and bad data.

#include "runtime/journal/rocksdb_journal.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <rocksdb/db.h>
#include <rocksdb/env.h>

#include "runtime/journal/storage_keys.hpp"
#include "tests/runtime/journal/journal_test_util.hpp"
#include "tests/runtime/journal/raw_database.hpp"
#include "tests/support/fault_injection_fs.hpp"
#include "tests/support/temp_dir.hpp"

namespace sb::runtime {
namespace {

using sb::testing::append_one;
using sb::testing::conversation;
using sb::testing::make_append;
using sb::testing::RawColumn;

class RocksDbJournalTest : public ::testing::Test {
 protected:
  std::unique_ptr<RocksDbJournal> open() {
    auto journal = RocksDbJournal::open({dir_.str(), env_});
    EXPECT_TRUE(journal) << journal.error().message;
    return journal ? std::move(*journal) : nullptr;
  }
  void put_raw(sb::testing::RawColumn column, const std::string& key, const std::string& value) {
    sb::testing::write_raw(dir_.str(), column, key, value);
  }
  sb::testing::TempDir dir_;
  rocksdb::Env* env_ = nullptr;
};

TEST_F(RocksDbJournalTest, AppendsAreRecoveredInOrder) {
  auto journal = open();
  auto key = conversation("c-1");
  ASSERT_EQ(*append_one(*journal, make_append(key, 0, 2)), 2u);
  ASSERT_EQ(*append_one(*journal, make_append(key, 2, 1)), 3u);
  auto recovery = journal->recover(key);
  ASSERT_TRUE(recovery);
  EXPECT_EQ(recovery->version, 3u);
  ASSERT_EQ(recovery->events.size(), 3u);
  for (std::uint64_t v = 1; v <= 3; ++v) EXPECT_EQ(recovery->events[v - 1].version, v);
  EXPECT_EQ(recovery->events[0].correlation_id, "corr");
}

TEST_F(RocksDbJournalTest, TheWakeUpIndexIsWrittenWithTheEventsAndSurvivesAReopen) {
  auto key = conversation("c-1");
  auto other = conversation("c-2");
  {
    auto journal = open();
    auto first = make_append(key, 0);
    first.wake = WakeUpdate{5'000};
    ASSERT_TRUE(append_one(*journal, first));
    auto second = make_append(other, 0);
    second.wake = WakeUpdate{9'000};
    ASSERT_TRUE(append_one(*journal, second));
    // A refused request (stale version) writes no index entry either.
    auto stale = make_append(conversation("c-3"), 4);
    stale.wake = WakeUpdate{1'000};
    ASSERT_FALSE(append_one(*journal, stale));
    auto unchanged = make_append(key, 1);  // no `wake`: the entry stays as it was
    ASSERT_TRUE(append_one(*journal, unchanged));
  }
  auto journal = open();
  auto all = *journal->read_wake_index(100'000, 10);  // in key order, which is not due order
  std::sort(all.begin(), all.end(), [](const WakeEntry& a, const WakeEntry& b) { return a.due_ms < b.due_ms; });
  EXPECT_EQ(all, (std::vector<WakeEntry>{{key, 5'000}, {other, 9'000}}));
  EXPECT_EQ(*journal->read_wake_index(6'000, 10), (std::vector<WakeEntry>{{key, 5'000}}));
  EXPECT_EQ(journal->read_wake_index(100'000, 1)->size(), 1u);
  auto cleared = make_append(key, 2);
  cleared.wake = WakeUpdate{std::nullopt};
  ASSERT_TRUE(append_one(*journal, cleared));
  EXPECT_EQ(*journal->read_wake_index(100'000, 10), (std::vector<WakeEntry>{{other, 9'000}}));
}

TEST_F(RocksDbJournalTest, AnUnknownEntityRecoversEmpty) {
  auto journal = open();
  auto recovery = journal->recover(conversation("nobody"));
  ASSERT_TRUE(recovery);
  EXPECT_EQ(recovery->version, 0u);
  EXPECT_TRUE(recovery->events.empty());
}

TEST_F(RocksDbJournalTest, OnlyAnEntityWithoutHistoryIsSurelyNew) {
  auto key = conversation("c-1");
  {
    auto journal = open();
    EXPECT_TRUE(journal->surely_new(key));
    ASSERT_TRUE(append_one(*journal, make_append(key, 0)));
    EXPECT_FALSE(journal->surely_new(key));
  }
  auto journal = open();  // RocksDB writes the recovered log into a table file at open
  EXPECT_FALSE(journal->surely_new(key));
  EXPECT_TRUE(journal->surely_new(conversation("c-2")));
}

TEST_F(RocksDbJournalTest, AStaleExpectedVersionIsAConflictAndWritesNothing) {
  auto journal = open();
  auto key = conversation("c-1");
  ASSERT_TRUE(append_one(*journal, make_append(key, 0)));
  auto stale = append_one(*journal, make_append(key, 0));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, JournalErrc::conflict);
  EXPECT_EQ(journal->recover(key)->version, 1u);
  EXPECT_EQ(journal->last_seq(), 1u);
}

TEST_F(RocksDbJournalTest, AGroupWritesEveryValidRequestAndRefusesTheOthers) {
  auto journal = open();
  std::vector<AppendRequest> group{make_append(conversation("a"), 0), make_append(conversation("b"), 5),
                                   make_append(conversation("a"), 1, 2), make_append(conversation("c"), 0, 0)};
  auto results = journal->append(group, true);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_EQ(*results[0], 1u);
  EXPECT_EQ(results[1].error().code, JournalErrc::conflict);
  EXPECT_EQ(*results[2], 3u);  // the same entity twice in one group: versions chain
  EXPECT_EQ(results[3].error().code, JournalErrc::invalid_argument);
  EXPECT_EQ(journal->recover(conversation("a"))->version, 3u);
  EXPECT_EQ(journal->last_seq(), 3u);
}

TEST_F(RocksDbJournalTest, MalformedRequestsAreInvalidArguments) {
  auto journal = open();
  auto key = conversation("c-1");
  auto too_many = make_append(key, 0, kEventsPerAppendMax + 1);
  EXPECT_EQ(append_one(*journal, too_many).error().code, JournalErrc::invalid_argument);
  auto gap = make_append(key, 0, 2);
  gap.events[1].version = 5;
  EXPECT_EQ(append_one(*journal, gap).error().code, JournalErrc::invalid_argument);
  auto huge = make_append(key, 0);
  huge.events[0].payload.assign(kEventPayloadBytesMax + 1, 'x');
  EXPECT_EQ(append_one(*journal, huge).error().code, JournalErrc::invalid_argument);
  EXPECT_EQ(journal->last_seq(), 0u);
}

TEST_F(RocksDbJournalTest, TheFeedIsGlobalGapFreeAndContinuesAfterReopen) {
  {
    auto journal = open();
    ASSERT_TRUE(append_one(*journal, make_append(conversation("a"), 0, 2)));
    ASSERT_TRUE(append_one(*journal, make_append(conversation("b"), 0, 1)));
  }
  auto journal = open();
  EXPECT_EQ(journal->last_seq(), 3u);
  ASSERT_TRUE(append_one(*journal, make_append(conversation("a"), 2, 1)));
  auto feed = journal->read_feed(0, 100);
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->size(), 4u);
  const std::vector<std::pair<std::string, std::uint64_t>> expected{{"a", 1}, {"a", 2}, {"b", 1}, {"a", 3}};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ((*feed)[i].seq, i + 1);
    EXPECT_EQ((*feed)[i].key.id, expected[i].first);
    EXPECT_EQ((*feed)[i].event.version, expected[i].second);
  }
  auto tail = journal->read_feed(2, 1);
  ASSERT_EQ(tail->size(), 1u);
  EXPECT_EQ(tail->front().seq, 3u);
}

TEST_F(RocksDbJournalTest, TheFeedCarriesEachEventItself) {
  auto key = conversation("c-1");
  auto request = make_append(key, 0, 2);
  {
    auto journal = open();
    ASSERT_TRUE(append_one(*journal, request));
  }
  // The feed is read as one scan of its own column family: it does not need the events column.
  put_raw(RawColumn::events, storage_keys::event_key(key, 2), "garbage!");
  auto feed = open()->read_feed(0, 100);
  ASSERT_TRUE(feed) << feed.error().message;
  ASSERT_EQ(feed->size(), 2u);
  EXPECT_EQ((*feed)[1].event.payload, request.events[1].payload);
  EXPECT_EQ((*feed)[1].event.command_id, request.events[1].command_id);
}

TEST_F(RocksDbJournalTest, AnOlderFeedThatNamesEventKeysStillReads) {
  auto key = conversation("c-1");
  auto request = make_append(key, 0, 3);
  {
    auto journal = open();
    ASSERT_TRUE(append_one(*journal, request));
  }
  // Logs written before the feed carried events hold the event's key as the value.
  put_raw(RawColumn::feed, storage_keys::feed_key(2), storage_keys::event_key(key, 2));
  auto feed = open()->read_feed(0, 100);
  ASSERT_TRUE(feed) << feed.error().message;
  ASSERT_EQ(feed->size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ((*feed)[i].seq, i + 1);
    EXPECT_EQ((*feed)[i].key, key);
    EXPECT_EQ((*feed)[i].event.version, i + 1);
    EXPECT_EQ((*feed)[i].event.payload, request.events[i].payload);
  }
  // A named event that is missing is an error, not a silently shorter page.
  put_raw(RawColumn::feed, storage_keys::feed_key(3), storage_keys::event_key(key, 9));
  auto broken = open()->read_feed(0, 100);
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("feed seq 3"), std::string::npos) << broken.error().message;
}

TEST_F(RocksDbJournalTest, RecoveryStartsFromTheSnapshotAndReplaysTheTail) {
  auto journal = open();
  auto key = conversation("c-1");
  ASSERT_TRUE(append_one(*journal, make_append(key, 0, 5)));
  ASSERT_TRUE(journal->save_snapshot(key, SnapshotRecord{4, 7, "state@4", {{"cmd-9", 3, 4}}}));
  ASSERT_TRUE(append_one(*journal, make_append(key, 5, 2)));
  auto recovery = journal->recover(key);
  ASSERT_TRUE(recovery);
  ASSERT_TRUE(recovery->snapshot);
  EXPECT_EQ(recovery->snapshot->state, "state@4");
  EXPECT_EQ(recovery->snapshot->recent_commands.front().command_id, "cmd-9");
  ASSERT_EQ(recovery->events.size(), 3u);
  EXPECT_EQ(recovery->events.front().version, 5u);
  EXPECT_EQ(recovery->version, 7u);
}

TEST_F(RocksDbJournalTest, ReadReturnsARange) {
  auto journal = open();
  auto key = conversation("c-1");
  ASSERT_TRUE(append_one(*journal, make_append(key, 0, 6)));
  auto events = journal->read(key, 2, 4);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ(events->front().version, 3u);
  EXPECT_EQ(events->back().version, 4u);
}

TEST_F(RocksDbJournalTest, ACorruptRecordIsReportedNotReplayed) {
  auto key = conversation("c-1");
  {
    auto journal = open();
    ASSERT_TRUE(append_one(*journal, make_append(key, 0, 3)));
    ASSERT_TRUE(append_one(*journal, make_append(conversation("healthy"), 0, 1)));
  }
  // Damage version 2 behind the journal's back.
  put_raw(RawColumn::events, storage_keys::event_key(key, 2), "garbage!");
  auto journal = open();
  auto recovery = journal->recover(key);
  ASSERT_FALSE(recovery);
  EXPECT_EQ(recovery.error().code, JournalErrc::corruption);
  EXPECT_NE(recovery.error().message.find("c-1"), std::string::npos);
  // Other entities are unaffected.
  EXPECT_TRUE(journal->recover(conversation("healthy")));
}

TEST_F(RocksDbJournalTest, AReadOnlyDirectoryIsAClearError) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  std::filesystem::permissions(dir_.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  auto journal = RocksDbJournal::open({dir_.str("sub"), nullptr});
  ASSERT_FALSE(journal);
  EXPECT_NE(journal.error().message.find("cannot open"), std::string::npos);
  std::filesystem::permissions(dir_.path(), std::filesystem::perms::owner_all);
}

TEST_F(RocksDbJournalTest, MissingParentDirectoriesAreCreated) {
  const auto path = dir_.str("srv/switchboard/data");
  {
    auto journal = RocksDbJournal::open({path, nullptr});
    ASSERT_TRUE(journal) << journal.error().message;
    ASSERT_TRUE(append_one(**journal, make_append(conversation("c-1"), 0)));
  }
  auto reopened = RocksDbJournal::open({path, nullptr});
  ASSERT_TRUE(reopened) << reopened.error().message;
  EXPECT_EQ((*reopened)->last_seq(), 1u);
}

TEST_F(RocksDbJournalTest, AReadOnlyOpenCreatesNothing) {
  const auto path = dir_.str("missing/data");
  RocksDbJournalOptions options{path, nullptr};
  options.read_only = true;
  EXPECT_FALSE(RocksDbJournal::open(options));
  EXPECT_FALSE(std::filesystem::exists(dir_.str("missing")));
}

TEST_F(RocksDbJournalTest, APathThatIsAFileIsAClearError) {
  const auto path = dir_.str("not-a-directory");
  { std::ofstream(path) << "x"; }
  auto journal = RocksDbJournal::open({path, nullptr});
  ASSERT_FALSE(journal);
  EXPECT_NE(journal.error().message.find("cannot open " + path), std::string::npos);
}

TEST_F(RocksDbJournalTest, AFullDiskFailsTheAppendKeepsAcknowledgedEventsAndRecovers) {
  auto fs = std::make_shared<sb::testing::FaultInjectionFs>(rocksdb::FileSystem::Default());
  auto env = rocksdb::NewCompositeEnv(fs);
  env_ = env.get();
  auto journal = open();
  auto key = conversation("c-1");
  ASSERT_TRUE(append_one(*journal, make_append(key, 0, 2)));

  fs->set_no_space(true);
  auto failed = append_one(*journal, make_append(key, 2, 1));
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, JournalErrc::no_space);
  EXPECT_NE(failed.error().message.find("outcome unknown"), std::string::npos);

  fs->set_no_space(false);  // space was freed
  auto recovery = journal->recover(key);
  ASSERT_TRUE(recovery);
  ASSERT_GE(recovery->version, 2u);
  auto next = append_one(*journal, make_append(key, recovery->version, 1));
  ASSERT_TRUE(next) << next.error().message;
  journal.reset();
  env_ = nullptr;
  auto reopened = RocksDbJournal::open({dir_.str(), env.get()});
  ASSERT_TRUE(reopened);
  EXPECT_EQ((*reopened)->recover(key)->version, recovery->version + 1);
}

}  // namespace
}  // namespace sb::runtime
