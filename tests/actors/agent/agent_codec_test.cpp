// Every Agent event and a rich state survive a round trip through Cap'n Proto bytes; garbage is
// an error, not a crash.

#include <gtest/gtest.h>

#include "actors/agent/agent_codec.hpp"

namespace sb::agent {
namespace {

const Timestamp T0 = from_unix_ms(1'700'000'000'123);

TEST(AgentCodec, EveryEventRoundTrips) {
  const std::vector<Event> events{
      AgentRegistered{"林小姐", {{"orders", 4}, {"技术", 2}}, {"vip", "supervisors"}, {3, 5}, T0},
      PresenceChanged{Presence::away, T0},
      SkillsChanged{{{"returns_refunds", 5}}, T0},
      CapacityChanged{{1, 0}, T0},
      ConversationAccepted{"c-1", Channel::wechat, T0},
      ConversationReleased{"c-1", ReleaseReason::transferred, T0},
  };
  for (const auto& event : events) {
    auto decoded = Codec::decode_event(Codec::encode_event(event));
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_EQ(*decoded, event);
  }
}

TEST(AgentCodec, StateRoundTrips) {
  State state;
  state.registered = true;
  state.display_name = "Lin";
  state.presence = Presence::online;
  state.presence_since = T0;
  state.skills = {{"orders", 4}};
  state.groups = {"vip"};
  state.capacity = {4, 2};
  state.active = {{"c-1", Channel::web}, {"p-2", Channel::phone}};
  state.last_accepted_at = T0;
  state.accepted_total = 42;
  auto decoded = Codec::decode_state(Codec::encode_state(state));
  ASSERT_TRUE(decoded) << decoded.error();
  EXPECT_EQ(*decoded, state);
}

TEST(AgentCodec, GarbageIsAnError) {
  EXPECT_FALSE(Codec::decode_event(""));
  EXPECT_FALSE(Codec::decode_event("abc"));
  EXPECT_FALSE(Codec::decode_event(std::string(64, '\xff')));
  EXPECT_FALSE(Codec::decode_state(std::string(16, '\x01')));
}

}  // namespace
}  // namespace sb::agent
