// The monitor's batching of findings into records: when a record is worth writing, that its own
// events never cause records, and the bounds that keep a record within one append.

#include "actors/quality/check_batch.hpp"

#include <gtest/gtest.h>

namespace sb::quality {
namespace {

Violation violation(Rule rule = Rule::rudeness) {
  return Violation{rule, "\"stupid\"", "a-1", "c-1", {}};
}

TEST(CheckBatch, FindingsAreRecordedWithThePositionReached) {
  CheckBatch batch(10);
  batch.checked(11, 4, {});
  EXPECT_FALSE(batch.worth_recording()) << "nothing found, far from a checkpoint";
  batch.checked(12, 5, {violation(), violation(Rule::card_number)});
  batch.passed_over(13);
  batch.checked(14, 6, {});
  ASSERT_TRUE(batch.worth_recording());
  EXPECT_FALSE(batch.nothing_pending());
  const RecordCheck record = batch.take({});
  EXPECT_EQ(record.through_seq, 14u);
  EXPECT_EQ(record.findings,
            (std::vector<Finding>{{violation(), 12, 5}, {violation(Rule::card_number), 12, 5}}));
  EXPECT_TRUE(batch.nothing_pending());
  EXPECT_FALSE(batch.worth_recording());
  EXPECT_EQ(batch.position(), 14u);
}

TEST(CheckBatch, OwnEventsNeverCauseARecord) {
  CheckBatch batch(0);
  for (std::uint64_t seq = 1; seq <= 2 * kCheckpointEveryEntries; ++seq) batch.passed_over(seq);
  EXPECT_FALSE(batch.worth_recording());
  EXPECT_EQ(batch.position(), 2 * kCheckpointEveryEntries);
}

TEST(CheckBatch, ALongCleanStretchIsCheckpointed) {
  CheckBatch batch(0);
  for (std::uint64_t seq = 1; seq < kCheckpointEveryEntries; ++seq) batch.checked(seq, 1, {});
  EXPECT_FALSE(batch.worth_recording());
  batch.checked(kCheckpointEveryEntries, 1, {});
  ASSERT_TRUE(batch.worth_recording());
  const RecordCheck record = batch.take({});
  EXPECT_EQ(record.through_seq, kCheckpointEveryEntries);
  EXPECT_TRUE(record.findings.empty());
}

TEST(CheckBatch, AnEntryKeepsAtMostItsShareAndARecordFitsOneAppend) {
  CheckBatch batch(0);
  batch.checked(1, 1, std::vector<Violation>(kFindingsPerEntryMax + 5, violation()));
  std::uint64_t seq = 1;
  while (!batch.full())
    batch.checked(++seq, 1, std::vector<Violation>(kFindingsPerEntryMax, violation()));
  const RecordCheck record = batch.take({});
  EXPECT_LE(record.findings.size(), kFindingsPerCheckMax);
  EXPECT_GT(record.findings.size() + kFindingsPerEntryMax, kFindingsPerCheckMax)
      << "full means full";
  std::size_t from_first = 0;
  for (const auto& f : record.findings) from_first += f.source_seq == 1;
  EXPECT_EQ(from_first, kFindingsPerEntryMax);
}

}  // namespace
}  // namespace sb::quality
