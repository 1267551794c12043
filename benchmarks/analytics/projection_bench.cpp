// Projection update throughput (events/s, decode included) on a synthetic peak-like feed: many
// concurrent conversations, 70% answered by the bot, 30% handed off to 500 agents (queued,
// assigned, three agent replies, resolved, rated), interleaved the way a busy node writes them.
// Compare with the node's peak: 50,000 inbound messages/s on one node, about 2.5 events each.
//
//   ./build/benchmarks/analytics/projection_bench --benchmark_min_time=2

#include <random>

#include <benchmark/benchmark.h>

#include "actors/agent/agent_codec.hpp"
#include "actors/conversation/conversation_codec.hpp"
#include "runtime/analytics/projection.hpp"

namespace sb::analytics {
namespace {

using namespace conversation;

inline constexpr int kConversations = 40'000;
inline constexpr int kAgents = 500;
inline constexpr int kConcurrent = 2'000;  // conversations in flight at once
inline constexpr std::int64_t kStartMs = 1'793'750'400'000;

const std::vector<std::string> kIntents{"order_status",  "logistics_tracking", "return_request",
                                        "refund_timing", "warranty_policy",    "coupon_usage"};
const std::vector<std::string> kSkills{"orders", "logistics", "returns_refunds", "technical"};
const std::vector<std::string> kTexts{"where is my parcel",      "我的快递到哪了",
                                      "how do I return this",    "退款多久到账",
                                      "my coupon does not work", "手表保修多久"};

struct Script {
  std::string id;
  std::vector<std::pair<EntityKind, std::string>> steps;  // (kind, encoded payload) in order
  std::vector<std::string> agent_ids;                     // for agent steps
  std::size_t next = 0;
};

// One conversation's events (and its agent's), encoded once.
Script script(int n, std::mt19937_64& rng) {
  Script s;
  s.id = "conv-" + std::to_string(n);
  const Timestamp t = from_unix_ms(kStartMs + n * 90);  // 40,000 over an hour
  auto at = [&](int seconds) { return t + std::chrono::seconds(seconds); };
  auto conv = [&](const Event& e) {
    s.steps.emplace_back(EntityKind::conversation, Codec::encode_event(e));
    s.agent_ids.emplace_back();
  };
  const std::string& intent = kIntents[rng() % kIntents.size()];
  const auto channel = static_cast<Channel>(1 + rng() % 7);
  conv(Opened{"cust-" + std::to_string(n), channel, at(0)});
  conv(MessageReceived{"m-1", channel, kTexts[rng() % kTexts.size()], at(0)});
  BotReplied bot{"m-1/bot", BotAction::answer, intent, 0.9, "answer", {}, {"lang:zh"}, {}, at(0)};
  conv(bot);
  if (rng() % 10 < 7) {
    conv(Resolved{"", at(30)});
    conv(Closed{CloseReason::auto_closed, at(600)});
    return s;
  }
  const std::string agent = "agent-" + std::to_string(rng() % kAgents);
  conv(MessageReceived{"m-2", channel, "转人工", at(20)});
  conv(HandoffRequested{
      Initiator::customer, {HandoffReason::customer_asked}, intent, {}, {}, "", at(20)});
  conv(Queued{kSkills[rng() % kSkills.size()], static_cast<Tier>(1 + rng() % 4), 3, at(21)});
  router::AssignmentExplanation x;
  x.winner = agent;
  conv(Assigned{agent, x, at(21 + static_cast<int>(rng() % 120))});
  s.steps.emplace_back(EntityKind::agent, agent::Codec::encode_event(
                                              agent::ConversationAccepted{s.id, channel, at(150)}));
  s.agent_ids.push_back(agent);
  for (int i = 0; i < 3; ++i)
    conv(AgentReplied{agent, "r-" + std::to_string(i), "您好，已为您处理", at(160 + 40 * i)});
  conv(Resolved{agent, at(300)});
  s.steps.emplace_back(EntityKind::agent, agent::Codec::encode_event(agent::ConversationReleased{
                                              s.id, agent::ReleaseReason::resolved, at(300)}));
  s.agent_ids.push_back(agent);
  conv(RatedByCustomer{static_cast<std::uint8_t>(1 + rng() % 5), "", at(320)});
  conv(Closed{CloseReason::auto_closed, at(900)});
  return s;
}

// Interleaves kConcurrent scripts at a time, round robin, into one feed.
std::vector<runtime::FeedEntry> peak_feed() {
  std::mt19937_64 rng(2026);
  std::vector<Script> scripts;
  for (int n = 0; n < kConversations; ++n) scripts.push_back(script(n, rng));
  std::vector<runtime::FeedEntry> feed;
  std::size_t started = 0;
  std::vector<std::size_t> active;
  while (started < scripts.size() || !active.empty()) {
    while (active.size() < kConcurrent && started < scripts.size()) active.push_back(started++);
    for (std::size_t i = 0; i < active.size();) {
      Script& s = scripts[active[i]];
      runtime::FeedEntry e;
      e.seq = feed.size() + 1;
      const auto& [kind, payload] = s.steps[s.next];
      e.key = runtime::EntityKey{kind, kind == EntityKind::agent ? s.agent_ids[s.next] : s.id};
      e.event.payload = payload;
      feed.push_back(std::move(e));
      if (++s.next == s.steps.size()) {
        active[i] = active.back();
        active.pop_back();
      } else {
        ++i;
      }
    }
  }
  return feed;
}

void BM_ProjectionApply(benchmark::State& state) {
  static const std::vector<runtime::FeedEntry> feed = peak_feed();
  for (auto _ : state) {
    Projection projection;
    for (const auto& entry : feed) projection.apply(entry);
    benchmark::DoNotOptimize(projection.counters().applied);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(feed.size()));
  state.counters["events"] = static_cast<double>(feed.size());
}
BENCHMARK(BM_ProjectionApply)->Unit(benchmark::kMillisecond);

void BM_ReportOverPeakHour(benchmark::State& state) {
  static const std::vector<runtime::FeedEntry> feed = peak_feed();
  Projection projection;
  for (const auto& entry : feed) projection.apply(entry);
  const ReportQuery query = window(from_unix_ms(kStartMs), from_unix_ms(kStartMs + 2 * kHourMs));
  for (auto _ : state) benchmark::DoNotOptimize(projection.report(query).totals.customer_messages);
}
BENCHMARK(BM_ReportOverPeakHour)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sb::analytics

BENCHMARK_MAIN();
