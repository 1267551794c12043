#include "actors/quality/check_batch.hpp"

#include <utility>

#include "actors/common/assert.hpp"

namespace sb::quality {

CheckBatch::CheckBatch(std::uint64_t recorded_through) : position_(recorded_through) {}

void CheckBatch::checked(std::uint64_t seq, std::uint64_t source_version,
                         std::vector<Violation> violations) {
  SB_ASSERT(seq > position_);
  position_ = seq;
  ++unrecorded_entries_;
  if (violations.size() > kFindingsPerEntryMax) violations.resize(kFindingsPerEntryMax);
  for (auto& violation : violations) {
    findings_.push_back(Finding{std::move(violation), seq, source_version});
  }
}

void CheckBatch::passed_over(std::uint64_t seq) {
  SB_ASSERT(seq > position_);
  position_ = seq;
}

bool CheckBatch::full() const {
  return findings_.size() + kFindingsPerEntryMax > kFindingsPerCheckMax;
}

bool CheckBatch::worth_recording() const {
  return !findings_.empty() || unrecorded_entries_ >= kCheckpointEveryEntries;
}

RecordCheck CheckBatch::take(Timestamp at) {
  SB_ASSERT(worth_recording());
  RecordCheck record{position_, std::move(findings_), at};
  findings_.clear();
  unrecorded_entries_ = 0;
  return record;
}

}  // namespace sb::quality
