#pragma once
// Read-side views over Customer states, for the agent desk. Pure.

#include <cstddef>
#include <vector>

#include "actors/customer/customer_model.hpp"

namespace sb::customer {

// One timeline for the agent: the survivor's entries and those of the customers it absorbed
// (their states, as loaded by the caller following State::absorbed, recursively when needed),
// in time order, the newest `entries_max` kept. Histories stay with their own customers, so this
// is a view, not a copy that unmerge would have to undo.
std::vector<TimelineEntry> merged_timeline(const State& survivor,
                                           const std::vector<State>& absorbed,
                                           std::size_t entries_max = kTimelineEntriesMax);

// The same over timelines already read: every part's entries in time order, each conversation
// or ticket once (its earliest record), the newest `entries_max` kept.
std::vector<TimelineEntry> merge_timelines(std::vector<std::vector<TimelineEntry>> parts,
                                           std::size_t entries_max = kTimelineEntriesMax);

}  // namespace sb::customer
