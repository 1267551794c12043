// Whole conversations, step by step, as the actor would drive them.

#include <gtest/gtest.h>

#include "actors/conversation/conversation_decider.hpp"
#include "actors/conversation/conversation_queries.hpp"
#include "tests/actors/conversation/conversation_test_support.hpp"
#include "tests/support/given_when_then.hpp"

namespace sb::conversation {
namespace {

using namespace test;

// Drives one conversation and keeps its log, so each step can be checked and the end state
// compared with a replay.
class Story {
 public:
  Events step(const Command& command) {
    auto decision = Decider::decide(state_, command);
    EXPECT_TRUE(decision.accepted())
        << to_string(decision.rejection().code) << ": " << decision.rejection().detail;
    if (!decision.accepted()) return {};
    for (const auto& event : decision.events()) {
      state_ = Decider::evolve(std::move(state_), event);
      log_.push_back(event);
    }
    return decision.events();
  }
  Rejection refused(const Command& command) {
    auto decision = Decider::decide(state_, command);
    EXPECT_FALSE(decision.accepted());
    return decision.accepted() ? Rejection{} : decision.rejection().code;
  }
  const State& state() const { return state_; }
  const Events& log() const { return log_; }

 private:
  State state_;
  Events log_;
};

TEST(ConversationScenario, FromTheBotToAHumanAndARating) {
  Story story;
  // Web: the bot answers.
  ASSERT_TRUE(bot_has_turn(story.state(), kT0, kReopenWindowDefault));
  story.step(customer_says("w-1", "where is my parcel SO-1001?", kT0, bot_answer()));
  EXPECT_EQ(story.state().phase, Phase::bot);

  // The same customer continues on WeChat: same conversation, channel switched.
  auto switched =
      story.step(customer_says("wx-1", "it says delivered but it is not here", at_s(60),
                               bot_answer("Sorry to hear that. Let me check."), Channel::wechat));
  EXPECT_EQ(switched.front(), (Event{ChannelSwitched{Channel::web, Channel::wechat, at_s(60)}}));

  // "I want a person": the bot hands off with its reason.
  story.step(customer_says("wx-2", "转人工", at_s(90),
                           bot_handoff({HandoffReason::customer_asked}, "Connecting you now."),
                           Channel::wechat));
  EXPECT_EQ(story.state().phase, Phase::queued);
  const auto record = handoff_record(story.state());
  ASSERT_TRUE(record);
  EXPECT_EQ(record->reasons, (std::vector<HandoffReason>{HandoffReason::customer_asked}));
  EXPECT_EQ(record->initiator, Initiator::bot);
  EXPECT_EQ(record->intent, "refund");
  EXPECT_EQ(record->slots, (std::map<std::string, std::string>{{"order_number", "SO-1001"}}));
  EXPECT_EQ(record->tags, (std::vector<std::string>{"logistics", "refund"}));
  EXPECT_EQ(record->channel, Channel::wechat);
  ASSERT_EQ(record->transcript.size(), 6u);  // three customer messages, three bot replies
  EXPECT_EQ(record->transcript[0].text, "where is my parcel SO-1001?");
  EXPECT_EQ(record->transcript[4].text, "转人工");
  EXPECT_EQ(record->transcript[5].author, Author::bot);

  // From now on the bot is silent.
  EXPECT_FALSE(bot_has_turn(story.state(), at_s(100), kReopenWindowDefault));
  EXPECT_EQ(
      story.refused(customer_says("wx-3", "hello?", at_s(100), bot_answer(), Channel::wechat)),
      Rejection::bot_silenced);
  story.step(customer_says("wx-3", "hello?", at_s(100), std::nullopt, Channel::wechat));

  // Queued, offered, declined, offered again, assigned with the router's explanation.
  story.step(Enqueue{"orders", Tier::vip, 2, at_s(101)});
  story.step(Offer{"a-2", at_s(121), at_s(102)});
  story.step(DeclineOffer{"a-2", at_s(105)});
  EXPECT_EQ(story.state().phase, Phase::queued);
  story.step(Offer{"a-1", at_s(126), at_s(106)});
  EXPECT_EQ(story.refused(ReplyAsAgent{"a-1", "r-0", "too early", at_s(107)}),
            Rejection::wrong_phase);
  story.step(Assign{"a-1", explanation("a-1"), at_s(108)});
  EXPECT_EQ(story.state().assignment->explanation.candidates.size(), 2u);

  // The agent replies; only the assigned agent may.
  story.step(ReplyAsAgent{"a-1", "r-1", "I am checking with the courier.", at_s(120)});
  EXPECT_EQ(story.refused(ReplyAsAgent{"a-2", "r-2", "me too", at_s(121)}),
            Rejection::not_assigned_agent);

  // The agent goes offline: back to the queue, then another agent takes over.
  story.step(ReleaseFromAgent{"a-1", ReleaseReason::agent_offline, at_s(200)});
  EXPECT_EQ(story.state().phase, Phase::queued);
  EXPECT_EQ(routing_request(story.state())->last_agent_id, "a-1");
  story.step(Enqueue{"orders", Tier::vip, 1, at_s(201)});
  story.step(Assign{"a-3", explanation("a-3"), at_s(210)});
  story.step(ReplyAsAgent{"a-3", "r-3", "A new parcel is on its way.", at_s(220)});

  // Resolved, then rated once.
  EXPECT_EQ(story.refused(Rate{5, "", at_s(225)}), Rejection::not_resolved);
  story.step(Resolve{"a-3", at_s(230)});
  story.step(Rate{5, "fast and kind", at_s(240)});
  EXPECT_EQ(story.refused(Rate{1, "changed my mind", at_s(250)}), Rejection::already_rated);

  EXPECT_EQ(fold_events<Decider>(story.log()), story.state());
}

TEST(ConversationScenario, ReopenInsideTheWindowAndANewConversationOutsideIt) {
  const Duration window = std::chrono::hours(2);
  Story story;
  story.step(
      customer_says("m-1", "refund please", kT0, bot_handoff({HandoffReason::human_only_intent})));
  story.step(Assign{"a-1", explanation("a-1"), at_min(1)});
  story.step(Resolve{"a-1", at_min(10)});
  story.step(CheckTimers{std::chrono::minutes(15), at_min(25)});
  ASSERT_EQ(story.state().phase, Phase::closed);

  auto inside = customer_says("m-2", "the refund has not arrived", at_min(60));
  inside.reopen_window = window;
  ASSERT_TRUE(should_reopen(story.state(), inside.at, window));
  story.step(inside);
  EXPECT_EQ(story.state().phase, Phase::queued);  // straight to a person, not the bot
  story.step(Assign{"a-1", explanation("a-1"), at_min(61)});
  story.step(Resolve{"a-1", at_min(70)});

  auto outside =
      customer_says("m-3", "another question", at_min(70) + window + std::chrono::minutes(1));
  outside.reopen_window = window;
  EXPECT_FALSE(should_reopen(story.state(), outside.at, window));
  EXPECT_EQ(story.refused(outside), Rejection::outside_reopen_window);
  EXPECT_EQ(fold_events<Decider>(story.log()), story.state());
}

TEST(ConversationScenario, TransferToAnotherSkillWithANote) {
  Story story;
  story.step(
      customer_says("m-1", "I need an invoice", kT0, bot_handoff({HandoffReason::tier_policy})));
  story.step(Enqueue{"orders", Tier::enterprise, 1, at_s(5)});
  story.step(Assign{"a-1", explanation("a-1"), at_s(10)});
  story.step(
      Transfer{"a-1", {TargetKind::skill_group, "billing"}, "needs a VAT invoice", at_s(60)});
  EXPECT_EQ(story.state().phase, Phase::queued);
  EXPECT_EQ(routing_request(story.state())->target,
            (TransferTarget{TargetKind::skill_group, "billing"}));
  story.step(Enqueue{"billing", Tier::enterprise, 1, at_s(61)});
  story.step(Assign{"a-5", explanation("a-5"), at_s(70)});
  EXPECT_FALSE(story.state().transfer);
  story.step(Resolve{"a-5", at_s(120)});
  EXPECT_EQ(fold_events<Decider>(story.log()), story.state());
}

}  // namespace
}  // namespace sb::conversation
