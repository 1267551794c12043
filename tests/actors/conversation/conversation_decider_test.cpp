// Conversation core: every command in every phase (a matrix of accept / rejection code), then the
// events and rejection details of each command.

#include "actors/conversation/conversation_decider.hpp"

#include <gtest/gtest.h>

#include "actors/conversation/conversation_queries.hpp"
#include "tests/actors/conversation/conversation_test_support.hpp"
#include "tests/support/given_when_then.hpp"

namespace sb::conversation {
namespace {

using namespace test;
using sb::testing::given;

// ---- every command in every phase ------------------------------------------------------------
struct PhaseCase {
  const char* name;
  Events history;
};

std::vector<PhaseCase> phases() {
  return {{"none", {}},
          {"bot", in_bot()},
          {"queued", in_queue()},
          {"offered", in_offer()},
          {"assigned", in_assignment()},
          {"resolved", in_resolution()},
          {"closed", in_closing()}};
}

struct CommandCase {
  const char* name;
  Command command;
};

std::vector<CommandCase> commands() {
  const Timestamp t = at_min(10);
  return {{"receive", customer_says("m-new", "hello again", t)},
          {"receive+bot", customer_says("m-new", "hello again", t, bot_answer())},
          {"handoff", RequestHandoff{Initiator::customer, {HandoffReason::customer_asked}, "", t}},
          {"enqueue", Enqueue{"returns", Tier::regular, 3, t}},
          {"offer", Offer{"a-1", t + std::chrono::seconds(20), t}},
          {"decline", DeclineOffer{"a-1", t}},
          {"expire", ExpireOffer{"a-1", t}},
          {"assign", Assign{"a-1", explanation("a-1"), t}},
          {"reply", ReplyAsAgent{"a-1", "am-1", "Let me check.", t}},
          {"transfer", Transfer{"a-1", {TargetKind::skill_group, "returns"}, "refund case", t}},
          {"release", ReleaseFromAgent{"a-1", ReleaseReason::agent_offline, t}},
          {"resolve", Resolve{"a-1", t}},
          {"close", Close{CloseReason::agent_closed, t}},
          {"rate", Rate{5, "quick!", t}},
          {"timers", CheckTimers{std::chrono::hours(1), t}},
          {"follow-up", RequestFollowUp{FollowUpReason::out_of_hours, t}},
          {"confirm", ConfirmFollowUp{1, "tk-x-f1", t}}};
}

constexpr std::optional<Rejection> A = std::nullopt;  // accepted
constexpr auto NS = Rejection::not_started;
constexpr auto WP = Rejection::wrong_phase;
constexpr auto BS = Rejection::bot_silenced;
constexpr auto AH = Rejection::already_handed_off;
constexpr auto NR = Rejection::not_resolved;
constexpr auto IF = Rejection::invalid_field;  // a confirmation of a follow-up never requested

// Rows: phases() in order; columns: commands() in order.
const std::vector<std::vector<std::optional<Rejection>>> kExpected{
    // recv rcv+bot handoff enq offer decl expire assign reply transf rel resolve close rate timers
    //   follow-up confirm
    {A, A, NS, NS, NS, NS, NS, NS, NS, NS, NS, NS, NS, NS, A, NS, IF},                           // none
    {A, A, A, WP, WP, WP, WP, WP, WP, WP, WP, Rejection::not_assigned_agent, A, NR, A, WP, IF},  // bot
    {A, BS, AH, A, A, WP, WP, A, WP, WP, WP, WP, A, NR, A, A, IF},                               // queued
    {A, BS, AH, WP, WP, A, A, A, WP, WP, WP, WP, A, NR, A, A, IF},                               // offered
    {A, BS, AH, WP, WP, WP, WP, WP, A, A, A, A, A, NR, A, WP, IF},                               // assigned
    {A, BS, AH, WP, WP, WP, WP, WP, WP, WP, WP, WP, A, A, A, WP, IF},                            // resolved
    {A, BS, AH, WP, WP, WP, WP, WP, WP, WP, WP, WP, WP, A, A, WP, IF},                           // closed
};

TEST(ConversationMatrix, EveryCommandInEveryPhase) {
  const auto all_phases = phases();
  const auto all_commands = commands();
  for (std::size_t p = 0; p < all_phases.size(); ++p) {
    for (std::size_t c = 0; c < all_commands.size(); ++c) {
      SCOPED_TRACE(std::string(all_commands[c].name) + " while " + all_phases[p].name);
      const auto decision =
          Decider::decide(fold_events<Decider>(all_phases[p].history), all_commands[c].command);
      const auto expected = kExpected[p][c];
      if (!expected) {
        EXPECT_TRUE(decision.accepted())
            << to_string(decision.rejection().code) << ": " << decision.rejection().detail;
      } else {
        ASSERT_FALSE(decision.accepted());
        EXPECT_EQ(to_string(decision.rejection().code), to_string(*expected))
            << decision.rejection().detail;
        EXPECT_FALSE(decision.rejection().detail.empty());
      }
    }
  }
}

// ---- ReceiveMessage --------------------------------------------------------------------------
TEST(ConversationReceive, TheFirstMessageOpensTheConversationAndTheBotAnswers) {
  auto outcome =
      given<Decider>({}).when(customer_says("m-1", "where is my parcel?", kT0, bot_answer()));
  const auto bot = bot_answer();
  EXPECT_EQ(outcome.events(),
            (Events{Opened{"c-1", Channel::web, kT0},
                    MessageReceived{"m-1", Channel::web, "where is my parcel?", kT0},
                    BotReplied{"m-1/bot", BotAction::answer, bot.intent, bot.confidence,
                               bot.reply_text, bot.slots, bot.tags, bot.context, kT0}}));
  const State& s = outcome.state();
  EXPECT_EQ(s.phase, Phase::bot);
  EXPECT_EQ(s.messages.size(), 2u);
  EXPECT_EQ(s.intent, "order_status");
  EXPECT_EQ(s.bot_context, bot.context);
  EXPECT_EQ(s.tags, (std::vector<std::string>{"logistics"}));
}

TEST(ConversationReceive, AskingForASlotIsABotReply) {
  BotOutcome ask = bot_answer("What is your order number?");
  ask.action = BotAction::ask_slot;
  ask.context.awaited_slot = "order_number";
  ask.context.slot_attempts = 1;
  auto outcome = given<Decider>(in_bot()).when(customer_says("m-2", "my order", at_min(1), ask));
  ASSERT_EQ(outcome.events().size(), 2u);
  EXPECT_EQ(std::get<BotReplied>(outcome.events()[1]).action, BotAction::ask_slot);
  EXPECT_EQ(outcome.state().bot_context.awaited_slot, "order_number");
}

TEST(ConversationReceive, AnotherChannelOfTheSameCustomerSwitchesTheChannel) {
  auto outcome = given<Decider>(in_bot()).when(
      customer_says("m-2", "hi from wechat", at_min(1), std::nullopt, Channel::wechat));
  EXPECT_EQ(outcome.events(),
            (Events{ChannelSwitched{Channel::web, Channel::wechat, at_min(1)},
                    MessageReceived{"m-2", Channel::wechat, "hi from wechat", at_min(1)}}));
  EXPECT_EQ(outcome.state().channel, Channel::wechat);
}

TEST(ConversationReceive, RejectsAnotherCustomer) {
  auto message = customer_says("m-2", "hi", at_min(1));
  message.customer_id = "c-2";
  auto outcome = given<Decider>(in_bot()).when(message);
  EXPECT_EQ(outcome.rejection_code(), Rejection::wrong_customer);
  EXPECT_EQ(outcome.rejection_detail(), "the conversation belongs to customer c-1, not c-2");
}

TEST(ConversationReceive, RejectsBadTextAndIds) {
  auto invalid = given<Decider>(in_bot()).when(customer_says("m-2", "caf\xc3", at_min(1)));
  EXPECT_EQ(invalid.rejection_code(), Rejection::invalid_utf8);
  EXPECT_EQ(invalid.rejection_detail(), "message text is not valid UTF-8");
  auto huge = given<Decider>(in_bot()).when(
      customer_says("m-2", std::string(kMessageTextBytesMax + 1, 'x'), at_min(1)));
  EXPECT_EQ(huge.rejection_code(), Rejection::text_too_long);
  EXPECT_EQ(huge.rejection_detail(), "message text is 16385 bytes; the limit is 16384");
  EXPECT_EQ(given<Decider>(in_bot()).when(customer_says("m-2", "", at_min(1))).rejection_code(),
            Rejection::invalid_field);
  EXPECT_EQ(given<Decider>(in_bot()).when(customer_says("", "hi", at_min(1))).rejection_code(),
            Rejection::invalid_field);
  auto dup = given<Decider>(in_bot()).when(customer_says("m-1", "again", at_min(1)));
  EXPECT_EQ(dup.rejection_code(), Rejection::duplicate_message);
  EXPECT_EQ(dup.rejection_detail(), "message m-1 was already received");
}

TEST(ConversationReceive, RejectsMalformedBotOutcomes) {
  auto check = [](BotOutcome bot, Rejection expected) {
    auto outcome = given<Decider>(in_bot()).when(customer_says("m-2", "hi", at_min(1), bot));
    EXPECT_EQ(outcome.rejection_code(), expected) << outcome.rejection_detail();
  };
  BotOutcome no_reply = bot_answer();
  no_reply.reply_text.clear();
  check(no_reply, Rejection::invalid_field);
  BotOutcome confident = bot_answer();
  confident.confidence = 1.5;
  check(confident, Rejection::invalid_field);
  check(bot_handoff({}), Rejection::invalid_field);
  check(bot_handoff({HandoffReason::tier_policy, HandoffReason::tier_policy}),
        Rejection::invalid_field);
  BotOutcome answer_with_reasons = bot_answer();
  answer_with_reasons.handoff_reasons = {HandoffReason::customer_asked};
  check(answer_with_reasons, Rejection::invalid_field);
  BotOutcome many_tags = bot_answer();
  many_tags.tags.assign(kTagsMax + 1, "t");
  check(many_tags, Rejection::invalid_field);
  BotOutcome bad_slot = bot_answer();
  bad_slot.slots["order_number"] = std::string(kSlotValueBytesMax + 1, '1');
  check(bad_slot, Rejection::text_too_long);
  BotOutcome bad_reply = bot_answer("\xed\xa0\x80");  // a UTF-16 surrogate
  check(bad_reply, Rejection::invalid_utf8);
}

TEST(ConversationReceive, TheBotHandsOffWithItsReasonsAndMaySayGoodbyeFirst) {
  auto outcome = given<Decider>(in_bot()).when(customer_says(
      "m-2", "this is terrible", at_min(1),
      bot_handoff({HandoffReason::negative_sentiment}, "Connecting you to a colleague.")));
  ASSERT_EQ(outcome.events().size(), 3u);
  EXPECT_EQ(std::get<BotReplied>(outcome.events()[1]).action, BotAction::handoff);
  EXPECT_EQ(outcome.events()[2], (Event{HandoffRequested{Initiator::bot,
                                                         {HandoffReason::negative_sentiment},
                                                         "refund",
                                                         {{"order_number", "SO-1001"}},
                                                         {"refund"},
                                                         "",
                                                         at_min(1)}}));
  EXPECT_EQ(outcome.state().phase, Phase::queued);
}

TEST(ConversationReceive, MessagesKeptInStateAreBounded) {
  State state = fold_events<Decider>(in_bot());
  for (std::size_t i = 0; i < kMessagesKept + 10; ++i) {
    state = evolve(state, MessageReceived{"x-" + std::to_string(i), Channel::web, "hi", at_min(1)});
  }
  EXPECT_EQ(state.messages.size(), kMessagesKept);
  EXPECT_EQ(state.messages_total, kMessagesKept + 11);
  EXPECT_EQ(state.messages.back().message_id, "x-" + std::to_string(kMessagesKept + 9));
}

// ---- handoff and routing ---------------------------------------------------------------------
TEST(ConversationHandoff, AgentOrSystemInitiatedHandoffKeepsWhatTheBotUnderstood) {
  Events history = in_bot();
  const auto bot = bot_answer();
  history.push_back(BotReplied{"m-1/bot", bot.action, bot.intent, bot.confidence, bot.reply_text,
                               bot.slots, bot.tags, bot.context, kT0});
  auto outcome = given<Decider>(history).when(
      RequestHandoff{Initiator::system, {HandoffReason::tier_policy}, "vip-desk", at_min(1)});
  EXPECT_EQ(outcome.events(), (Events{HandoffRequested{Initiator::system,
                                                       {HandoffReason::tier_policy},
                                                       "order_status",
                                                       bot.slots,
                                                       bot.tags,
                                                       "vip-desk",
                                                       at_min(1)}}));
  EXPECT_EQ(routing_request(outcome.state()),
            (RoutingRequest{std::nullopt, "vip-desk", "order_status", ""}));
  EXPECT_EQ(given<Decider>(history)
                .when(RequestHandoff{Initiator::agent, {}, "", at_min(1)})
                .rejection_code(),
            Rejection::invalid_field);
}

TEST(ConversationRouting, EnqueueRecordsTheQueueAndRefusesTheSameQueueTwice) {
  auto outcome = given<Decider>(in_queue()).when(Enqueue{"orders", Tier::vip, 4, at_min(2)});
  EXPECT_EQ(outcome.events(), (Events{Queued{"orders", Tier::vip, 4, at_min(2)}}));
  EXPECT_EQ(outcome.state().queue, (QueueEntry{"orders", Tier::vip, 4, at_min(2)}));
  Events queued = in_queue();
  queued.push_back(Queued{"orders", Tier::vip, 4, at_min(2)});
  EXPECT_EQ(
      given<Decider>(queued).when(Enqueue{"orders", Tier::vip, 2, at_min(3)}).rejection_code(),
      Rejection::already_queued);
  EXPECT_TRUE(given<Decider>(queued).when(Enqueue{"returns", Tier::vip, 1, at_min(3)}).accepted());
  EXPECT_EQ(given<Decider>(queued).when(Enqueue{"", Tier::vip, 1, at_min(3)}).rejection_code(),
            Rejection::invalid_field);
}

TEST(ConversationRouting, OffersExpireOnlyWhenDueAndOnlyForTheOfferedAgent) {
  const Timestamp expiry = at_min(5) + std::chrono::seconds(20);
  EXPECT_EQ(next_deadline(fold_events<Decider>(in_offer()), Duration::zero()), expiry);
  auto early = given<Decider>(in_offer()).when(ExpireOffer{"a-1", at_min(5)});
  EXPECT_EQ(early.rejection_code(), Rejection::not_due);
  EXPECT_EQ(given<Decider>(in_offer()).when(ExpireOffer{"a-2", expiry}).rejection_code(),
            Rejection::not_offered_agent);
  auto expired = given<Decider>(in_offer()).when(ExpireOffer{"a-1", expiry});
  EXPECT_EQ(expired.events(), (Events{OfferExpired{"a-1", expiry}}));
  EXPECT_EQ(expired.state().phase, Phase::queued);
  EXPECT_FALSE(expired.state().offer);
  EXPECT_TRUE(expired.state().queue);  // the router still holds it in the skill queue
  // The timer does the same.
  EXPECT_TRUE(given<Decider>(in_offer()).when(CheckTimers{{}, at_min(5)}).events().empty());
  EXPECT_EQ(given<Decider>(in_offer()).when(CheckTimers{{}, expiry}).events(),
            (Events{OfferExpired{"a-1", expiry}}));
  EXPECT_EQ(given<Decider>(in_queue()).when(Offer{"a-1", at_min(2), at_min(2)}).rejection_code(),
            Rejection::invalid_field);
}

TEST(ConversationRouting, DeclineAndAssignOnlyByTheOfferedAgent) {
  auto decline = given<Decider>(in_offer()).when(DeclineOffer{"a-2", at_min(6)});
  EXPECT_EQ(decline.rejection_code(), Rejection::not_offered_agent);
  EXPECT_EQ(decline.rejection_detail(), "the conversation is offered to a-1, not a-2");
  EXPECT_EQ(given<Decider>(in_offer())
                .when(Assign{"a-2", explanation("a-2"), at_min(6)})
                .rejection_code(),
            Rejection::not_offered_agent);
  auto mismatch = given<Decider>(in_offer()).when(Assign{"a-1", explanation("a-9"), at_min(6)});
  EXPECT_EQ(mismatch.rejection_code(), Rejection::invalid_field);
  EXPECT_EQ(mismatch.rejection_detail(), "the explanation names a-9 as the winner, not a-1");
  auto assigned = given<Decider>(in_offer()).when(Assign{"a-1", explanation("a-1"), at_min(6)});
  EXPECT_EQ(assigned.events(), (Events{Assigned{"a-1", explanation("a-1"), at_min(6)}}));
  EXPECT_EQ(assigned.state().assignment->explanation, explanation("a-1"));
  EXPECT_EQ(assigned.state().last_agent_id, "a-1");
  // Directly from the queue (no offer) is fine too.
  EXPECT_TRUE(
      given<Decider>(in_queue()).when(Assign{"a-3", explanation("a-3"), at_min(2)}).accepted());
}

// ---- the assigned agent ----------------------------------------------------------------------
TEST(ConversationAgent, OnlyTheAssignedAgentReplies) {
  auto reply =
      given<Decider>(in_assignment()).when(ReplyAsAgent{"a-1", "am-1", "On its way!", at_min(7)});
  EXPECT_EQ(reply.events(), (Events{AgentReplied{"a-1", "am-1", "On its way!", at_min(7)}}));
  EXPECT_EQ(reply.state().messages.back(),
            (Message{"am-1", Author::agent, "a-1", Channel::web, "On its way!", at_min(7)}));
  auto other = given<Decider>(in_assignment()).when(ReplyAsAgent{"a-2", "am-1", "Hi", at_min(7)});
  EXPECT_EQ(other.rejection_code(), Rejection::not_assigned_agent);
  EXPECT_EQ(other.rejection_detail(), "the conversation is assigned to a-1, not a-2");
  EXPECT_EQ(given<Decider>(in_assignment())
                .when(ReplyAsAgent{"a-1", "m-1", "Hi", at_min(7)})
                .rejection_code(),
            Rejection::duplicate_message);
  EXPECT_EQ(given<Decider>(in_assignment())
                .when(ReplyAsAgent{"a-1", "am-1", "\xff", at_min(7)})
                .rejection_code(),
            Rejection::invalid_utf8);
}

TEST(ConversationAgent, TransferGoesBackToRoutingWithTheNote) {
  const TransferTarget to{TargetKind::agent, "a-7"};
  auto outcome =
      given<Decider>(in_assignment()).when(Transfer{"a-1", to, "speaks Cantonese", at_min(7)});
  EXPECT_EQ(outcome.events(), (Events{Transferred{"a-1", to, "speaks Cantonese", at_min(7)}}));
  EXPECT_EQ(outcome.state().phase, Phase::queued);
  EXPECT_FALSE(outcome.state().assignment);
  EXPECT_EQ(routing_request(outcome.state())->target, to);
  EXPECT_EQ(routing_request(outcome.state())->last_agent_id, "a-1");
  EXPECT_EQ(given<Decider>(in_assignment())
                .when(Transfer{"a-1", {TargetKind::agent, "a-1"}, "", at_min(7)})
                .rejection_code(),
            Rejection::transfer_to_self);
  EXPECT_EQ(
      given<Decider>(in_assignment()).when(Transfer{"a-2", to, "", at_min(7)}).rejection_code(),
      Rejection::not_assigned_agent);
  EXPECT_EQ(given<Decider>(in_assignment())
                .when(Transfer{"a-1", to, std::string(kNoteBytesMax + 1, 'n'), at_min(7)})
                .rejection_code(),
            Rejection::text_too_long);
}

TEST(ConversationAgent, ReleasedFromAnOfflineAgentItIsQueuedAgain) {
  auto outcome = given<Decider>(in_assignment())
                     .when(ReleaseFromAgent{"a-1", ReleaseReason::agent_offline, at_min(7)});
  EXPECT_EQ(outcome.events(),
            (Events{ReleasedFromAgent{"a-1", ReleaseReason::agent_offline, at_min(7)}}));
  EXPECT_EQ(outcome.state().phase, Phase::queued);
  EXPECT_FALSE(outcome.state().assignment);
  EXPECT_EQ(given<Decider>(in_assignment())
                .when(ReleaseFromAgent{"a-2", ReleaseReason::agent_offline, at_min(7)})
                .rejection_code(),
            Rejection::not_assigned_agent);
}

// ---- resolution, closing, rating, reopening --------------------------------------------------
TEST(ConversationEnd, TheBotOrTheAssignedAgentResolves) {
  auto by_bot = given<Decider>(in_bot()).when(Resolve{"", at_min(1)});
  EXPECT_EQ(by_bot.events(), (Events{Resolved{"", at_min(1)}}));
  auto by_agent = given<Decider>(in_assignment()).when(Resolve{"a-1", at_min(7)});
  EXPECT_EQ(by_agent.state().phase, Phase::resolved);
  EXPECT_FALSE(by_agent.state().assignment);
  EXPECT_EQ(given<Decider>(in_assignment()).when(Resolve{"", at_min(7)}).rejection_code(),
            Rejection::not_assigned_agent);
}

TEST(ConversationEnd, AutoCloseAfterTheDelay) {
  const State resolved = fold_events<Decider>(in_resolution());
  const Duration delay = std::chrono::minutes(30);
  EXPECT_EQ(next_deadline(resolved, delay), at_min(38));
  EXPECT_FALSE(next_deadline(resolved, Duration::zero()));
  EXPECT_TRUE(
      given<Decider>(in_resolution()).when(CheckTimers{delay, at_min(37)}).events().empty());
  EXPECT_EQ(given<Decider>(in_resolution()).when(CheckTimers{delay, at_min(38)}).events(),
            (Events{Closed{CloseReason::auto_closed, at_min(38)}}));
  EXPECT_EQ(given<Decider>(in_resolution())
                .when(Close{static_cast<CloseReason>(9), at_min(9)})
                .rejection_code(),
            Rejection::invalid_field);
}

TEST(ConversationEnd, TheBotResolvesAConversationWhoseCustomerWentSilent) {
  const Duration silence = std::chrono::minutes(30);
  const Duration close = std::chrono::hours(24);
  const State with_bot = fold_events<Decider>(in_bot());  // last activity at minute 0
  EXPECT_EQ(bot_resolves_at(with_bot, silence), at_min(30));
  EXPECT_EQ(next_deadline(with_bot, close, {}, silence), at_min(30));
  EXPECT_FALSE(next_deadline(with_bot, close));  // off unless configured
  EXPECT_TRUE(given<Decider>(in_bot()).when(CheckTimers{close, at_min(29), {}, silence}).events().empty());
  auto done = given<Decider>(in_bot()).when(CheckTimers{close, at_min(30), {}, silence});
  EXPECT_EQ(done.events(), (Events{Resolved{"", at_min(30)}}));
  EXPECT_EQ(done.state().phase, Phase::resolved);
  // Then it closes like any resolution, and writing within the reopen window reopens it.
  EXPECT_EQ(next_deadline(done.state(), close, {}, silence), at_min(30) + close);
  EXPECT_TRUE(should_reopen(done.state(), at_min(40), close));
  // A conversation handed to a person is never the bot's to resolve.
  EXPECT_FALSE(bot_resolves_at(fold_events<Decider>(in_queue()), silence));
  EXPECT_TRUE(given<Decider>(in_queue()).when(CheckTimers{close, at_min(31), {}, silence}).events().empty());
}

// ---- follow-up tickets -----------------------------------------------------------------------
TEST(ConversationFollowUp, ACustomerSilentInTheQueueLeavesAndATicketFollowsUp) {
  const Duration abandon = std::chrono::minutes(30);
  const State queued = fold_events<Decider>(in_queue());  // last activity at minute 0
  EXPECT_EQ(queue_abandoned_at(queued, abandon), at_min(30));
  EXPECT_EQ(next_deadline(queued, std::chrono::hours(1), abandon), at_min(30));
  EXPECT_FALSE(next_deadline(queued, std::chrono::hours(1)));  // off by default
  EXPECT_TRUE(given<Decider>(in_queue()).when(CheckTimers{std::chrono::hours(1), at_min(29), abandon}).events().empty());
  auto left = given<Decider>(in_queue()).when(CheckTimers{std::chrono::hours(1), at_min(30), abandon});
  EXPECT_EQ(left.events(), (Events{Closed{CloseReason::customer_left, at_min(30)},
                                   FollowUpRequested{1, FollowUpReason::abandoned_in_queue, at_min(30)}}));
  EXPECT_EQ(left.state().phase, Phase::closed);
  EXPECT_EQ(left.state().follow_up, (FollowUpRequested{1, FollowUpReason::abandoned_in_queue, at_min(30)}));
  // An offer that is still out counts too: the earlier deadline wins.
  const State offered = fold_events<Decider>(in_offer());
  EXPECT_EQ(next_deadline(offered, std::chrono::hours(1), abandon), at_min(5) + std::chrono::seconds(20));
  // Writing keeps the customer's place.
  Events wrote = in_queue();
  wrote.push_back(MessageReceived{"m-2", Channel::web, "still there?", at_min(20)});
  EXPECT_EQ(queue_abandoned_at(fold_events<Decider>(wrote), abandon), at_min(50));
  // Nobody abandons a conversation an agent has.
  EXPECT_FALSE(queue_abandoned_at(fold_events<Decider>(in_assignment()), abandon));
}

TEST(ConversationFollowUp, RequestedOnceThenConfirmedOnce) {
  Events history = in_queue();
  auto requested = given<Decider>(history).when(RequestFollowUp{FollowUpReason::out_of_hours, at_min(1)});
  EXPECT_EQ(requested.events(), (Events{FollowUpRequested{1, FollowUpReason::out_of_hours, at_min(1)}}));
  history.push_back(FollowUpRequested{1, FollowUpReason::out_of_hours, at_min(1)});
  EXPECT_EQ(given<Decider>(history).when(RequestFollowUp{FollowUpReason::out_of_hours, at_min(2)}).rejection_code(),
            Rejection::follow_up_pending);
  EXPECT_EQ(given<Decider>(history).when(ConfirmFollowUp{2, "tk-x-f2", at_min(2)}).rejection_code(),
            Rejection::invalid_field);
  EXPECT_EQ(given<Decider>(history).when(ConfirmFollowUp{1, "", at_min(2)}).rejection_code(),
            Rejection::invalid_field);
  auto confirmed = given<Decider>(history).when(ConfirmFollowUp{1, "tk-x-f1", at_min(2)});
  EXPECT_EQ(confirmed.events(), (Events{FollowUpOpened{1, "tk-x-f1", at_min(2)}}));
  EXPECT_FALSE(confirmed.state().follow_up);
  EXPECT_EQ(confirmed.state().follow_up_tickets, (std::vector<std::string>{"tk-x-f1"}));
  history.push_back(FollowUpOpened{1, "tk-x-f1", at_min(2)});
  EXPECT_TRUE(given<Decider>(history).when(ConfirmFollowUp{1, "tk-x-f1", at_min(3)}).events().empty())
      << "a repeated confirmation changes nothing";
  EXPECT_EQ(given<Decider>(history).when(RequestFollowUp{FollowUpReason::out_of_hours, at_min(4)}).events(),
            (Events{FollowUpRequested{2, FollowUpReason::out_of_hours, at_min(4)}}));
  EXPECT_EQ(given<Decider>(history)
                .when(RequestFollowUp{static_cast<FollowUpReason>(7), at_min(4)})
                .rejection_code(),
            Rejection::invalid_field);
}

TEST(ConversationRating, OnceAndOnlyAfterResolution) {
  auto rated = given<Decider>(in_resolution()).when(Rate{4, "good", at_min(9)});
  EXPECT_EQ(rated.events(), (Events{RatedByCustomer{4, "good", at_min(9)}}));
  EXPECT_EQ(rated.state().rating, (Rating{4, "good", at_min(9)}));
  Events twice = in_resolution();
  twice.push_back(RatedByCustomer{4, "good", at_min(9)});
  auto again = given<Decider>(twice).when(Rate{5, "", at_min(10)});
  EXPECT_EQ(again.rejection_code(), Rejection::already_rated);
  EXPECT_EQ(again.rejection_detail(), "the customer already rated this conversation 4");
  auto early = given<Decider>(in_assignment()).when(Rate{5, "", at_min(7)});
  EXPECT_EQ(early.rejection_code(), Rejection::not_resolved);
  Events abandoned = in_queue();
  abandoned.push_back(Closed{CloseReason::customer_left, at_min(3)});
  EXPECT_EQ(given<Decider>(abandoned).when(Rate{5, "", at_min(4)}).rejection_code(),
            Rejection::not_resolved);
  EXPECT_EQ(given<Decider>(in_resolution()).when(Rate{0, "", at_min(9)}).rejection_code(),
            Rejection::invalid_field);
  EXPECT_EQ(given<Decider>(in_resolution()).when(Rate{6, "", at_min(9)}).rejection_code(),
            Rejection::invalid_field);
  EXPECT_EQ(given<Decider>(in_closing()).when(Rate{3, "", at_min(10)}).events(),
            (Events{RatedByCustomer{3, "", at_min(10)}}));
}

TEST(ConversationReopen, InsideTheWindowTheConversationReopens) {
  const Duration window = std::chrono::hours(1);
  const State closed = fold_events<Decider>(in_closing());
  EXPECT_TRUE(should_reopen(closed, at_min(8) + window, window));  // counted from the resolution
  EXPECT_FALSE(should_reopen(closed, at_min(8) + window + Duration(1), window));
  auto message = customer_says("m-9", "it did not arrive", at_min(30));
  message.reopen_window = window;
  auto outcome = given<Decider>(in_closing()).when(message);
  EXPECT_EQ(outcome.events(),
            (Events{Reopened{Phase::closed, at_min(30)},
                    MessageReceived{"m-9", Channel::web, "it did not arrive", at_min(30)}}));
  // Handed off before, so it goes straight back to routing (sticky to the last agent).
  EXPECT_EQ(outcome.state().phase, Phase::queued);
  EXPECT_EQ(routing_request(outcome.state())->last_agent_id, "a-1");
  EXPECT_EQ(outcome.state().reopen_count, 1u);
  EXPECT_FALSE(outcome.state().resolution);
}

TEST(ConversationReopen, OutsideTheWindowANewConversationIsNeeded) {
  auto message = customer_says("m-9", "hello?", at_min(8) + std::chrono::hours(25));
  auto outcome = given<Decider>(in_closing()).when(message);
  EXPECT_EQ(outcome.rejection_code(), Rejection::outside_reopen_window);
  EXPECT_FALSE(bot_has_turn(fold_events<Decider>(in_closing()), message.at, message.reopen_window));
}

TEST(ConversationReopen, ABotOnlyConversationReopensToTheBot) {
  Events history = in_bot();
  history.push_back(Resolved{"", at_min(1)});
  const State resolved = fold_events<Decider>(history);
  EXPECT_TRUE(bot_has_turn(resolved, at_min(2), kReopenWindowDefault));
  auto outcome =
      given<Decider>(history).when(customer_says("m-2", "one more thing", at_min(2), bot_answer()));
  ASSERT_EQ(outcome.events().size(), 3u);
  EXPECT_EQ(outcome.events()[0], (Event{Reopened{Phase::resolved, at_min(2)}}));
  EXPECT_EQ(outcome.state().phase, Phase::bot);
}

// ---- effects ---------------------------------------------------------------------------------
TEST(ConversationEffects, EachEventTellsTheActorWhatToDo) {
  const State bot = fold_events<Decider>(in_bot());
  const State assigned = fold_events<Decider>(in_assignment());
  const State offered = fold_events<Decider>(in_offer());
  using Effects = std::vector<Effect>;
  EXPECT_EQ(effects_after(State{}, Opened{"c-1", Channel::web, kT0}),
            (Effects{Effect::record_conversation_on_customer}));
  EXPECT_EQ(effects_after(bot, HandoffRequested{}), (Effects{Effect::ask_router}));
  EXPECT_EQ(effects_after(bot, BotReplied{}), (Effects{Effect::push_to_channel}));
  EXPECT_EQ(effects_after(assigned, AgentReplied{}), (Effects{Effect::push_to_channel}));
  EXPECT_EQ(effects_after(assigned, MessageReceived{}), (Effects{Effect::notify_agent_desk}));
  EXPECT_EQ(effects_after(bot, MessageReceived{}), (Effects{}));
  EXPECT_EQ(effects_after(assigned, ReleasedFromAgent{}), (Effects{Effect::ask_router}));
  EXPECT_EQ(effects_after(assigned, Resolved{}),
            (Effects{Effect::release_agent, Effect::prompt_csat}));
  EXPECT_EQ(effects_after(bot, Resolved{}), (Effects{Effect::prompt_csat}));
  EXPECT_EQ(effects_after(offered, Closed{}), (Effects{Effect::withdraw_from_router}));
  EXPECT_EQ(effects_after(offered, Assigned{}),
            (Effects{Effect::accept_on_agent, Effect::record_last_agent_on_customer,
                     Effect::notify_agent_desk}));
  EXPECT_EQ(effects_after(assigned, Transferred{}),
            (Effects{Effect::release_agent, Effect::ask_router}));
  EXPECT_EQ(effects_after(offered, FollowUpRequested{}), (Effects{Effect::open_follow_up_ticket}));
  EXPECT_EQ(effects_after(offered, FollowUpOpened{}), (Effects{}));
  EXPECT_EQ(to_string(Effect::prompt_csat), "prompt_csat");
}

}  // namespace
}  // namespace sb::conversation
