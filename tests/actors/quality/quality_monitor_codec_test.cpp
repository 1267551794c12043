// Quality monitor events and state through Cap'n Proto bytes, and refusal of what no reader of
// this version can understand.

#include <gtest/gtest.h>

#include "actors/codec/capnp_bytes.hpp"
#include "actors/quality/quality_codec.hpp"
#include "schemas/quality.capnp.h"

namespace sb::quality {
namespace {

const Timestamp T0 = from_unix_ms(1'793'750'400'000);

TEST(QualityMonitorCodec, EventsRoundTrip) {
  const std::vector<Event> events{
      ViolationDetected{Rule::phone_number, "phone_number ****5678 in the reply", false, "a-1",
                        "c-1842", 77, 9, T0},
      ViolationDetected{Rule::kb_contradiction, "intent refund: 说 30 天", true, "a-2", "c-9", 78,
                        12, T0},
      FeedChecked{4096, T0},
  };
  for (const auto& event : events) {
    auto decoded = Codec::decode_event(Codec::encode_event(event));
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_EQ(*decoded, event);
  }
}

TEST(QualityMonitorCodec, StateRoundTrips) {
  const State state{4096, 17, T0};
  auto decoded = Codec::decode_state(Codec::encode_state(state));
  ASSERT_TRUE(decoded) << decoded.error();
  EXPECT_EQ(*decoded, state);
}

TEST(QualityMonitorCodec, UnknownRulesAndGarbageAreErrors) {
  // A rule a newer writer may add: refused, not misread as another rule.
  capnp::MallocMessageBuilder message;
  auto violation = message.initRoot<schema::quality::QualityEvent>().initViolationDetected();
  violation.setRule(kRuleCount + 1);
  violation.setAgentId("a-1");
  auto decoded = Codec::decode_event(codec::to_bytes(message));
  ASSERT_FALSE(decoded);
  EXPECT_NE(decoded.error().find("unknown quality rule"), std::string::npos) << decoded.error();
  EXPECT_FALSE(Codec::decode_event("not capnp"));
  EXPECT_FALSE(Codec::decode_event(""));
}

}  // namespace
}  // namespace sb::quality
