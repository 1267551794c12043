#pragma once
// What the monitor has checked in the feed but not yet recorded, gathered into RecordCheck
// commands. Pure: the actor feeds it entry by entry and appends what take() returns.
//
// A record is worth writing when it carries findings (they must become events), or when
// kCheckpointEveryEntries entries have been checked since the last one (so a restart does not
// check a long stretch again). The monitor's own events are passed over and never count: its
// records must not cause further records.

#include <cstdint>
#include <optional>
#include <vector>

#include "actors/quality/quality_model.hpp"

namespace sb::quality {

class CheckBatch {
 public:
  // Starts after `recorded_through`, the position the log holds.
  explicit CheckBatch(std::uint64_t recorded_through = 0);

  // Entry `seq` (after position()) was checked and revealed `violations`; at most
  // kFindingsPerEntryMax of them are kept.
  void checked(std::uint64_t seq, std::uint64_t source_version, std::vector<Violation> violations);
  // Entry `seq` needs no check (one of the monitor's own events).
  void passed_over(std::uint64_t seq);

  // Another entry's findings might not fit into one record: take() before checking more.
  bool full() const;
  bool worth_recording() const;
  // The record of everything since the last one (REQUIRES: worth_recording()).
  RecordCheck take(Timestamp at);

  // Checked through here (in memory; the log may hold less until the next record).
  std::uint64_t position() const { return position_; }
  // Every finding up to position() has been taken.
  bool nothing_pending() const { return findings_.empty(); }

 private:
  std::uint64_t position_ = 0;
  std::uint64_t unrecorded_entries_ = 0;
  std::vector<Finding> findings_;
};

}  // namespace sb::quality
