#pragma once
// The demo's closing page, for a manager rather than an engineer: how many messages, how many
// the bot answered, how many went to a person and how long they waited, tickets, SLA warnings
// and breaches, what customers asked most, and how the work spread over the agents.

#include <string>

#include "runtime/load/load_result.hpp"
#include "runtime/load/run_analytics.hpp"

namespace sb::load {

inline constexpr std::size_t kTopQuestionsShown = 5;

std::string render_manager_summary(const RunAnalytics& analytics, const LoadResult& load);

}  // namespace sb::load
