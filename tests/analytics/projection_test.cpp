// The projection against the brute force on seeded random histories (every figure, several
// windows and slices), rebuild equals live, and robustness against bad feed entries.

#include "runtime/analytics/projection.hpp"

#include <gtest/gtest.h>

#include "tests/analytics/brute_force.hpp"

namespace sb::analytics::testing {
namespace {

void expect_same(const Report& live, const Report& expected) {
  EXPECT_EQ(live.totals, expected.totals);
  EXPECT_EQ(live.messages_by_channel, expected.messages_by_channel);
  EXPECT_EQ(live.questions_by_intent, expected.questions_by_intent);
  EXPECT_EQ(live.handoff_reasons, expected.handoff_reasons);
  EXPECT_EQ(live.by_hour, expected.by_hour);
  EXPECT_EQ(live.top_questions, expected.top_questions);
  EXPECT_EQ(live.top_unanswered, expected.top_unanswered);
  EXPECT_EQ(live.queue_wait, expected.queue_wait);
  EXPECT_EQ(live.queue_wait_by_group, expected.queue_wait_by_group);
  EXPECT_EQ(live.first_response, expected.first_response);
  EXPECT_EQ(live.bot_first_response, expected.bot_first_response);
  EXPECT_EQ(live.handle_time, expected.handle_time);
  EXPECT_EQ(live.csat, expected.csat);
  EXPECT_EQ(live.sla, expected.sla);
  EXPECT_EQ(live.agents, expected.agents);
  EXPECT_EQ(live.load_balance, expected.load_balance);
  if (::testing::Test::HasFailure()) {
    ADD_FAILURE() << "projection:\n"
                  << render_json(live) << "\nbrute force:\n"
                  << render_json(expected);
  }
}

std::vector<ReportQuery> queries(const History& h) {
  const Timestamp mid = h.start + (h.end - h.start) / 2;
  std::vector<ReportQuery> out;
  ReportQuery all = window(h.start, h.end + std::chrono::hours(1));
  out.push_back(all);
  ReportQuery first_half = window(h.start, mid);
  out.push_back(first_half);
  ReportQuery odd = window(h.start + std::chrono::minutes(150), mid + std::chrono::minutes(20));
  out.push_back(odd);
  ReportQuery by_channel = all;
  by_channel.channel = Channel::wechat;
  out.push_back(by_channel);
  ReportQuery by_skill = all;
  by_skill.skill = "returns";
  out.push_back(by_skill);
  ReportQuery by_tier = first_half;
  by_tier.tier = Tier::vip;
  out.push_back(by_tier);
  ReportQuery by_agent = all;
  by_agent.agent = "a-2";
  out.push_back(by_agent);
  ReportQuery unknown_agent = all;
  unknown_agent.agent = "nobody";
  out.push_back(unknown_agent);
  ReportQuery combined = all;
  combined.skill = "orders";
  combined.tier = Tier::regular;
  combined.channel = Channel::web;
  out.push_back(combined);
  return out;
}

TEST(AnalyticsProjection, EveryFigureMatchesTheBruteForce) {
  for (std::uint64_t seed : {1u, 2u, 3u, 42u, 2026u}) {
    SCOPED_TRACE("seed=" + std::to_string(seed));
    const History h = random_history(seed);
    ProjectionOptions options;
    options.housekeeping_every = 50;  // flushes agent time often: the figures must not move
    Projection projection(options);
    for (const auto& entry : h.feed) projection.apply(entry);
    EXPECT_EQ(projection.counters().applied, h.feed.size());
    const Report whole = projection.report(queries(h).front());
    EXPECT_GT(whole.totals.conversations_opened, 10u);
    EXPECT_GT(whole.queue_wait.count, 5u);
    EXPECT_GT(whole.csat.count, 0u);
    EXPECT_FALSE(whole.agents.empty());
    EXPECT_FALSE(whole.sla.empty());
    for (const auto& q : queries(h)) {
      SCOPED_TRACE("query from " + std::to_string(to_unix_ms(q.from)));
      expect_same(projection.report(q), brute_force_report(h.events, q));
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST(AnalyticsProjection, RebuildFromTheLogEqualsLive) {
  const History h = random_history(7);
  Projection live;
  for (const auto& entry : h.feed) live.apply(entry);
  // A rebuild reads the same feed again, in pages, into a fresh projection; re-delivered entries
  // (an at-least-once feed reader) are skipped.
  Projection rebuilt;
  for (std::size_t i = 0; i < h.feed.size(); ++i) {
    rebuilt.apply(h.feed[i]);
    if (i % 97 == 0) rebuilt.apply(h.feed[i]);
  }
  for (const auto& q : queries(h)) {
    Report a = live.report(q);
    Report b = rebuilt.report(q);
    EXPECT_GT(b.feed.duplicates, 0u);
    a.feed = b.feed = FeedCounters{};
    EXPECT_EQ(render_json(a), render_json(b));
  }
}

TEST(AnalyticsProjection, BadEntriesAreCountedAndSkipped) {
  Projection projection;
  runtime::FeedEntry garbage;
  garbage.seq = 1;
  garbage.key = runtime::EntityKey{EntityKind::conversation, "c-1"};
  garbage.event.payload = "not capnp";
  projection.apply(garbage);
  runtime::FeedEntry router = garbage;
  router.seq = 2;
  router.key.kind = EntityKind::router;
  projection.apply(router);
  runtime::FeedEntry unknown = garbage;
  unknown.seq = 3;
  unknown.key.kind = static_cast<EntityKind>(200);
  projection.apply(unknown);
  runtime::FeedEntry empty = garbage;
  empty.seq = 4;
  empty.key.kind = EntityKind::ticket;
  empty.event.payload.clear();
  projection.apply(empty);
  EXPECT_EQ(projection.counters().undecodable, 2u);
  EXPECT_EQ(projection.counters().ignored_kinds, 2u);
  EXPECT_EQ(projection.counters().applied, 0u);
  const Report r = projection.report(window(from_unix_ms(0), from_unix_ms(kHourMs)));
  EXPECT_EQ(r.totals.conversations_opened, 0u);
}

TEST(AnalyticsProjection, MemoryStaysBoundedByRetention) {
  ProjectionOptions options;
  options.hours_kept = 6;
  options.housekeeping_every = 64;
  Projection projection(options);
  const History h = random_history(11);
  for (const auto& entry : h.feed) projection.apply(entry);
  // Kept: the last hours_kept + 1 hours at the last housekeeping, plus the hours the next 64
  // entries (at most 150 s apart) reach.
  const auto& hours = projection.models().hours;
  EXPECT_LE(hours.size(), 6u + 1u + 3u);
  EXPECT_GE(hours.begin()->first, hours.rbegin()->first - 6 - 3);
}

}  // namespace
}  // namespace sb::analytics::testing
