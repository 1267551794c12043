// A simulated power cut (the file system drops everything not fsynced): every append
// acknowledged in sync mode survives, no batch is torn, and nothing unacknowledged is
// half-visible. The same run proves the opposite for unsynced writes, so the test would notice
// if the journal stopped syncing.

#include <gtest/gtest.h>
#include <rocksdb/env.h>

#include <map>
#include <random>

#include "runtime/journal/rocksdb_journal.hpp"
#include "tests/runtime/journal/journal_test_util.hpp"
#include "tests/support/fault_injection_fs.hpp"
#include "tests/support/temp_dir.hpp"

namespace sb::runtime {
namespace {

using sb::testing::conversation;
using sb::testing::make_append;

constexpr std::size_t kEntities = 16;
constexpr std::size_t kEventsPerBatch = 3;

struct PowerCut {
  std::map<std::string, std::uint64_t> acknowledged;  // durable versions (sync acks)
  std::map<std::string, std::uint64_t> written;       // everything written, synced or not
};

// Appends random groups; the synced ones count as acknowledged. Then the power goes.
PowerCut run_until_power_cut(const std::string& path, sb::testing::FaultInjectionFs& fs,
                             rocksdb::Env* env, std::uint32_t seed, bool unsynced_tail) {
  PowerCut cut;
  auto journal = std::move(*RocksDbJournal::open({path, env}));
  std::mt19937 rng(seed);
  for (int round = 0; round < 60; ++round) {
    const bool sync = !unsynced_tail || round < 40;
    std::vector<AppendRequest> group;
    std::map<std::string, std::uint64_t> next = cut.written;
    for (std::size_t i = 0, n = 1 + rng() % 8; i < n; ++i) {
      const std::string id = "e" + std::to_string(rng() % kEntities);
      group.push_back(make_append(conversation(id), next[id], kEventsPerBatch));
      next[id] += kEventsPerBatch;
    }
    auto results = journal->append(group, sync);
    for (std::size_t i = 0; i < group.size(); ++i) {
      EXPECT_TRUE(results[i]) << results[i].error().message;
      cut.written[group[i].key.id] = *results[i];
      if (sync) cut.acknowledged[group[i].key.id] = *results[i];
    }
  }
  fs.set_active(false);  // the power goes: nothing more reaches the disk
  journal.reset();
  fs.drop_unsynced_data();
  fs.set_active(true);
  return cut;
}

void expect_consistent_after_restart(const std::string& path, rocksdb::Env* env,
                                     const PowerCut& cut, bool expect_all_written) {
  auto opened = RocksDbJournal::open({path, env});
  ASSERT_TRUE(opened) << opened.error().message;
  auto& journal = **opened;
  std::uint64_t total = 0;
  for (std::size_t e = 0; e < kEntities; ++e) {
    const std::string id = "e" + std::to_string(e);
    auto recovery = journal.recover(conversation(id));
    ASSERT_TRUE(recovery) << recovery.error().message;  // gap-free, decodable
    const auto acknowledged = cut.acknowledged.count(id) ? cut.acknowledged.at(id) : 0;
    const auto written = cut.written.count(id) ? cut.written.at(id) : 0;
    EXPECT_GE(recovery->version, acknowledged) << id << ": an acknowledged append was lost";
    EXPECT_LE(recovery->version, written) << id;
    EXPECT_EQ(recovery->version % kEventsPerBatch, 0u) << id << ": a batch was torn";
    if (expect_all_written) {
      EXPECT_EQ(recovery->version, written) << id;
    }
    total += recovery->version;
  }
  EXPECT_EQ(journal.last_seq(), total) << "the feed and the entities disagree";
  auto feed = journal.read_feed(0, total + 10);
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->size(), total);
}

TEST(PowerLoss, EveryAcknowledgedSyncedAppendSurvives) {
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    sb::testing::TempDir dir;
    auto fs = std::make_shared<sb::testing::FaultInjectionFs>(rocksdb::FileSystem::Default());
    auto env = rocksdb::NewCompositeEnv(fs);
    auto cut = run_until_power_cut(dir.str(), *fs, env.get(), seed, /*unsynced_tail=*/false);
    expect_consistent_after_restart(dir.str(), env.get(), cut, /*expect_all_written=*/true);
  }
}

TEST(PowerLoss, UnsyncedAppendsMayVanishButNeverTearOrLeaveGaps) {
  for (std::uint32_t seed : {4u, 5u, 6u}) {
    sb::testing::TempDir dir;
    auto fs = std::make_shared<sb::testing::FaultInjectionFs>(rocksdb::FileSystem::Default());
    auto env = rocksdb::NewCompositeEnv(fs);
    auto cut = run_until_power_cut(dir.str(), *fs, env.get(), seed, /*unsynced_tail=*/true);
    expect_consistent_after_restart(dir.str(), env.get(), cut, /*expect_all_written=*/false);
  }
}

// The fault injection is real: without fsync the tail really is lost.
TEST(PowerLoss, TheSimulatedCutReallyDropsUnsyncedWrites) {
  sb::testing::TempDir dir;
  auto fs = std::make_shared<sb::testing::FaultInjectionFs>(rocksdb::FileSystem::Default());
  auto env = rocksdb::NewCompositeEnv(fs);
  auto cut = run_until_power_cut(dir.str(), *fs, env.get(), 7, /*unsynced_tail=*/true);
  auto journal = std::move(*RocksDbJournal::open({dir.str(), env.get()}));
  std::uint64_t written = 0;
  for (const auto& [id, version] : cut.written) written += version;
  EXPECT_LT(journal->last_seq(), written);
}

}  // namespace
}  // namespace sb::runtime
