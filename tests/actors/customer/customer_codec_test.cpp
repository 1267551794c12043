// Customer codec: every event and a rich state round-trip; garbage and unknown values are errors.

#include "actors/customer/customer_codec.hpp"

#include <random>

#include <gtest/gtest.h>

#include "actors/customer/customer_decider.hpp"
#include "tests/actors/customer/customer_test_support.hpp"

namespace sb::customer {
namespace {

using namespace test;

std::vector<Event> every_event() {
  Profile rich = new_profile();
  rich.orders_total = 12;
  rich.spend_cents_total = 9'876'543;
  rich.vip_flag = true;
  rich.enterprise_flag = true;
  return {CustomerRegistered{"c-1", rich, kT0},
          IdentityLinked{identity(IdentityKind::wechat_unionid, "union-1", false, at_min(1))},
          IdentityUnlinked{IdentityKind::email, "a@b.c", at_min(2)},
          CustomersMerged{"c-1", "c-2", MergeReason::agent_decision, at_min(3)},
          CustomerUnmerged{"c-1", "c-2", at_min(4)},
          ConversationStarted{"conv-1", Channel::wechat, at_min(5)},
          TicketOpened{"t-1", Channel::email, at_min(6)},
          LastAgentRecorded{LastAgent{"a-1", "conv-1", at_min(7)}},
          ProfileUpdated{rich, at_min(8)},
          TierChanged{Tier::regular, Tier::enterprise, at_min(9)}};
}

TEST(CustomerCodec, EveryEventRoundTrips) {
  const auto events = every_event();
  ASSERT_EQ(events.size(), std::variant_size_v<Event>);
  for (const auto& event : events) {
    auto decoded = Codec::decode_event(Codec::encode_event(event));
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_EQ(*decoded, event) << "event #" << event.index();
  }
}

State rich_state() {
  auto events = history("c-1", "+861", 0);
  for (const auto& extra : every_event()) {
    if (!std::holds_alternative<CustomerUnmerged>(extra)) events.push_back(extra);
  }
  events.push_back(CustomersMerged{"c-0", "c-1", MergeReason::verified_identity, at_min(10)});
  return fold_events<Decider>(events);
}

TEST(CustomerCodec, RichStateRoundTrips) {
  const State state = rich_state();
  ASSERT_TRUE(state.merged_into);
  ASSERT_FALSE(state.absorbed.empty());
  ASSERT_TRUE(state.last_agent);
  auto decoded = Codec::decode_state(Codec::encode_state(state));
  ASSERT_TRUE(decoded) << decoded.error();
  EXPECT_EQ(*decoded, state);
  auto initial = Codec::decode_state(Codec::encode_state([] {
    State s;
    return s;
  }()));
  ASSERT_TRUE(initial) << initial.error();
  EXPECT_EQ(*initial, State{});
}

TEST(CustomerCodec, GarbageIsAnErrorNotACrash) {
  EXPECT_FALSE(Codec::decode_event(""));
  EXPECT_FALSE(Codec::decode_event("abc"));
  EXPECT_FALSE(Codec::decode_state("12345678"));
  std::mt19937_64 rng(7);
  for (int i = 0; i < 500; ++i) {
    std::string bytes(8 * (1 + rng() % 16), '\0');
    for (auto& b : bytes) b = static_cast<char>(rng());
    (void)Codec::decode_event(bytes);  // must return, error or not
    (void)Codec::decode_state(bytes);
  }
  // Flipping bytes of a valid encoding never crashes either.
  const std::string good = Codec::encode_state(rich_state());
  for (std::size_t i = 0; i < good.size(); i += 3) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    (void)Codec::decode_state(bad);
  }
}

TEST(CustomerCodec, UnknownEnumValuesAreRejected) {
  std::string bytes = Codec::encode_event(TierChanged{Tier::regular, Tier::vip, kT0});
  auto ok = Codec::decode_event(bytes);
  ASSERT_TRUE(ok);
  // Corrupt the tier bytes: find the encoded `to` (3) and make it 9.
  bool corrupted = false;
  for (auto& b : bytes) {
    if (b == 3) {
      b = 9;
      corrupted = true;
      break;
    }
  }
  ASSERT_TRUE(corrupted);
  auto bad = Codec::decode_event(bytes);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("unknown tier"), std::string::npos) << bad.error();
}

}  // namespace
}  // namespace sb::customer
