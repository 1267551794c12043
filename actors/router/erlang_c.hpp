#pragma once
// Erlang B/C queueing formulas (M/M/c): the probability that an arrival waits, the average speed
// of answer and the service level, for `servers` parallel servers and an offered load of
// `erlangs` = arrival rate x mean handle time.
// Computed with the Erlang-B recurrence B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1)), which stays
// within [0, 1] at every step: no factorials or powers, so it is exact enough for thousands of
// servers (a factorial form overflows a double beyond ~170 servers).

#include <cstdint>

namespace sb::router::erlang_c {

// Blocking probability of an M/M/c/c system (Erlang B). REQUIRES: erlangs >= 0.
double erlang_b(std::uint32_t servers, double erlangs);

// Probability that an arrival has to wait (Erlang C). 1 when the system is overloaded
// (erlangs >= servers) or has no servers. REQUIRES: erlangs >= 0.
double probability_of_waiting(std::uint32_t servers, double erlangs);

// Mean wait of an arrival, in units of the handle time unit (ASA = P_w · AHT / (c − A)).
// Returns +infinity when erlangs >= servers (the queue grows without bound).
double average_speed_of_answer(std::uint32_t servers, double erlangs, double handle_time);

// Share of arrivals answered within `target` (same unit as `handle_time`):
// SL = 1 − P_w · exp(−(c − A) · target / AHT). 0 when overloaded.
double service_level(std::uint32_t servers, double erlangs, double handle_time, double target);

// The smallest number of servers reaching `service_level_goal` (0..1) within `target`, at most
// `servers_max`; servers_max + 1 when even that is not enough.
std::uint32_t servers_needed(double erlangs, double handle_time, double target,
                             double service_level_goal, std::uint32_t servers_max);

}  // namespace sb::router::erlang_c
