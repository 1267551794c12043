#pragma once
// Read-side views over Customer states, for the agent desk. Pure.

#include <cstddef>
#include <vector>

#include "actors/customer/customer_model.hpp"

namespace sb::customer {

// One timeline for the agent: the timelines of a survivor and of the customers merged into it
// (as each answered, following State::absorbed), every entry in time order, each conversation or
// ticket once (its earliest record: it may be recorded on both sides around a merge), the newest
// `entries_max` kept. Histories stay with their own customers, so this is a view, not a copy that
// an unmerge would have to undo.
std::vector<TimelineEntry> merge_timelines(std::vector<std::vector<TimelineEntry>> parts,
                                           std::size_t entries_max = kTimelineEntriesMax);

}  // namespace sb::customer
