// Seeded simulations of a router with agents that accept, decline, ignore, finish and log out:
// load balance across equal agents, and the safety/liveness properties under random operations.
// Every failure prints its seed.
#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <random>
#include <set>

#include <gtest/gtest.h>

#include "actors/router/skill_router.hpp"
#include "tests/actors/router/router_test_support.hpp"

namespace sb::router {
namespace {

using namespace std::chrono_literals;
using testing::at_s;
using testing::make_router;
using testing::test_config;

// Deterministic across standard libraries: only the engine's raw output is used.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  bool chance(double p) { return unit() < p; }
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  Duration uniform(Duration low, Duration high) {
    return low +
           Duration(static_cast<std::int64_t>(unit() * static_cast<double>((high - low).count())));
  }
  Duration exponential(Duration mean) {
    const double u = 1.0 - unit();  // (0, 1]
    return Duration(static_cast<std::int64_t>(-std::log(u) * static_cast<double>(mean.count())));
  }

 private:
  std::mt19937_64 engine_;
};

// One simulated agent desk: the truth the Agent entity would report.
struct SimAgent {
  AgentAvailability report;
  std::map<ConversationId, ChannelKind> active;

  void refresh_load() {
    report.load = {};
    for (const auto& [id, kind] : active) report.load[kind]++;
  }
};

// ---- load balance -------------------------------------------------------------------------------

struct Completion {
  Timestamp at;
  std::size_t agent;
  ConversationId conversation;
  bool operator>(const Completion& o) const { return at > o.at; }
};

enum class HandleTimes { uniform_2_to_8_min, exponential_5_min };

// Agents of 3 chat slots each, handle times with a mean of 5 min (uniform in 2..8 min, or
// exponential), arrivals at `load_pct` % of the group's capacity; every offer is accepted.
// Returns assignments per agent.
std::vector<std::size_t> simulate_equal_agents(std::uint64_t seed, std::size_t agents_count,
                                               std::size_t conversations, int load_pct,
                                               HandleTimes handle_times = HandleTimes::uniform_2_to_8_min) {
  Rng rng(seed);
  SkillRouter router = make_router();
  std::vector<SimAgent> agents(agents_count);
  std::map<AgentId, std::size_t> index;
  for (std::size_t i = 0; i < agents_count; ++i) {
    agents[i].report = testing::AgentBuilder("a-" + std::to_string(i)).chats(3);
    index[agents[i].report.agent_id] = i;
    EXPECT_TRUE(router.update_agent(agents[i].report).has_value());
  }
  const Duration handle_mean = 5min;
  const auto slots = static_cast<std::int64_t>(agents_count * 3);
  const Duration arrival_mean = Duration(handle_mean.count() * 100 / (slots * load_pct));
  std::priority_queue<Completion, std::vector<Completion>, std::greater<>> completions;
  std::vector<std::size_t> assigned(agents_count, 0);
  Timestamp now = at_s(0);
  auto dispatch_and_accept = [&] {
    for (const Offer& offer : router.dispatch(now)) {
      const std::size_t a = index.at(offer.agent_id);
      EXPECT_TRUE(router.accept(offer.offer_id).has_value());
      agents[a].active[offer.conversation_id] = offer.kind;
      ++assigned[a];
      const Duration handle = handle_times == HandleTimes::uniform_2_to_8_min ? rng.uniform(2min, 8min)
                                                                              : rng.exponential(handle_mean);
      completions.push({now + handle, a, offer.conversation_id});
    }
  };
  for (std::size_t n = 0; n < conversations; ++n) {
    const Timestamp arrival = now + rng.exponential(arrival_mean);
    while (!completions.empty() && completions.top().at <= arrival) {
      const Completion done = completions.top();
      completions.pop();
      now = done.at;
      SimAgent& agent = agents[done.agent];
      agent.active.erase(done.conversation);
      agent.refresh_load();
      agent.report.revision++;
      EXPECT_TRUE(router.update_agent(agent.report).has_value());
      dispatch_and_accept();
    }
    now = arrival;
    QueuedConversation c = testing::ConversationBuilder("c-" + std::to_string(n), 0);
    c.enqueued_at = now;
    EXPECT_TRUE(router.enqueue(std::move(c)).has_value());
    dispatch_and_accept();
  }
  return assigned;
}

// Every agent's assignments within 10% of the mean, and (almost) every conversation assigned.
void expect_balanced(const std::vector<std::size_t>& assigned, std::size_t total_min, const std::string& run) {
  std::size_t total = 0;
  for (std::size_t a : assigned) total += a;
  const double mean = static_cast<double>(total) / static_cast<double>(assigned.size());
  const auto [min, max] = std::minmax_element(assigned.begin(), assigned.end());
  EXPECT_GT(total, total_min) << run;
  EXPECT_LE(static_cast<double>(*max), mean * 1.10) << run;
  EXPECT_GE(static_cast<double>(*min), mean * 0.90) << run;
  std::printf("%s: assignments per agent min %zu, max %zu, mean %.1f\n", run.c_str(), *min, *max, mean);
}

// 20 equal agents, 10,000 conversations at 90% load: max and min assignments within 10% of the
// mean. Handle times vary ±60% around the mean. (With exponential handle times, CV 1, each
// agent's count is itself a renewal process with σ ≈ √500 / 500 ≈ 4.5%, so the extremes of 20
// agents reach ±10% whatever the router does; that would measure the workload, not the routing.)
TEST(RouterSimulation, EqualAgentsShareTheWorkWithinTenPercent) {
  for (std::uint64_t seed : {1u, 2u, 3u, 42u, 2024u}) {
    expect_balanced(simulate_equal_agents(seed, 20, 10'000, 90), 9'900, "uniform, seed " + std::to_string(seed));
  }
}

// Real handle times are closer to exponential (CV 1). With enough conversations per agent (5,000
// each: σ ≈ 1.4%) the workload's own noise is small, so ±10% still measures the routing.
TEST(RouterSimulation, EqualAgentsShareTheWorkWithinTenPercentWithExponentialHandleTimes) {
  for (std::uint64_t seed : {7u, 11u}) {
    expect_balanced(simulate_equal_agents(seed, 10, 50'000, 85, HandleTimes::exponential_5_min), 49'500,
                    "exponential, seed " + std::to_string(seed));
  }
}

// ---- properties under random operations --------------------------------------------------------

const std::vector<SkillId> kSkills{"returns", "billing", "shipping"};

class PropertyRun {
 public:
  explicit PropertyRun(std::uint64_t seed) : rng_(seed), router_(make_router(config())) {
    for (int i = 0; i < 12; ++i) {
      SimAgent a;
      a.report.agent_id = "a-" + std::to_string(i);
      a.report.groups = {i < 10 ? "orders" : "general"};
      agents_.push_back(a);
    }
  }

  static RouterConfig config() {
    RouterConfig c = test_config();
    c.relax_level_every = 30s;
    c.overflow_groups = {"general"};
    c.overflow_after = 90s;
    c.reserved_capacity_permille = 200;
    c.queue_length_max = 200;
    c.candidates_recorded_max = 3;
    return c;
  }

  // Random traffic; checks safety after every step.
  void churn(int steps) {
    for (int step = 0; step < steps && !::testing::Test::HasFailure(); ++step) {
      switch (rng_.below(8)) {
        case 0:
        case 1:
          enqueue();
          break;
        case 2:
          report(agents_[rng_.below(agents_.size())], random_presence());
          break;
        case 3:
          dispatch();
          break;
        case 4:
          answer();
          break;
        case 5:
          finish_one();
          break;
        case 6:
          abandon();
          break;
        case 7:
          advance(Duration(static_cast<std::int64_t>(rng_.below(30'000))));
          break;
      }
      check(step);
    }
  }

  // Everyone comes online with every skill and slot; the queue must drain.
  void drain(int rounds_max) {
    for (SimAgent& a : agents_) report(a, Presence::online, /*everything=*/true);
    for (int round = 0; round < rounds_max && !queued_.empty(); ++round) {
      advance(30s);
      for (SimAgent& a : agents_) {
        a.active.clear();
        report(a, Presence::online, true);
      }
      dispatch();
      while (!open_.empty()) answer(/*accept=*/true);
      check(round);
    }
    EXPECT_TRUE(queued_.empty()) << queued_.size() << " conversations were never offered";
  }

 private:
  void enqueue() {
    QueuedConversation c = testing::ConversationBuilder("c-" + std::to_string(next_++), 0);
    c.enqueued_at = now_;
    c.tier = static_cast<Tier>(1 + rng_.below(4));
    c.skill = kSkills[rng_.below(kSkills.size())];
    c.required_level = static_cast<std::uint8_t>(1 + rng_.below(5));
    c.kind = kChannelKinds[rng_.below(3)];
    if (rng_.chance(0.3)) {
      c.sticky = StickyAgent{agents_[rng_.below(agents_.size())].report.agent_id,
                             now_ - Duration(static_cast<std::int64_t>(rng_.below(3'600'000)))};
    }
    auto result = router_.enqueue(c);
    if (result.has_value()) {
      queued_.insert(c.conversation_id);
    } else {
      EXPECT_EQ(result.error().code, ErrorCode::queue_full);
      EXPECT_EQ(queued_.size(), config().queue_length_max);
    }
  }

  Presence random_presence() {
    const auto r = rng_.below(20);
    return r < 14 ? Presence::online : r < 17 ? Presence::away : Presence::offline;
  }

  // Slots never below what the agent holds (accepted plus offered): capacity changes by the
  // agent are not the router's doing.
  std::uint16_t slots(const SimAgent& a, ChannelKind kind, bool everything) {
    std::uint16_t held = a.report.load[kind];
    for (const auto& [id, offer] : open_)
      held += offer.agent_id == a.report.agent_id && offer.kind == kind;
    const std::uint16_t wanted = everything ? 3 : static_cast<std::uint16_t>(rng_.below(4));
    return kind == ChannelKind::voice ? (held > 0 || wanted > 1 ? 1 : 0) : std::max(held, wanted);
  }

  void report(SimAgent& a, Presence presence, bool everything = false) {
    a.refresh_load();
    a.report.presence = presence;
    a.report.skills.clear();
    for (const auto& skill : kSkills) {
      if (everything || rng_.chance(0.6)) {
        a.report.skills.push_back({skill, static_cast<std::uint8_t>(1 + rng_.below(5))});
      }
    }
    for (ChannelKind kind : kChannelKinds) a.report.capacity[kind] = slots(a, kind, everything);
    a.report.revision++;
    auto withdrawn = router_.update_agent(a.report);
    ASSERT_TRUE(withdrawn.has_value()) << withdrawn.error().detail;
    for (const Offer& o : *withdrawn) EXPECT_EQ(open_.erase(o.offer_id), 1u);
    if (presence == Presence::offline) {
      EXPECT_TRUE(std::none_of(open_.begin(), open_.end(), [&](const auto& o) {
        return o.second.agent_id == a.report.agent_id;
      }));
    }
  }

  void dispatch() {
    const auto offers = router_.dispatch(now_);
    for (const Offer& o : offers) {
      EXPECT_TRUE(open_.emplace(o.offer_id, o).second);
      EXPECT_EQ(o.explanation.winner, o.agent_id);
      EXPECT_LE(o.explanation.candidates.size(), config().candidates_recorded_max);
    }
    if (offers.size() < config().offers_per_dispatch_max) {
      EXPECT_EQ(router_.test_count_dispatchable(now_), 0u) << "dispatch left one behind";
    }
  }

  void answer(bool accept = false) {
    if (open_.empty()) return;
    auto it = std::next(open_.begin(), static_cast<std::ptrdiff_t>(rng_.below(open_.size())));
    const Offer offer = it->second;
    open_.erase(it);
    if (accept || rng_.chance(0.6)) {
      ASSERT_TRUE(router_.accept(offer.offer_id).has_value());
      agent(offer.agent_id).active[offer.conversation_id] = offer.kind;
      queued_.erase(offer.conversation_id);
    } else {
      ASSERT_TRUE(router_.decline(offer.offer_id).has_value());
    }
  }

  void finish_one() {
    SimAgent& a = agents_[rng_.below(agents_.size())];
    if (a.active.empty()) return;
    a.active.erase(
        std::next(a.active.begin(), static_cast<std::ptrdiff_t>(rng_.below(a.active.size()))));
    report(a, a.report.presence);
  }

  void abandon() {
    if (queued_.empty()) return;
    auto it = std::next(queued_.begin(), static_cast<std::ptrdiff_t>(rng_.below(queued_.size())));
    auto removed = router_.remove(*it);
    ASSERT_TRUE(removed.has_value());
    if (removed->has_value()) {
      EXPECT_EQ(open_.erase((*removed)->offer_id), 1u);
    }
    queued_.erase(it);
  }

  void advance(Duration d) {
    now_ += d;
    for (const Offer& o : router_.expire_offers(now_)) EXPECT_EQ(open_.erase(o.offer_id), 1u);
  }

  SimAgent& agent(const AgentId& id) {
    for (SimAgent& a : agents_) {
      if (a.report.agent_id == id) return a;
    }
    ADD_FAILURE() << "unknown agent " << id;
    return agents_.front();
  }

  // Safety: indexes consistent, nobody above capacity (open offers included), and the router's
  // view of every agent's load is the truth.
  void check(int step) {
    auto problem = router_.test_check_invariants();
    ASSERT_FALSE(problem.has_value()) << "step " << step << ": " << *problem;
    const RouterSnapshot s = router_.snapshot(now_);
    EXPECT_EQ(s.offered, open_.size()) << "step " << step;
    for (const AgentView& view : s.agents) {
      SimAgent& a = agent(view.agent_id);
      a.refresh_load();
      EXPECT_EQ(view.load, a.report.load) << "step " << step << " agent " << view.agent_id;
    }
  }

  Rng rng_;
  SkillRouter router_;
  std::vector<SimAgent> agents_;
  std::map<OfferId, Offer> open_;
  std::set<ConversationId> queued_;
  Timestamp now_ = at_s(0);
  int next_ = 0;
};

TEST(RouterSimulation, NeverAboveCapacityAndEveryConversationIsEventuallyOffered) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    PropertyRun run(seed);
    run.churn(1'500);
    run.drain(100);
    if (::testing::Test::HasFailure()) break;
  }
}

}  // namespace
}  // namespace sb::router
