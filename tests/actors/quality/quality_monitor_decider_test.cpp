// Given/when/then for the quality monitor's pure core, and the evidence bound; links only
// sb_domain.

#include <gtest/gtest.h>

#include "actors/common/text.hpp"
#include "actors/quality/evidence.hpp"
#include "actors/quality/quality_decider.hpp"
#include "tests/support/given_when_then.hpp"

namespace sb::quality {
namespace {

using sb::testing::given;

const Timestamp T0 = from_unix_ms(1'793'750'400'000);
const Timestamp T1 = T0 + Duration(60'000);

Finding finding(std::uint64_t seq, Rule rule = Rule::card_number,
                std::string evidence = "card_number ****1111 in the reply") {
  return Finding{Violation{rule, std::move(evidence), "a-1", "c-1", T0}, seq, 5};
}

ViolationDetected detected(std::uint64_t seq, Rule rule = Rule::card_number) {
  return ViolationDetected{rule, "card_number ****1111 in the reply", false, "a-1", "c-1", seq, 5,
                           T0};
}

TEST(QualityMonitorDecider, ARecordHoldsItsViolationsThenThePosition) {
  auto outcome = given<Decider>({}).when(
      RecordCheck{12, {finding(3), finding(3, Rule::rudeness), finding(9)}, T1});
  EXPECT_EQ(outcome.events(), (std::vector<Event>{detected(3), detected(3, Rule::rudeness),
                                                  detected(9), FeedChecked{12, T1}}));
  EXPECT_EQ(outcome.state().checked_through_seq, 12u);
  EXPECT_EQ(outcome.state().violations_total, 3u);
  EXPECT_EQ(outcome.state().last_checked_at, T1);
}

TEST(QualityMonitorDecider, APositionAloneIsACheckpoint) {
  auto outcome = given<Decider>({FeedChecked{12, T0}}).when(RecordCheck{4108, {}, T1});
  EXPECT_EQ(outcome.events(), (std::vector<Event>{FeedChecked{4108, T1}}));
}

TEST(QualityMonitorDecider, WhatIsCheckedIsNeverRecordedAgain) {
  const std::vector<Event> history{detected(3), FeedChecked{12, T0}};
  EXPECT_EQ(given<Decider>(history).when(RecordCheck{12, {}, T1}).rejection_code(),
            Rejection::already_checked);
  EXPECT_EQ(given<Decider>(history).when(RecordCheck{7, {finding(5)}, T1}).rejection_code(),
            Rejection::already_checked);
}

TEST(QualityMonitorDecider, FindingsMustLieInTheCheckedRangeInFeedOrder) {
  const std::vector<Event> history{FeedChecked{12, T0}};
  EXPECT_EQ(given<Decider>(history).when(RecordCheck{20, {finding(12)}, T1}).rejection_code(),
            Rejection::invalid_finding)
      << "already checked";
  EXPECT_EQ(given<Decider>(history).when(RecordCheck{20, {finding(21)}, T1}).rejection_code(),
            Rejection::invalid_finding)
      << "past the position";
  EXPECT_EQ(given<Decider>(history)
                .when(RecordCheck{20, {finding(15), finding(14)}, T1})
                .rejection_code(),
            Rejection::invalid_finding)
      << "out of order";
  EXPECT_EQ(
      given<Decider>(history).when(RecordCheck{20, {finding(15, Rule{})}, T1}).rejection_code(),
      Rejection::invalid_finding)
      << "no such rule";
  auto long_id = finding(15);
  long_id.violation.agent_id = std::string(kIdBytesMax + 1, 'a');
  EXPECT_EQ(given<Decider>(history).when(RecordCheck{20, {long_id}, T1}).rejection_code(),
            Rejection::invalid_finding);
}

TEST(QualityMonitorDecider, ARecordFitsIntoOneAppend) {
  std::vector<Finding> findings(kFindingsPerCheckMax + 1, finding(3));
  EXPECT_EQ(given<Decider>({}).when(RecordCheck{3, findings, T1}).rejection_code(),
            Rejection::too_many_findings);
  findings.pop_back();
  EXPECT_EQ(given<Decider>({}).when(RecordCheck{3, findings, T1}).events().size(),
            kFindingsPerCheckMax + 1);
}

TEST(QualityMonitorDecider, LongEvidenceIsCutOnACharacterBoundaryAndSaysSo) {
  // 3-byte characters: the limit falls inside one, which must not be split.
  std::string evidence;
  while (evidence.size() < kEvidenceBytesMax + 10) evidence += "卡";
  auto events = given<Decider>({})
                    .when(RecordCheck{3, {finding(3, Rule::kb_contradiction, evidence)}, T1})
                    .events();
  ASSERT_EQ(events.size(), 2u);
  const auto& v = std::get<ViolationDetected>(events[0]);
  EXPECT_TRUE(v.evidence_truncated);
  EXPECT_LE(v.evidence.size(), kEvidenceBytesMax);
  EXPECT_EQ(v.evidence.size(), kEvidenceBytesMax / 3 * 3);
  EXPECT_TRUE(is_valid_utf8(v.evidence));
  EXPECT_EQ(evidence.rfind(v.evidence, 0), 0u) << "a prefix of the evidence";

  auto short_one = given<Decider>({}).when(RecordCheck{3, {finding(3)}, T1}).events();
  EXPECT_FALSE(std::get<ViolationDetected>(short_one[0]).evidence_truncated);
}

TEST(Evidence, BoundTextKeepsWholeCharacters) {
  EXPECT_EQ(bound_text("hello", 10), (BoundedText{"hello", false}));
  EXPECT_EQ(bound_text("hello", 5), (BoundedText{"hello", false}));
  EXPECT_EQ(bound_text("hello", 4), (BoundedText{"hell", true}));
  EXPECT_EQ(bound_text("a您好", 3), (BoundedText{"a", true})) << "never part of 您";
  EXPECT_EQ(bound_text("a您好", 6), (BoundedText{"a您", true})) << "never part of 好";
  EXPECT_EQ(bound_text("a您好", 7), (BoundedText{"a您好", false}));
  EXPECT_EQ(bound_text("ok\xF0\x9F\x98\x80", 5), (BoundedText{"ok", true}))
      << "a 4-byte emoji is whole or gone";
  EXPECT_EQ(bound_text("ok\xFF tail", 100), (BoundedText{"ok", true}))
      << "malformed bytes end the text";
  EXPECT_EQ(bound_text("", 0), (BoundedText{"", false}));
}

}  // namespace
}  // namespace sb::quality
