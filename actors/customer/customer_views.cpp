#include "actors/customer/customer_views.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace sb::customer {

std::vector<TimelineEntry> merge_timelines(std::vector<std::vector<TimelineEntry>> parts,
                                           std::size_t entries_max) {
  std::vector<TimelineEntry> all;
  for (auto& part : parts) all.insert(all.end(), part.begin(), part.end());
  std::sort(all.begin(), all.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
    return std::tie(a.started_at, a.kind, a.id) < std::tie(b.started_at, b.kind, b.id);
  });
  // The same conversation can appear twice when it was recorded on both sides around a merge.
  // The earliest record of it wins.
  std::set<std::pair<TimelineKind, std::string>> seen;
  std::erase_if(all, [&](const TimelineEntry& e) { return !seen.emplace(e.kind, e.id).second; });
  if (all.size() > entries_max) {
    all.erase(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(all.size() - entries_max));
  }
  return all;
}

}  // namespace sb::customer
