// Routing decision latency at a Singles' Day peak: 1,000 agents all busy and 10,000 conversations
// queued. Each iteration an agent finishes a chat (untimed), then the timed decision: a new
// conversation is enqueued, dispatch finds the one offer the free slot allows, and the agent
// accepts it. The queue stays at 10,000. Prints p50/p99 of the decision latency.
// Run: router_bench   (20,000 decisions; target: p99 ≤ 1 ms, DESIGN.md §6)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "actors/router/skill_router.hpp"

namespace sb::router {
namespace {

constexpr int kAgents = 1'000;
constexpr int kQueued = 10'000;
constexpr int kSkills = 4;
constexpr std::uint16_t kChatSlots = 3;

Timestamp at_s(std::int64_t s) { return from_unix_ms(1'699'999'980'000 + s * 1000); }

AgentAvailability busy_agent(int i, std::uint16_t load, std::uint64_t revision) {
  AgentAvailability a;
  a.agent_id = "agent-" + std::to_string(i);
  a.presence = Presence::online;
  a.skills = {{"skill-" + std::to_string(i % kSkills), static_cast<std::uint8_t>(1 + i % 5)},
              {"skill-" + std::to_string((i + 1) % kSkills), static_cast<std::uint8_t>(1 + i % 3)}};
  a.capacity.chat = kChatSlots;
  a.load.chat = load;
  a.idle_since = at_s(-static_cast<std::int64_t>(i));
  a.groups = {"peak"};
  a.revision = revision;
  return a;
}

QueuedConversation conversation(std::mt19937_64& rng, int n, Timestamp at) {
  QueuedConversation c;
  c.conversation_id = "conv-" + std::to_string(n);
  c.customer_id = "cust-" + std::to_string(n);
  const auto r = rng();
  c.tier = static_cast<Tier>(1 + r % 4);
  c.skill = "skill-" + std::to_string((r >> 8) % kSkills);
  c.required_level = static_cast<std::uint8_t>(1 + (r >> 16) % 3);
  c.kind = ChannelKind::chat;
  c.enqueued_at = at;
  return c;
}

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "router_bench: %s\n", what);
    std::abort();
  }
}

double percentile_us(std::vector<double> ns, double p) {
  if (ns.empty()) return 0.0;
  std::sort(ns.begin(), ns.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(ns.size() - 1));
  return ns[i] / 1000.0;
}

void BM_RoutingDecision(benchmark::State& state) {
  RouterConfig config;
  config.group_id = "peak";
  auto created = SkillRouter::create(config);
  check(created.has_value(), "config");
  SkillRouter router = std::move(created).value();
  std::mt19937_64 rng(7);
  std::vector<std::uint64_t> revisions(kAgents, 1);
  for (int i = 0; i < kAgents; ++i)
    check(router.update_agent(busy_agent(i, kChatSlots, 1)).has_value(), "agent");
  int next = 0;
  for (; next < kQueued; ++next) {
    check(router.enqueue(conversation(rng, next, at_s(-kQueued + next))).has_value(), "enqueue");
  }
  std::vector<double> latencies_ns;
  latencies_ns.reserve(static_cast<std::size_t>(state.max_iterations));
  std::int64_t second = 0;
  for (auto _ : state) {
    const Timestamp now = at_s(++second);
    const int freed = static_cast<int>(rng() % kAgents);
    auto released = router.update_agent(busy_agent(freed, kChatSlots - 1, ++revisions[freed]));
    check(released.has_value(), "release");

    const auto start = std::chrono::steady_clock::now();
    check(router.enqueue(conversation(rng, next++, now)).has_value(), "enqueue");
    std::vector<Offer> offers = router.dispatch(now);
    check(offers.size() == 1, "one free slot must give one offer");
    auto accepted = router.accept(offers.front().offer_id);
    benchmark::DoNotOptimize(accepted);
    const auto end = std::chrono::steady_clock::now();

    const double ns = std::chrono::duration<double, std::nano>(end - start).count();
    latencies_ns.push_back(ns);
    state.SetIterationTime(ns / 1e9);
  }
  const double p50 = percentile_us(latencies_ns, 0.50);
  const double p99 = percentile_us(latencies_ns, 0.99);
  state.counters["p50_us"] = p50;
  state.counters["p99_us"] = p99;
  state.counters["queued"] = static_cast<double>(router.snapshot(at_s(second)).waiting);
  std::printf(
      "routing decision (enqueue → dispatch → accept), %d agents, %d queued: p50 %.1f µs, "
      "p99 %.1f µs over %zu decisions\n",
      kAgents, kQueued, p50, p99, latencies_ns.size());
}
BENCHMARK(BM_RoutingDecision)->UseManualTime()->Iterations(20'000)->Unit(benchmark::kMicrosecond);

// The actor pushes queue positions periodically: one full pass over 10,000 queued.
void BM_PositionChanges(benchmark::State& state) {
  RouterConfig config;
  config.group_id = "peak";
  SkillRouter router = std::move(SkillRouter::create(config)).value();
  std::mt19937_64 rng(7);
  for (int i = 0; i < kAgents; ++i)
    check(router.update_agent(busy_agent(i, kChatSlots, 1)).has_value(), "agent");
  for (int n = 0; n < kQueued; ++n) {
    check(router.enqueue(conversation(rng, n, at_s(-kQueued + n))).has_value(), "enqueue");
  }
  std::int64_t second = 0;
  for (auto _ : state) benchmark::DoNotOptimize(router.position_changes(at_s(++second)));
}
BENCHMARK(BM_PositionChanges)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace sb::router

BENCHMARK_MAIN();
