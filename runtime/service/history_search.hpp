#pragma once
// Searching a customer's history: which transcript lines of a conversation match a query, and
// how the matches of several conversations are put together. Pure.

#include <string>
#include <string_view>
#include <vector>

#include "actors/conversation/conversation_model.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::service {

// The lines of the conversation whose text contains `query`, ignoring the case of Latin letters.
std::vector<HistoryMatch> history_matches(const std::string& conversation_id,
                                          const conversation::State& state, std::string_view query);

// All matches in time order, the newest `matches_max` kept.
std::vector<HistoryMatch> newest_matches(std::vector<HistoryMatch> matches,
                                         std::size_t matches_max = kSearchMatchesMax);

}  // namespace sb::service
