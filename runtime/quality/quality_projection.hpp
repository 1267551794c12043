#pragma once
// Violations counted per hour, agent and rule, for reports. Fed with every Violation as it is
// published (or replayed from the violation events); deterministic like the analytics projection.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "runtime/quality/violation.hpp"

namespace sb::quality {

struct ViolationCount {
  std::string agent_id;
  Rule rule = Rule::forbidden_phrase;
  std::uint64_t count = 0;
  bool operator==(const ViolationCount&) const = default;
};

class QualityProjection {
 public:
  void record(const Violation& violation);
  // Counts for hours in [hour_of(from), ceil_hour(to)), one agent or all, by agent then rule.
  std::vector<ViolationCount> counts(Timestamp from, Timestamp to,
                                     const std::optional<std::string>& agent_id) const;
  std::uint64_t total() const { return total_; }

 private:
  std::map<std::tuple<std::int64_t, std::string, Rule>, std::uint64_t> counts_;
  std::uint64_t total_ = 0;
};

}  // namespace sb::quality
