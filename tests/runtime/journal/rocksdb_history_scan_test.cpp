// RocksDbJournal::scan_recoveries: every entity's history in one pass, equal to what recover()
// returns for it, with damaged histories reported per entity while the scan goes on.

#include <map>

#include <gtest/gtest.h>

#include "runtime/journal/rocksdb_journal.hpp"
#include "runtime/journal/storage_keys.hpp"
#include "runtime/placement/placement.hpp"
#include "tests/runtime/journal/journal_test_util.hpp"
#include "tests/runtime/journal/raw_database.hpp"
#include "tests/support/temp_dir.hpp"

namespace sb::runtime {
namespace {

using sb::testing::append_one;
using sb::testing::conversation;
using sb::testing::make_append;
using sb::testing::RawColumn;

using Scanned = std::map<std::string, Expected<Recovery, JournalError>>;

class RocksDbHistoryScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto journal = open();
    // Twenty entities of 1..4 events; c-7 has a snapshot at version 2 of its 4.
    for (int i = 0; i < 20; ++i) {
      const auto key = conversation("c-" + std::to_string(i));
      ASSERT_TRUE(append_one(*journal, make_append(key, 0, 1 + i % 4)));
    }
    ASSERT_TRUE(journal->save_snapshot(conversation("c-7"), SnapshotRecord{2, 5, "state@2", {}}));
  }

  std::unique_ptr<RocksDbJournal> open() {
    auto journal = RocksDbJournal::open({dir_.str(), nullptr});
    EXPECT_TRUE(journal) << journal.error().message;
    return journal ? std::move(*journal) : nullptr;
  }

  Scanned scan(RocksDbJournal& journal, std::uint32_t first = 0, std::uint32_t end = kVshardCount) {
    Scanned scanned;
    std::string previous;
    auto result = journal.scan_recoveries(first, end, [&](const EntityKey& key, auto&& recovery) {
      const auto prefix = storage_keys::entity_prefix(key);
      EXPECT_LT(previous, prefix) << "not in key order";
      previous = prefix;
      scanned.emplace(key.id, std::move(recovery));
      return true;
    });
    EXPECT_TRUE(result) << result.error().message;
    return scanned;
  }

  sb::testing::TempDir dir_;
};

TEST_F(RocksDbHistoryScanTest, EveryEntityIsScannedAsRecoverReturnsIt) {
  auto journal = open();
  const auto scanned = scan(*journal);
  ASSERT_EQ(scanned.size(), 20u);
  for (const auto& [id, recovery] : scanned) {
    ASSERT_TRUE(recovery) << id << ": " << recovery.error().message;
    const auto expected = journal->recover(conversation(id));
    ASSERT_TRUE(expected);
    EXPECT_EQ(recovery->version, expected->version) << id;
    EXPECT_EQ(recovery->snapshot.has_value(), expected->snapshot.has_value()) << id;
    ASSERT_EQ(recovery->events.size(), expected->events.size()) << id;
    for (std::size_t i = 0; i < expected->events.size(); ++i) {
      EXPECT_EQ(recovery->events[i].version, expected->events[i].version);
      EXPECT_EQ(recovery->events[i].payload, expected->events[i].payload);
    }
  }
  const auto& with_snapshot = scanned.at("c-7");
  ASSERT_TRUE(with_snapshot->snapshot);
  EXPECT_EQ(with_snapshot->snapshot->state, "state@2");
  ASSERT_EQ(with_snapshot->events.size(), 2u);  // versions 3 and 4 only
  EXPECT_EQ(with_snapshot->events.front().version, 3u);
}

TEST_F(RocksDbHistoryScanTest, VshardRangesSplitTheScanWithoutOverlap) {
  auto journal = open();
  auto low = scan(*journal, 0, kVshardCount / 2);
  auto high = scan(*journal, kVshardCount / 2, kVshardCount);
  EXPECT_EQ(low.size() + high.size(), 20u);
  for (const auto& [id, recovery] : low) EXPECT_FALSE(high.contains(id)) << id;
  low.merge(high);
  EXPECT_EQ(low.size(), 20u);
  EXPECT_TRUE(scan(*journal, 5, 5).empty());
}

TEST_F(RocksDbHistoryScanTest, ADamagedHistoryIsThatEntitysErrorAndTheScanGoesOn) {
  write_raw(dir_.str(), RawColumn::events, storage_keys::event_key(conversation("c-3"), 2),
            "garbage!");
  write_raw(dir_.str(), RawColumn::events, storage_keys::event_key(conversation("c-6"), 2),
            std::nullopt);  // a gap
  auto journal = open();
  const auto scanned = scan(*journal);
  ASSERT_EQ(scanned.size(), 20u);
  const auto& garbage = scanned.at("c-3");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().code, JournalErrc::corruption);
  EXPECT_NE(garbage.error().message.find("c-3"), std::string::npos) << garbage.error().message;
  const auto& gap = scanned.at("c-6");
  ASSERT_FALSE(gap);
  EXPECT_NE(gap.error().message.find("gap at version 2"), std::string::npos) << gap.error().message;
  for (const auto& [id, recovery] : scanned) {
    if (id != "c-3" && id != "c-6") {
      EXPECT_TRUE(recovery) << id << ": " << recovery.error().message;
    }
  }
}

TEST_F(RocksDbHistoryScanTest, TheVisitorCanStopTheScan) {
  auto journal = open();
  int visited = 0;
  ASSERT_TRUE(journal->scan_recoveries(0, kVshardCount,
                                       [&](const EntityKey&, auto&&) { return ++visited < 3; }));
  EXPECT_EQ(visited, 3);
}

}  // namespace
}  // namespace sb::runtime
