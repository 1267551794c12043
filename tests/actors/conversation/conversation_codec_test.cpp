// Conversation codec: every event and rich states round-trip; garbage and unknown values are
// errors, never crashes.

#include "actors/conversation/conversation_codec.hpp"

#include <random>

#include <gtest/gtest.h>

#include "actors/conversation/conversation_decider.hpp"
#include "tests/actors/conversation/conversation_test_support.hpp"

namespace sb::conversation {
namespace {

using namespace test;

Events every_event() {
  const auto bot = bot_answer();
  return {Opened{"c-1", Channel::app, kT0},
          MessageReceived{"m-1", Channel::app, "你好, where is SO-1001?", kT0},
          ChannelSwitched{Channel::app, Channel::wechat, at_min(1)},
          BotReplied{"m-1/bot",
                     BotAction::ask_slot,
                     bot.intent,
                     0.625,
                     bot.reply_text,
                     bot.slots,
                     {"logistics", "vip"},
                     bot.context,
                     at_min(1)},
          HandoffRequested{Initiator::bot,
                           {HandoffReason::low_confidence_twice, HandoffReason::negative_sentiment},
                           "refund",
                           {{"order_number", "SO-1"}, {"reason", "late"}},
                           {"refund"},
                           "billing",
                           at_min(2)},
          Queued{"orders", Tier::enterprise, 7, at_min(3)},
          Offered{"a-1", at_min(4), at_min(3)},
          OfferDeclined{"a-1", at_min(3)},
          OfferExpired{"a-2", at_min(4)},
          Assigned{"a-1", explanation("a-1"), at_min(5)},
          AgentReplied{"a-1", "r-1", "On it.", at_min(6)},
          Transferred{"a-1", {TargetKind::agent, "a-7"}, "Cantonese speaker", at_min(7)},
          ReleasedFromAgent{"a-7", ReleaseReason::agent_unavailable, at_min(8)},
          Resolved{"a-7", at_min(9)},
          Closed{CloseReason::auto_closed, at_min(10)},
          Reopened{Phase::closed, at_min(11)},
          RatedByCustomer{5, "很好", at_min(12)},
          FollowUpRequested{2, FollowUpReason::out_of_hours, at_min(13)},
          FollowUpOpened{2, "tk-cv-1-f2", at_min(14)}};
}

TEST(ConversationCodec, EveryEventRoundTrips) {
  const auto events = every_event();
  ASSERT_EQ(events.size(), std::variant_size_v<Event>);
  for (const auto& event : events) {
    auto decoded = Codec::decode_event(Codec::encode_event(event));
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_EQ(*decoded, event) << "event #" << event.index();
  }
  // An explanation without stickiness keeps its empty optional.
  auto plain = explanation("a-1");
  plain.sticky_last_served_ago.reset();
  const Event assigned = Assigned{"a-1", plain, at_min(5)};
  EXPECT_EQ(*Codec::decode_event(Codec::encode_event(assigned)), assigned);
}

State round_trip(const State& state) {
  auto decoded = Codec::decode_state(Codec::encode_state(state));
  EXPECT_TRUE(decoded) << decoded.error();
  return decoded ? *decoded : State{};
}

TEST(ConversationCodec, RichStatesRoundTrip) {
  // Every phase of the fixtures, plus states with a transfer, a rating and a reopen.
  for (const auto& history : {Events{}, in_bot(), in_queue(), in_offer(), in_assignment(),
                              in_resolution(), in_closing()}) {
    const State state = fold_events<Decider>(history);
    EXPECT_EQ(round_trip(state), state);
  }
  Events rich = in_assignment();
  const auto bot = bot_answer();
  rich.insert(rich.begin() + 2, BotReplied{"m-1/bot", bot.action, bot.intent, bot.confidence,
                                           bot.reply_text, bot.slots, bot.tags, bot.context, kT0});
  rich.push_back(AgentReplied{"a-1", "r-1", "Checking.", at_min(7)});
  rich.push_back(Transferred{"a-1", {TargetKind::skill_group, "billing"}, "invoice", at_min(8)});
  EXPECT_EQ(round_trip(fold_events<Decider>(rich)), fold_events<Decider>(rich));
  Events rated = in_closing();
  rated.push_back(RatedByCustomer{2, "slow", at_min(10)});
  rated.push_back(Reopened{Phase::closed, at_min(11)});
  rated.push_back(MessageReceived{"m-5", Channel::sms, "again", at_min(11)});
  const State state = fold_events<Decider>(rated);
  ASSERT_TRUE(state.rating);
  ASSERT_TRUE(state.handoff);
  EXPECT_EQ(round_trip(state), state);
  // A follow-up opened and another one pending.
  Events followed = in_queue();
  followed.push_back(FollowUpRequested{1, FollowUpReason::out_of_hours, at_min(2)});
  followed.push_back(FollowUpOpened{1, "tk-cv-1-f1", at_min(3)});
  followed.push_back(FollowUpRequested{2, FollowUpReason::abandoned_in_queue, at_min(40)});
  const State pending = fold_events<Decider>(followed);
  ASSERT_TRUE(pending.follow_up);
  EXPECT_EQ(round_trip(pending), pending);
}

TEST(ConversationCodec, GarbageIsAnErrorNotACrash) {
  EXPECT_FALSE(Codec::decode_event(""));
  EXPECT_FALSE(Codec::decode_event("1234567"));  // torn: not a whole word
  EXPECT_FALSE(Codec::decode_state(std::string(16, '\xff')));
  std::mt19937_64 rng(11);
  for (int i = 0; i < 500; ++i) {
    std::string bytes(8 * (1 + rng() % 32), '\0');
    for (auto& b : bytes) b = static_cast<char>(rng());
    (void)Codec::decode_event(bytes);
    (void)Codec::decode_state(bytes);
  }
  const std::string good = Codec::encode_event(Event{Assigned{"a-1", explanation("a-1"), kT0}});
  for (std::size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0xa5);
    (void)Codec::decode_event(bad);
  }
}

TEST(ConversationCodec, UnknownEnumValuesAreRejected) {
  std::string bytes = Codec::encode_event(Event{Closed{CloseReason::system, kT0}});
  bool corrupted = false;
  for (auto& b : bytes) {
    if (b == 4) {  // CloseReason::system
      b = 42;
      corrupted = true;
      break;
    }
  }
  ASSERT_TRUE(corrupted);
  auto bad = Codec::decode_event(bytes);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error(), "conversation event: unknown close reason 42");
}

}  // namespace
}  // namespace sb::conversation
