// A read-only journal (reports, tools): it reads what a writer made durable, refuses every write
// with a clear error, needs an existing database, and opens beside a writer that holds the LOCK.

#include <filesystem>

#include <gtest/gtest.h>

#include "runtime/journal/rocksdb_journal.hpp"
#include "tests/runtime/journal/journal_test_util.hpp"
#include "tests/support/temp_dir.hpp"

namespace sb::runtime {
namespace {

using sb::testing::append_one;
using sb::testing::conversation;
using sb::testing::make_append;

std::unique_ptr<RocksDbJournal> open_journal(const std::string& path, bool read_only) {
  RocksDbJournalOptions options;
  options.path = path;
  options.read_only = read_only;
  auto journal = RocksDbJournal::open(options);
  EXPECT_TRUE(journal) << journal.error().message;
  return journal ? std::move(*journal) : nullptr;
}

TEST(ReadOnlyJournal, ReadsWhatAWriterWrote) {
  sb::testing::TempDir dir;
  {
    auto writer = open_journal(dir.str(), false);
    ASSERT_TRUE(append_one(*writer, make_append(conversation("c-1"), 0, 3)));
  }
  auto reader = open_journal(dir.str(), true);
  EXPECT_EQ(reader->last_seq(), 3u);
  auto feed = reader->read_feed(0, 10);
  ASSERT_TRUE(feed) << feed.error().message;
  ASSERT_EQ(feed->size(), 3u);
  EXPECT_EQ(feed->back().key.id, "c-1");
  auto recovery = reader->recover(conversation("c-1"));
  ASSERT_TRUE(recovery);
  EXPECT_EQ(recovery->version, 3u);
}

TEST(ReadOnlyJournal, RefusesEveryWriteWithAClearError) {
  sb::testing::TempDir dir;
  { ASSERT_TRUE(open_journal(dir.str(), false)); }
  auto reader = open_journal(dir.str(), true);
  auto appended = append_one(*reader, make_append(conversation("c-1"), 0));
  ASSERT_FALSE(appended);
  EXPECT_EQ(appended.error().code, JournalErrc::unavailable);
  EXPECT_NE(appended.error().message.find("read-only"), std::string::npos)
      << appended.error().message;
  auto snapshot = reader->save_snapshot(conversation("c-1"), SnapshotRecord{1, 0, "s", {}});
  ASSERT_FALSE(snapshot);
  EXPECT_NE(snapshot.error().message.find("read-only"), std::string::npos);
  EXPECT_FALSE(reader->sync());
  EXPECT_EQ(reader->last_seq(), 0u);  // nothing was written
}

TEST(ReadOnlyJournal, AMissingDatabaseIsAnErrorAndIsNotCreated) {
  sb::testing::TempDir dir;
  const auto path = dir.str() + "/nothing-here";
  RocksDbJournalOptions options;
  options.path = path;
  options.read_only = true;
  auto journal = RocksDbJournal::open(options);
  ASSERT_FALSE(journal);
  EXPECT_NE(journal.error().message.find(path), std::string::npos) << journal.error().message;
  EXPECT_FALSE(std::filesystem::exists(path + "/CURRENT"));
}

TEST(ReadOnlyJournal, OpensBesideAWriterThatHoldsTheLock) {
  sb::testing::TempDir dir;
  auto writer = open_journal(dir.str(), false);
  ASSERT_TRUE(append_one(*writer, make_append(conversation("c-1"), 0, 2)));
  // A second writer is refused (the LOCK file) ...
  RocksDbJournalOptions second;
  second.path = dir.str();
  EXPECT_FALSE(RocksDbJournal::open(second));
  // ... but a reader is not, and sees what was written before it opened (from the WAL).
  auto reader = open_journal(dir.str(), true);
  ASSERT_TRUE(reader);
  auto feed = reader->read_feed(0, 10);
  ASSERT_TRUE(feed) << feed.error().message;
  EXPECT_EQ(feed->size(), 2u);
  // The writer is unaffected.
  EXPECT_TRUE(append_one(*writer, make_append(conversation("c-1"), 2)));
}

}  // namespace
}  // namespace sb::runtime
