#include "actors/router/erlang_c.hpp"

#include <cmath>
#include <limits>

#include "actors/common/assert.hpp"

namespace sb::router::erlang_c {

double erlang_b(std::uint32_t servers, double erlangs) {
  SB_ASSERT(erlangs >= 0.0);
  double b = 1.0;
  for (std::uint32_t n = 1; n <= servers; ++n) {
    const double ab = erlangs * b;
    b = ab / (static_cast<double>(n) + ab);
  }
  return b;
}

double probability_of_waiting(std::uint32_t servers, double erlangs) {
  SB_ASSERT(erlangs >= 0.0);
  const double c = static_cast<double>(servers);
  if (servers == 0 || erlangs >= c) return 1.0;
  const double b = erlang_b(servers, erlangs);
  // C = c·B / (c − A·(1 − B)): the standard conversion, well conditioned for A < c.
  return c * b / (c - erlangs * (1.0 - b));
}

double average_speed_of_answer(std::uint32_t servers, double erlangs, double handle_time) {
  const double c = static_cast<double>(servers);
  if (servers == 0 || erlangs >= c) return std::numeric_limits<double>::infinity();
  return probability_of_waiting(servers, erlangs) * handle_time / (c - erlangs);
}

double service_level(std::uint32_t servers, double erlangs, double handle_time, double target) {
  const double c = static_cast<double>(servers);
  if (servers == 0 || erlangs >= c) return 0.0;
  const double p_wait = probability_of_waiting(servers, erlangs);
  return 1.0 - p_wait * std::exp(-(c - erlangs) * target / handle_time);
}

std::uint32_t servers_needed(double erlangs, double handle_time, double target,
                             double service_level_goal, std::uint32_t servers_max) {
  // Start just above the offered load: fewer servers can never keep up.
  auto n = static_cast<std::uint32_t>(std::floor(erlangs)) + 1;
  for (; n <= servers_max; ++n) {
    if (service_level(n, erlangs, handle_time, target) >= service_level_goal) return n;
  }
  return servers_max + 1;
}

}  // namespace sb::router::erlang_c
