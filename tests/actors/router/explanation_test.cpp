#include "actors/router/explanation.hpp"

#include <gtest/gtest.h>

namespace sb::router {
namespace {

using namespace std::chrono_literals;

CandidateRecord candidate(std::string id, std::uint8_t level, std::uint32_t load,
                          std::uint16_t free, Duration idle) {
  return CandidateRecord{std::move(id), level, load, free, idle, false, false, false};
}

AssignmentExplanation sticky_example() {
  AssignmentExplanation x;
  x.winner = "a-7";
  x.rule = DecidingRule::sticky;
  x.waited = 45s;
  x.tier = Tier::vip;
  x.kind = ChannelKind::chat;
  x.skill = "returns";
  x.reservation = ReservationStatus::priority_tier;
  x.sticky_last_served_ago = 3min + 20s;
  x.candidates_considered = 6;
  x.candidates = {candidate("a-7", 4, 2, 1, 10min), candidate("a-2", 3, 0, 3, 5min),
                  candidate("a-3", 5, 1, 2, 40s)};
  x.candidates[0].sticky = true;
  x.candidates[2].declined_before = true;
  return x;
}

TEST(Explanation, RendersOneReadableLine) {
  EXPECT_EQ(
      render(sticky_example()),
      "agent a-7 won: sticky (last agent 3 min ago); vip chat on returns waited 45 s, may use "
      "reserved capacity; 5 other candidates: a-2 (level 3, load 0, 3 free, idle 5 min), a-3 "
      "(level 5, load 1, 2 free, idle 40 s, declined before) and 3 more");
}

TEST(Explanation, RendersEachRule) {
  AssignmentExplanation x = sticky_example();
  x.reservation = ReservationStatus::none_configured;
  x.candidates_considered = 1;
  x.candidates.resize(1);
  x.rule = DecidingRule::least_loaded;
  EXPECT_EQ(
      render(x),
      "agent a-7 won: least_loaded (load 2, only candidate); vip chat on returns waited 45 s; "
      "no other candidates");
  x.rule = DecidingRule::relaxed_skill;
  x.required_level = 4;
  x.effective_level = 3;
  x.waited = 2h + 5min;
  EXPECT_TRUE(
      render(x).starts_with("agent a-7 won: relaxed_skill (level 3 accepted after "
                            "waiting 2 h 5 min; level 4 was required);"))
      << render(x);
  x.rule = DecidingRule::overflow;
  EXPECT_TRUE(
      render(x).starts_with("agent a-7 won: overflow (overflow group after waiting 2 h "
                            "5 min);"))
      << render(x);

  AssignmentExplanation tie = sticky_example();
  tie.rule = DecidingRule::longest_idle;
  tie.candidates[1].load = 2;
  EXPECT_TRUE(render(tie).starts_with(
      "agent a-7 won: longest_idle (load 2 like a-2, idle 10 min vs 5 min);"))
      << render(tie);
}

TEST(Explanation, RendersDurationsForPeople) {
  EXPECT_EQ(render_duration(0s), "0 s");
  EXPECT_EQ(render_duration(59s), "59 s");
  EXPECT_EQ(render_duration(61s), "1 min");
  EXPECT_EQ(render_duration(3h), "3 h");
  EXPECT_EQ(render_duration(-5s), "0 s");
}

}  // namespace
}  // namespace sb::router
