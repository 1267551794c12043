// Every configuration event and a rich state survive a round trip through Cap'n Proto bytes;
// garbage and unknown enum values are errors, not crashes.

#include "actors/configuration/configuration_codec.hpp"

#include <gtest/gtest.h>

#include "tests/actors/configuration/configuration_fixtures.hpp"

namespace sb::configuration {
namespace {

using namespace test;
using ticket::Priority;

TEST(ConfigurationCodec, EveryEventRoundTrips) {
  auto with_calendar = policy("工作日");
  with_calendar.calendar = ticket::BusinessCalendar{480, {{1, 540, 1080}, {5, 540, 720}}, {}};
  auto spend_off = rules();
  spend_off.vip_after_spend_cents.reset();
  const std::vector<Event> events{
      SlaPolicySet{Tier::vip, Priority::urgent, policy(), T0},
      SlaPolicySet{Tier::new_customer, Priority::low, with_calendar, T1},
      SlaPolicyRemoved{Tier::enterprise, Priority::high, T1},
      TierRulesSet{rules(), T0},
      TierRulesSet{spend_off, T1},
      SkillGroupDefined{group("orders", {"general", "退货"}), T0},
      SkillGroupRemoved{"orders", T1},
  };
  for (const auto& event : events) {
    auto decoded = Codec::decode_event(Codec::encode_event(event));
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_EQ(*decoded, event);
  }
}

TEST(ConfigurationCodec, StateRoundTrips) {
  State state;
  state.sla_policies[{Tier::vip, Priority::urgent}] = policy();
  state.sla_policies[{Tier::regular, Priority::normal}] = policy("regular-normal");
  state.tier_rules = rules();
  state.skill_groups["orders"] = group("orders", {"general"});
  state.skill_groups["returns"] = group("returns");
  state.changed_at = T1;
  auto decoded = Codec::decode_state(Codec::encode_state(state));
  ASSERT_TRUE(decoded) << decoded.error();
  EXPECT_EQ(*decoded, state);

  const State empty;
  auto decoded_empty = Codec::decode_state(Codec::encode_state(empty));
  ASSERT_TRUE(decoded_empty) << decoded_empty.error();
  EXPECT_EQ(*decoded_empty, empty);
}

TEST(ConfigurationCodec, UnknownEnumValuesAreErrors) {
  auto bytes = Codec::encode_event(SlaPolicyRemoved{static_cast<Tier>(42), Priority::low, T0});
  auto decoded = Codec::decode_event(bytes);
  ASSERT_FALSE(decoded);
  EXPECT_NE(decoded.error().find("tier"), std::string::npos) << decoded.error();
}

TEST(ConfigurationCodec, GarbageIsAnError) {
  EXPECT_FALSE(Codec::decode_event(""));
  EXPECT_FALSE(Codec::decode_event("abc"));
  EXPECT_FALSE(Codec::decode_event(std::string(64, '\xff')));
  EXPECT_FALSE(Codec::decode_state(std::string(16, '\x01')));
}

}  // namespace
}  // namespace sb::configuration
