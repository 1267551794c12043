#include "runtime/quality/quality_projection.hpp"

namespace sb::quality {
namespace {

inline constexpr std::int64_t kHourMs = 3'600'000;

std::int64_t floor_hour(std::int64_t ms) {
  return ms >= 0 ? ms / kHourMs : -((-ms + kHourMs - 1) / kHourMs);
}
std::int64_t ceil_hour(std::int64_t ms) { return -floor_hour(-ms); }

}  // namespace

void QualityProjection::record(const Violation& v) {
  ++counts_[{floor_hour(to_unix_ms(v.at)), v.agent_id, v.rule}];
  ++total_;
}

std::vector<ViolationCount> QualityProjection::counts(
    Timestamp from, Timestamp to, const std::optional<std::string>& agent_id) const {
  const std::int64_t first = floor_hour(to_unix_ms(from));
  const std::int64_t last = ceil_hour(to_unix_ms(to));
  std::map<std::pair<std::string, Rule>, std::uint64_t> sums;
  for (auto it = counts_.lower_bound({first, std::string(), Rule::forbidden_phrase});
       it != counts_.end() && std::get<0>(it->first) < last; ++it) {
    const auto& [hour, agent, rule] = it->first;
    if (agent_id && *agent_id != agent) continue;
    sums[{agent, rule}] += it->second;
  }
  std::vector<ViolationCount> out;
  for (const auto& [key, count] : sums) out.push_back({key.first, key.second, count});
  return out;
}

}  // namespace sb::quality
