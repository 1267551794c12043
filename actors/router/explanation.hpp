#pragma once
// Renders an AssignmentExplanation as one English line for supervisors and audit logs, e.g.
// "agent a-7 won: sticky (last agent 3 min ago); 2 other candidates: a-2 (level 4, load 1,
// 2 free, idle 5 min), a-3 (level 3, load 2, 1 free, idle 40 s)".

#include <string>

#include "actors/common/time.hpp"
#include "actors/router/router_model.hpp"

namespace sb::router {

std::string render(const AssignmentExplanation& explanation);

// "45 s", "3 min", "2 h 5 min": coarse on purpose, for people.
std::string render_duration(Duration d);

}  // namespace sb::router
