// Customer core: given/when/then for every command (unregistered, registered, absorbed), merge and
// unmerge restoring both histories, tier rules, and a seeded replay-equals-live property.

#include "actors/customer/customer_decider.hpp"

#include <random>

#include <gtest/gtest.h>

#include "actors/customer/customer_identity.hpp"
#include "actors/customer/customer_tier.hpp"
#include "actors/customer/customer_views.hpp"
#include "tests/actors/customer/customer_test_support.hpp"
#include "tests/support/given_when_then.hpp"

namespace sb::customer {
namespace {

using namespace test;
using sb::testing::given;
using Events = std::vector<Event>;

TierRules default_rules() { return TierRules{}; }

// ---- RegisterCustomer -----------------------------------------------------------------------
TEST(CustomerRegister, RecordsTheCustomerAndItsFirstIdentity) {
  auto outcome = given<Decider>({}).when(
      RegisterCustomer{"c-1", Identity{IdentityKind::phone, "+86 138-0000-0000", true, {}},
                       new_profile(), default_rules(), kT0});
  const Events expected{registered(),
                        IdentityLinked{identity(IdentityKind::phone, "+8613800000000", true, kT0)}};
  EXPECT_EQ(outcome.events(), expected);
  EXPECT_EQ(outcome.state().tier, Tier::new_customer);
  EXPECT_EQ(outcome.state().customer_id, "c-1");
}

TEST(CustomerRegister, AnOldAccountStartsAsRegular) {
  Profile profile = new_profile();
  profile.account_created_at = kT0 - std::chrono::hours(24 * 365);
  auto outcome = given<Decider>({}).when(RegisterCustomer{
      "c-1", identity(IdentityKind::web_visitor, "v-1"), profile, default_rules(), kT0});
  ASSERT_EQ(outcome.events().size(), 3u);
  EXPECT_EQ(outcome.events()[2], (Event{TierChanged{Tier::new_customer, Tier::regular, kT0}}));
}

TEST(CustomerRegister, RejectsTwiceAndInvalidFields) {
  const auto reg = RegisterCustomer{"c-1", identity(IdentityKind::web_visitor, "v-1"),
                                    new_profile(), default_rules(), kT0};
  EXPECT_EQ(given<Decider>({registered()}).when(reg).rejection_code(),
            Rejection::already_registered);
  auto no_id = reg;
  no_id.customer_id = "";
  EXPECT_EQ(given<Decider>({}).when(no_id).rejection_code(), Rejection::invalid_field);
  auto unverifiable = reg;
  unverifiable.first_identity.verified = true;  // a web visitor id cannot be verified
  EXPECT_EQ(given<Decider>({}).when(unverifiable).rejection_code(), Rejection::invalid_field);
  auto bad_name = reg;
  bad_name.profile.display_name = "\xff\xfe";
  auto outcome = given<Decider>({}).when(bad_name);
  EXPECT_EQ(outcome.rejection_code(), Rejection::invalid_field);
  EXPECT_EQ(outcome.rejection_detail(), "display name is not valid UTF-8");
  auto bad_rules = reg;
  bad_rules.rules.vip_after_spend_cents = 0;
  EXPECT_EQ(given<Decider>({}).when(bad_rules).rejection_code(), Rejection::invalid_field);
}

TEST(CustomerRegister, ANewChannelIdentityRegistersAlreadyMergedIntoTheAccount) {
  const MergeCustomers merge{"acct-1", "c-2", MergeReason::verified_identity, kT0};
  auto reg = RegisterCustomer{"c-2",         identity(IdentityKind::web_visitor, "v-2"),
                              new_profile(), default_rules(),
                              kT0,           merge};
  auto outcome = given<Decider>({}).when(reg);
  const Events expected{registered("c-2"),
                        IdentityLinked{identity(IdentityKind::web_visitor, "v-2", false, kT0)},
                        CustomersMerged{"acct-1", "c-2", MergeReason::verified_identity, kT0}};
  EXPECT_EQ(outcome.events(), expected);
  EXPECT_EQ(outcome.state().merged_into,
            (MergeLink{"acct-1", MergeReason::verified_identity, kT0}));
  // The same state as a registration followed by the absorbed side of the merge.
  auto plain = reg;
  plain.merged.reset();
  auto two_steps = given<Decider>({}).when(plain);
  auto merged_after = sb::testing::Given<Decider>(two_steps.state()).when(merge);
  EXPECT_EQ(outcome.state(), merged_after.state());

  auto wrong_side = reg;
  wrong_side.merged->absorbed_id = "acct-1";
  EXPECT_EQ(given<Decider>({}).when(wrong_side).rejection_code(), Rejection::invalid_field);
  auto into_itself = reg;
  into_itself.merged->survivor_id = "c-2";
  EXPECT_EQ(given<Decider>({}).when(into_itself).rejection_code(), Rejection::self_merge);
}

TEST(CustomerRegister, ANewAccountRegistersAbsorbingItsChannelIdentitysCustomer) {
  const MergeCustomers merge{"acct-1", "c-2", MergeReason::verified_identity, kT0};
  auto reg = RegisterCustomer{"acct-1",      identity(IdentityKind::phone, "+8613800000000", true),
                              new_profile(), default_rules(),
                              kT0,           std::nullopt,
                              merge};
  auto outcome = given<Decider>({}).when(reg);
  ASSERT_TRUE(outcome.accepted()) << outcome.rejection_detail();
  const Event merged = CustomersMerged{"acct-1", "c-2", MergeReason::verified_identity, kT0};
  EXPECT_EQ(outcome.events().back(), merged);
  EXPECT_EQ(outcome.state().absorbed,
            (std::vector<MergeLink>{{"c-2", MergeReason::verified_identity, kT0}}));
  // The same state as a registration followed by the survivor's side of the merge.
  auto plain = reg;
  plain.absorbs.reset();
  auto two_steps = given<Decider>({}).when(plain);
  auto merged_after = sb::testing::Given<Decider>(two_steps.state()).when(merge);
  EXPECT_EQ(outcome.state(), merged_after.state());

  auto wrong_side = reg;
  wrong_side.absorbs->survivor_id = "c-2";
  wrong_side.absorbs->absorbed_id = "acct-1";
  EXPECT_EQ(given<Decider>({}).when(wrong_side).rejection_code(), Rejection::invalid_field);
  auto itself = reg;
  itself.absorbs->absorbed_id = "acct-1";
  EXPECT_EQ(given<Decider>({}).when(itself).rejection_code(), Rejection::self_merge);
  auto both = reg;
  both.merged = MergeCustomers{"acct-9", "acct-1", MergeReason::verified_identity, kT0};
  EXPECT_EQ(given<Decider>({}).when(both).rejection_code(), Rejection::invalid_field);
}

TEST(CustomerUnregistered, RejectsEveryOtherCommand) {
  const std::vector<Command> commands{
      LinkIdentity{IdentityKind::email, "a@b.c", false, kT0},
      UnlinkIdentity{IdentityKind::email, "a@b.c", kT0},
      MergeCustomers{"c-1", "c-2", MergeReason::agent_decision, kT0},
      UnmergeCustomers{"c-1", "c-2", kT0},
      RecordConversation{"conv-1", Channel::web, kT0},
      RecordTicket{"t-1", Channel::web, kT0},
      RecordLastAgent{"a-1", "conv-1", kT0},
      UpdateProfile{new_profile(), default_rules(), kT0},
      EvaluateTier{default_rules(), kT0}};
  for (const auto& command : commands) {
    EXPECT_EQ(given<Decider>({}).when(command).rejection_code(), Rejection::not_registered)
        << "command #" << command.index();
  }
}

// ---- identities -----------------------------------------------------------------------------
TEST(CustomerIdentity, LinksNormalizedIdentities) {
  auto outcome =
      given<Decider>({registered()})
          .when(LinkIdentity{IdentityKind::email, "Li.Wei@Example.COM", true, at_min(1)});
  EXPECT_EQ(outcome.events(), (Events{IdentityLinked{identity(
                                  IdentityKind::email, "li.wei@example.com", true, at_min(1))}}));
  EXPECT_EQ(outcome.state().identities.size(), 1u);
}

TEST(CustomerIdentity, ALoginOnANewChannelLinksAndAbsorbsInOneDecision) {
  const MergeCustomers merge{"c-1", "app:u-2", MergeReason::verified_identity, at_min(1)};
  auto link = LinkIdentity{IdentityKind::app_user, "u-2", false, at_min(1), merge};
  auto outcome = given<Decider>({registered()}).when(link);
  ASSERT_TRUE(outcome.accepted()) << outcome.rejection_detail();
  const Event merged = CustomersMerged{"c-1", "app:u-2", MergeReason::verified_identity, at_min(1)};
  EXPECT_EQ(
      outcome.events(),
      (Events{IdentityLinked{identity(IdentityKind::app_user, "u-2", false, at_min(1))}, merged}));
  ASSERT_EQ(outcome.state().absorbed.size(), 1u);
  EXPECT_EQ(outcome.state().absorbed[0].customer_id, "app:u-2");

  // The merge is decided as on its own: absorbed once, never by another survivor's command.
  auto again = LinkIdentity{IdentityKind::app_user, "u-3", false, at_min(2), merge};
  EXPECT_EQ(given<Decider>({registered(), merged}).when(again).rejection_code(),
            Rejection::already_merged);
  auto elsewhere = link;
  elsewhere.absorbs->survivor_id = "c-9";
  EXPECT_EQ(given<Decider>({registered()}).when(elsewhere).rejection_code(),
            Rejection::invalid_field);
}

TEST(CustomerIdentity, VerifyingAnUnverifiedIdentityKeepsItsLinkTime) {
  auto outcome =
      given<Decider>({registered(), IdentityLinked{identity(IdentityKind::phone, "+861")}})
          .when(LinkIdentity{IdentityKind::phone, "+861", true, at_min(5)});
  ASSERT_TRUE(outcome.accepted());
  ASSERT_EQ(outcome.state().identities.size(), 1u);
  EXPECT_TRUE(outcome.state().identities[0].verified);
  EXPECT_EQ(outcome.state().identities[0].linked_at, kT0);
}

TEST(CustomerIdentity, RejectsDuplicatesInvalidValuesAndTooMany) {
  const Events base{registered(), IdentityLinked{identity(IdentityKind::phone, "+861", true)}};
  auto dup = given<Decider>(base).when(LinkIdentity{IdentityKind::phone, "+86 1", false, kT0});
  EXPECT_EQ(dup.rejection_code(), Rejection::already_linked);
  EXPECT_EQ(dup.rejection_detail(), "phone:+861 is already linked");
  EXPECT_EQ(given<Decider>(base)
                .when(LinkIdentity{IdentityKind::phone, "12", false, kT0})
                .rejection_code(),
            Rejection::invalid_field);
  EXPECT_EQ(given<Decider>(base)
                .when(LinkIdentity{IdentityKind::email, "nobody", false, kT0})
                .rejection_code(),
            Rejection::invalid_field);
  EXPECT_EQ(given<Decider>(base)
                .when(LinkIdentity{IdentityKind::app_user, "", false, kT0})
                .rejection_code(),
            Rejection::invalid_field);
  EXPECT_EQ(given<Decider>(base)
                .when(LinkIdentity{IdentityKind::wechat_openid, "o", true, kT0})
                .rejection_code(),
            Rejection::invalid_field);
  Events full{registered()};
  for (std::size_t i = 0; i < kIdentitiesMax; ++i) {
    full.push_back(IdentityLinked{identity(IdentityKind::web_visitor, "v" + std::to_string(i))});
  }
  EXPECT_EQ(given<Decider>(full)
                .when(LinkIdentity{IdentityKind::app_user, "u", false, kT0})
                .rejection_code(),
            Rejection::too_many_identities);
}

TEST(CustomerIdentity, UnlinksOnlyLinkedIdentities) {
  const Events base{registered(), IdentityLinked{identity(IdentityKind::email, "a@b.c")}};
  auto outcome = given<Decider>(base).when(UnlinkIdentity{IdentityKind::email, "A@B.C", at_min(1)});
  EXPECT_EQ(outcome.events(), (Events{IdentityUnlinked{IdentityKind::email, "a@b.c", at_min(1)}}));
  EXPECT_TRUE(outcome.state().identities.empty());
  EXPECT_EQ(
      given<Decider>(base).when(UnlinkIdentity{IdentityKind::email, "x@b.c", kT0}).rejection_code(),
      Rejection::not_linked);
}

TEST(CustomerIdentity, IndexKeysAreCanonical) {
  EXPECT_EQ(
      identity_key(IdentityKind::phone, *normalize_identity(IdentityKind::phone, "+1 (555) 010")),
      "phone:+1555010");
  EXPECT_FALSE(normalize_identity(IdentityKind::phone, "555+1"));
  EXPECT_FALSE(normalize_identity(IdentityKind::email, "a@b@c"));
}

// ---- timeline and last agent ----------------------------------------------------------------
TEST(CustomerTimeline, KeepsConversationsAndTicketsInTimeOrder) {
  auto state = given<Decider>({registered()})
                   .then_also(RecordTicket{"t-1", Channel::email, at_min(5)})
                   .then_also(RecordConversation{"conv-1", Channel::web, at_min(1)})
                   .then_also(RecordConversation{"conv-2", Channel::wechat, at_min(9)})
                   .state();
  ASSERT_EQ(state.timeline.size(), 3u);
  EXPECT_EQ(state.timeline[0].id, "conv-1");
  EXPECT_EQ(state.timeline[1].id, "t-1");
  EXPECT_EQ(state.timeline[2],
            (TimelineEntry{TimelineKind::conversation, "conv-2", Channel::wechat, at_min(9)}));
  EXPECT_EQ(state.conversations_total, 2u);
  EXPECT_EQ(state.tickets_total, 1u);
}

TEST(CustomerTimeline, RejectsDuplicatesAndEmptyIds) {
  const Events base{registered(), ConversationStarted{"conv-1", Channel::web, kT0}};
  EXPECT_EQ(
      given<Decider>(base).when(RecordConversation{"conv-1", Channel::app, kT0}).rejection_code(),
      Rejection::already_recorded);
  EXPECT_EQ(given<Decider>(base).when(RecordTicket{"", Channel::app, kT0}).rejection_code(),
            Rejection::invalid_field);
  // A ticket may share an id with a conversation: they are different kinds.
  EXPECT_TRUE(given<Decider>(base).when(RecordTicket{"conv-1", Channel::app, kT0}).accepted());
}

TEST(CustomerTimeline, IsBoundedKeepingTheNewest) {
  State state = given<Decider>({registered()}).state();
  for (std::size_t i = 0; i < kTimelineEntriesMax + 5; ++i) {
    state = evolve(state, ConversationStarted{"conv-" + std::to_string(i), Channel::web,
                                              at_min(static_cast<int>(i))});
  }
  ASSERT_EQ(state.timeline.size(), kTimelineEntriesMax);
  EXPECT_EQ(state.timeline.front().id, "conv-5");
  EXPECT_EQ(state.conversations_total, kTimelineEntriesMax + 5);
}

TEST(CustomerLastAgent, RecordsTheNewestAndRejectsOlder) {
  const Events base{registered(), LastAgentRecorded{LastAgent{"a-1", "conv-1", at_min(10)}}};
  auto newer = given<Decider>(base).when(RecordLastAgent{"a-2", "conv-2", at_min(20)});
  EXPECT_EQ(newer.state().last_agent, (LastAgent{"a-2", "conv-2", at_min(20)}));
  EXPECT_EQ(given<Decider>(base).when(RecordLastAgent{"a-3", "conv-3", at_min(5)}).rejection_code(),
            Rejection::stale);
  EXPECT_EQ(given<Decider>(base).when(RecordLastAgent{"", "conv-3", at_min(30)}).rejection_code(),
            Rejection::invalid_field);
}

// ---- profile and tier -----------------------------------------------------------------------
TEST(CustomerTier, RulesPickTheHighestTierEarned) {
  const TierRules rules;
  Profile p = new_profile();
  EXPECT_EQ(evaluate_tier(p, rules, kT0), Tier::new_customer);
  EXPECT_EQ(evaluate_tier(p, rules, kT0 + std::chrono::hours(24 * 30)), Tier::regular);
  p.orders_total = 1;
  EXPECT_EQ(evaluate_tier(p, rules, kT0), Tier::regular);
  p.spend_cents_total = 1'000'000;
  EXPECT_EQ(evaluate_tier(p, rules, kT0), Tier::vip);
  p.spend_cents_total = 0;
  p.vip_flag = true;
  EXPECT_EQ(evaluate_tier(p, rules, kT0), Tier::vip);
  p.enterprise_flag = true;
  EXPECT_EQ(evaluate_tier(p, rules, kT0), Tier::enterprise);
  TierRules flags_off;
  flags_off.enterprise_by_flag = false;
  flags_off.vip_by_flag = false;
  flags_off.vip_after_spend_cents.reset();
  flags_off.regular_after_orders = 0;
  flags_off.regular_after_account_age = Duration::zero();
  EXPECT_EQ(evaluate_tier(p, flags_off, kT0 + std::chrono::hours(24 * 999)), Tier::new_customer);
}

TEST(CustomerTier, ProfileUpdateRecordsTheProfileAndTheTierChange) {
  Profile vip = new_profile();
  vip.vip_flag = true;
  auto outcome =
      given<Decider>({registered()}).when(UpdateProfile{vip, default_rules(), at_min(1)});
  EXPECT_EQ(outcome.events(), (Events{ProfileUpdated{vip, at_min(1)},
                                      TierChanged{Tier::new_customer, Tier::vip, at_min(1)}}));
  EXPECT_EQ(outcome.state().tier, Tier::vip);
  EXPECT_EQ(outcome.state().tier_since, at_min(1));
  // The same profile again: nothing to record.
  EXPECT_TRUE(given<Decider>({registered()})
                  .when(UpdateProfile{new_profile(), default_rules(), at_min(1)})
                  .events()
                  .empty());
  Profile negative = new_profile();
  negative.spend_cents_total = -1;
  EXPECT_EQ(given<Decider>({registered()})
                .when(UpdateProfile{negative, default_rules(), at_min(1)})
                .rejection_code(),
            Rejection::invalid_field);
}

TEST(CustomerTier, EvaluateTierPromotesByAccountAgeWhenTheTimerFires) {
  const auto review = next_tier_review(given<Decider>({registered()}).state(), default_rules());
  ASSERT_TRUE(review);
  EXPECT_EQ(*review, kT0 + std::chrono::hours(24 * 30));
  EXPECT_TRUE(given<Decider>({registered()})
                  .when(EvaluateTier{default_rules(), *review - Duration(1)})
                  .events()
                  .empty());
  auto outcome = given<Decider>({registered()}).when(EvaluateTier{default_rules(), *review});
  EXPECT_EQ(outcome.events(), (Events{TierChanged{Tier::new_customer, Tier::regular, *review}}));
  EXPECT_FALSE(next_tier_review(outcome.state(), default_rules()));
  TierRules bad;
  bad.regular_after_account_age = Duration(-1);
  EXPECT_EQ(given<Decider>({registered()}).when(EvaluateTier{bad, kT0}).rejection_code(),
            Rejection::invalid_field);
}

// ---- merge and unmerge ----------------------------------------------------------------------
State customer(const std::string& id, const std::string& phone, int offset_min) {
  return fold_events<Decider>(history(id, phone, offset_min));
}

TEST(CustomerMerge, EachSideRecordsItsLinkAndUnmergeRestoresBothExactly) {
  const State survivor = customer("c-1", "+861", 0);
  const State absorbed = customer("c-2", "+862", 10);
  const MergeCustomers merge{"c-1", "c-2", MergeReason::verified_identity, at_min(30)};

  auto absorbed_side = sb::testing::Given<Decider>(absorbed).when(merge);
  auto survivor_side = sb::testing::Given<Decider>(survivor).when(merge);
  const Event merged = CustomersMerged{"c-1", "c-2", MergeReason::verified_identity, at_min(30)};
  EXPECT_EQ(absorbed_side.events(), (Events{merged}));
  EXPECT_EQ(survivor_side.events(), (Events{merged}));
  EXPECT_EQ(absorbed_side.state().merged_into,
            (MergeLink{"c-1", MergeReason::verified_identity, at_min(30)}));
  EXPECT_EQ(survivor_side.state().absorbed,
            (std::vector<MergeLink>{{"c-2", MergeReason::verified_identity, at_min(30)}}));
  // Histories are untouched by the merge.
  EXPECT_EQ(absorbed_side.state().timeline, absorbed.timeline);
  EXPECT_EQ(absorbed_side.state().identities, absorbed.identities);

  const UnmergeCustomers unmerge{"c-1", "c-2", at_min(40)};
  auto absorbed_back = sb::testing::Given<Decider>(absorbed_side.state()).when(unmerge);
  auto survivor_back = sb::testing::Given<Decider>(survivor_side.state()).when(unmerge);
  EXPECT_EQ(absorbed_back.events(), (Events{CustomerUnmerged{"c-1", "c-2", at_min(40)}}));
  EXPECT_EQ(absorbed_back.state(), absorbed);
  EXPECT_EQ(survivor_back.state(), survivor);
}

TEST(CustomerMerge, AnAbsorbedCustomerRedirectsActivityToTheSurvivor) {
  const Events merged{registered("c-2"),
                      CustomersMerged{"c-1", "c-2", MergeReason::agent_decision, kT0}};
  auto outcome = given<Decider>(merged).when(RecordLastAgent{"a-1", "conv-9", kT0});
  EXPECT_EQ(outcome.rejection_code(), Rejection::merged);
  EXPECT_EQ(outcome.rejection_detail(), "customer c-2 is merged into c-1; send it there");
  const std::vector<Command> activity{LinkIdentity{IdentityKind::email, "a@b.c", false, kT0},
                                      UnlinkIdentity{IdentityKind::email, "a@b.c", kT0},
                                      RecordLastAgent{"a-1", "conv-1", kT0},
                                      UpdateProfile{new_profile(), default_rules(), kT0},
                                      EvaluateTier{default_rules(), kT0}};
  for (const auto& command : activity) {
    EXPECT_EQ(given<Decider>(merged).when(command).rejection_code(), Rejection::merged)
        << "command #" << command.index();
  }
  // It cannot absorb anyone else either, nor be merged twice.
  EXPECT_EQ(given<Decider>(merged)
                .when(MergeCustomers{"c-2", "c-3", MergeReason::agent_decision, kT0})
                .rejection_code(),
            Rejection::merged);
  EXPECT_EQ(given<Decider>(merged)
                .when(MergeCustomers{"c-3", "c-2", MergeReason::agent_decision, kT0})
                .rejection_code(),
            Rejection::already_merged);
}

TEST(CustomerMerge, AnAbsorbedCustomerKeepsRecordingItsOwnConversationsAndTickets) {
  // Its open conversation may end (or open a follow-up ticket) after the merge: the entry stays
  // on its own history, which the survivor's timeline shows and an unmerge gives back.
  const Events merged{registered("c-2"),
                      CustomersMerged{"c-1", "c-2", MergeReason::agent_decision, kT0}};
  EXPECT_EQ(given<Decider>(merged).when(RecordTicket{"t-9", Channel::web, kT0}).events(),
            (Events{TicketOpened{"t-9", Channel::web, kT0}}));
  EXPECT_EQ(given<Decider>(merged).when(RecordConversation{"conv-9", Channel::web, kT0}).events(),
            (Events{ConversationStarted{"conv-9", Channel::web, kT0}}));
}

TEST(CustomerMerge, RejectsSelfOutsidersDuplicatesCyclesAndTooMany) {
  const Events base{registered("c-1")};
  EXPECT_EQ(given<Decider>(base)
                .when(MergeCustomers{"c-1", "c-1", MergeReason::agent_decision, kT0})
                .rejection_code(),
            Rejection::self_merge);
  EXPECT_EQ(given<Decider>(base)
                .when(MergeCustomers{"c-8", "c-9", MergeReason::agent_decision, kT0})
                .rejection_code(),
            Rejection::not_party);
  Events with_one = base;
  with_one.push_back(CustomersMerged{"c-1", "c-2", MergeReason::agent_decision, kT0});
  EXPECT_EQ(given<Decider>(with_one)
                .when(MergeCustomers{"c-1", "c-2", MergeReason::agent_decision, kT0})
                .rejection_code(),
            Rejection::already_merged);
  EXPECT_EQ(given<Decider>(with_one)
                .when(MergeCustomers{"c-2", "c-1", MergeReason::agent_decision, kT0})
                .rejection_code(),
            Rejection::already_merged);
  Events full = base;
  for (std::size_t i = 0; i < kAbsorbedMax; ++i) {
    full.push_back(
        CustomersMerged{"c-1", "x-" + std::to_string(i), MergeReason::agent_decision, kT0});
  }
  EXPECT_EQ(given<Decider>(full)
                .when(MergeCustomers{"c-1", "c-99", MergeReason::agent_decision, kT0})
                .rejection_code(),
            Rejection::too_many_absorbed);
}

TEST(CustomerUnmerge, RejectsWhatIsNotMerged) {
  const Events base{registered("c-1")};
  EXPECT_EQ(given<Decider>(base).when(UnmergeCustomers{"c-1", "c-2", kT0}).rejection_code(),
            Rejection::not_merged);
  EXPECT_EQ(given<Decider>(base).when(UnmergeCustomers{"c-2", "c-1", kT0}).rejection_code(),
            Rejection::not_merged);
  EXPECT_EQ(given<Decider>(base).when(UnmergeCustomers{"c-3", "c-4", kT0}).rejection_code(),
            Rejection::not_party);
  const Events merged_elsewhere{registered("c-2"),
                                CustomersMerged{"c-1", "c-2", MergeReason::agent_decision, kT0}};
  EXPECT_EQ(
      given<Decider>(merged_elsewhere).when(UnmergeCustomers{"c-5", "c-2", kT0}).rejection_code(),
      Rejection::not_merged);
}

TEST(CustomerMerge, AChainUnmergesLevelByLevel) {
  // c-3 into c-2, then c-2 into c-1: c-2 keeps its own absorbed link while merged.
  auto c2 = sb::testing::Given<Decider>(customer("c-2", "+862", 0))
                .then_also(MergeCustomers{"c-2", "c-3", MergeReason::agent_decision, at_min(20)})
                .then_also(MergeCustomers{"c-1", "c-2", MergeReason::agent_decision, at_min(21)});
  EXPECT_EQ(c2.state().absorbed.size(), 1u);
  ASSERT_TRUE(c2.state().merged_into);
  auto back = c2.when(UnmergeCustomers{"c-2", "c-3", at_min(22)});
  EXPECT_TRUE(back.accepted());
  EXPECT_TRUE(back.state().absorbed.empty());
}

TEST(CustomerMerge, TheAgentSeesOneTimelineAcrossMergedCustomers) {
  State survivor = customer("c-1", "+861", 0);
  const State absorbed = customer("c-2", "+862", 1);
  // Recorded on both sides around the merge: shown once, at its first record.
  survivor = evolve(survivor, ConversationStarted{"conv-c-2", Channel::wechat, at_min(30)});
  const auto timeline = merge_timelines({survivor.timeline, absorbed.timeline});
  std::vector<std::string> ids;
  for (const auto& entry : timeline) ids.push_back(entry.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"conv-c-1", "conv-c-2", "t-c-1", "t-c-2"}));
  EXPECT_EQ(timeline[1].started_at, at_min(3));
  EXPECT_EQ(merge_timelines({survivor.timeline, absorbed.timeline}, 2).size(), 2u);
}

// ---- property: replay equals live; invariants ------------------------------------------------
Command random_command(std::mt19937_64& rng, int step) {
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  const Timestamp at = at_min(step + pick(3) - 1);
  const std::string id = "c-" + std::to_string(1 + pick(3));
  const std::string other = "c-" + std::to_string(1 + pick(3));
  const auto kind = static_cast<IdentityKind>(1 + pick(8));
  const std::string value = kind == IdentityKind::email   ? "u" + std::to_string(pick(4)) + "@x.y"
                            : kind == IdentityKind::phone ? "+86" + std::to_string(100 + pick(4))
                                                          : "id" + std::to_string(pick(4));
  Profile profile = new_profile();
  profile.orders_total = static_cast<std::uint32_t>(pick(3));
  profile.vip_flag = pick(4) == 0;
  profile.enterprise_flag = pick(8) == 0;
  switch (pick(10)) {
    case 0:
      return RegisterCustomer{"c-1", identity(kind, value, pick(2) == 0), profile, {}, at};
    case 1:
      return LinkIdentity{kind, value, pick(2) == 0, at};
    case 2:
      return UnlinkIdentity{kind, value, at};
    case 3:
      return MergeCustomers{id, other, MergeReason::verified_identity, at};
    case 4:
      return UnmergeCustomers{id, other, at};
    case 5:
      return RecordConversation{"conv-" + std::to_string(pick(40)), Channel::web, at};
    case 6:
      return RecordTicket{"t-" + std::to_string(pick(40)), Channel::email, at};
    case 7:
      return RecordLastAgent{"a-" + std::to_string(pick(5)), "conv-1", at};
    case 8:
      return UpdateProfile{profile, {}, at};
    default:
      return EvaluateTier{{}, at + std::chrono::hours(24 * pick(60))};
  }
}

void check_invariants(const State& state) {
  EXPECT_LE(state.identities.size(), kIdentitiesMax);
  EXPECT_LE(state.absorbed.size(), kAbsorbedMax);
  EXPECT_LE(state.timeline.size(), kTimelineEntriesMax);
  EXPECT_TRUE(std::is_sorted(
      state.timeline.begin(), state.timeline.end(),
      [](const TimelineEntry& a, const TimelineEntry& b) { return a.started_at < b.started_at; }));
  for (const auto& link : state.absorbed) EXPECT_NE(link.customer_id, state.customer_id);
  if (state.merged_into) {
    EXPECT_NE(state.merged_into->customer_id, state.customer_id);
  }
}

TEST(CustomerProperty, ReplayEqualsLiveAndInvariantsHold) {
  for (std::uint64_t seed : {1u, 2u, 3u, 42u, 2026u, 77'777u}) {
    SCOPED_TRACE("seed=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    State live = Decider::initial_state();
    std::vector<Event> log;
    for (int step = 0; step < 400; ++step) {
      const Command command =
          step == 0 ? Command{RegisterCustomer{
                          "c-1", identity(IdentityKind::app_user, "u"), new_profile(), {}, kT0}}
                    : random_command(rng, step);
      auto decision = Decider::decide(live, command);
      if (!decision.accepted()) continue;
      for (const auto& event : decision.events()) {
        live = Decider::evolve(std::move(live), event);
        log.push_back(event);
      }
      check_invariants(live);
      if (::testing::Test::HasFailure()) return;
    }
    EXPECT_EQ(fold_events<Decider>(log), live);
    EXPECT_GT(log.size(), 50u);
  }
}

}  // namespace
}  // namespace sb::customer
