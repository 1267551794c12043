#include "actors/customer/customer_decider.hpp"

#include <algorithm>
#include <tuple>

#include "actors/common/overloaded.hpp"
#include "actors/common/text.hpp"
#include "actors/customer/customer_identity.hpp"
#include "actors/customer/customer_tier.hpp"

namespace sb::customer {
namespace {

using CustomerDecision = Decision<Event, Rejection>;

CustomerDecision invalid(std::string detail) {
  return CustomerDecision::reject(Rejection::invalid_field, std::move(detail));
}

std::optional<std::string> check_id(std::string_view what, std::string_view id) {
  if (auto bad = check_text(what, id, kIdBytesMax)) return bad;
  if (id.empty()) return std::string(what) + " is empty";
  return std::nullopt;
}

std::optional<std::string> check_profile(const Profile& profile) {
  if (auto bad = check_text("display name", profile.display_name, kDisplayNameBytesMax)) {
    return bad;
  }
  if (auto bad = check_text("language", profile.language, kLanguageBytesMax)) return bad;
  if (profile.spend_cents_total < 0) return std::string("total spend may not be negative");
  return std::nullopt;
}

std::optional<std::string> check_rules(const TierRules& rules) {
  if (rules.regular_after_account_age < Duration::zero()) {
    return std::string("regular_after_account_age may not be negative");
  }
  if (rules.vip_after_spend_cents && *rules.vip_after_spend_cents <= 0) {
    return std::string("vip_after_spend_cents must be positive (or unset)");
  }
  return std::nullopt;
}

// A TierChanged when the rules give a different tier than the current one.
void append_tier_change(std::vector<Event>& events, Tier current, const Profile& profile,
                        const TierRules& rules, Timestamp at) {
  const Tier earned = evaluate_tier(profile, rules, at);
  if (earned != current) events.push_back(TierChanged{current, earned, at});
}

enum class MergeSide : std::uint8_t { absorbed, survivor };

// A merge written with a registration: the registering customer is its `side`, and the other
// side is another, well-formed customer id.
std::optional<CustomerDecision> check_merge_on_registration(const std::string& customer_id,
                                                            const MergeCustomers& m,
                                                            MergeSide side) {
  const bool survivor = side == MergeSide::survivor;
  const auto& own = survivor ? m.survivor_id : m.absorbed_id;
  const auto& other = survivor ? m.absorbed_id : m.survivor_id;
  if (own != customer_id) {
    return invalid(std::string(survivor
                                   ? "a customer registers absorbing another only as the survivor"
                                   : "a customer registers merged only as the absorbed side") +
                   ", not " + own);
  }
  if (other == customer_id) {
    return CustomerDecision::reject(Rejection::self_merge,
                                    "a customer cannot be merged into itself");
  }
  if (auto bad = check_id(survivor ? "absorbed id" : "survivor id", other)) return invalid(*bad);
  return std::nullopt;
}

CustomerDecision decide_register(const State& state, const RegisterCustomer& c) {
  if (state.registered) {
    return CustomerDecision::reject(Rejection::already_registered,
                                    "customer " + state.customer_id + " is already registered");
  }
  if (auto bad = check_id("customer id", c.customer_id)) return invalid(*bad);
  if (auto bad = check_profile(c.profile)) return invalid(*bad);
  if (auto bad = check_rules(c.rules)) return invalid(*bad);
  auto value = normalize_identity(c.first_identity.kind, c.first_identity.value);
  if (!value) return invalid(value.error());
  if (c.first_identity.verified && !is_verifiable(c.first_identity.kind)) {
    return invalid(std::string(to_string(c.first_identity.kind)) + " cannot be verified");
  }
  if (c.absorbs && c.merged) {
    return invalid("a customer registers either merged or absorbing another, not both");
  }
  if (c.merged) {
    if (auto refused = check_merge_on_registration(c.customer_id, *c.merged, MergeSide::absorbed)) {
      return *refused;
    }
  }
  if (c.absorbs) {
    if (auto refused =
            check_merge_on_registration(c.customer_id, *c.absorbs, MergeSide::survivor)) {
      return *refused;
    }
  }
  std::vector<Event> events{
      CustomerRegistered{c.customer_id, c.profile, c.at},
      IdentityLinked{Identity{c.first_identity.kind, *value, c.first_identity.verified, c.at}}};
  append_tier_change(events, Tier::new_customer, c.profile, c.rules, c.at);
  for (const auto& m : {c.merged, c.absorbs}) {
    if (m) events.push_back(CustomersMerged{m->survivor_id, m->absorbed_id, m->reason, m->at});
  }
  return CustomerDecision::accept(std::move(events));
}

CustomerDecision decide_merge(const State& state, const MergeCustomers& c);

CustomerDecision decide_link(const State& state, const LinkIdentity& c) {
  auto value = normalize_identity(c.kind, c.value);
  if (!value) return invalid(value.error());
  if (c.verified && !is_verifiable(c.kind)) {
    return invalid(std::string(to_string(c.kind)) + " cannot be verified");
  }
  const std::string key = identity_key(c.kind, *value);
  if (const Identity* existing = find_identity(state, c.kind, *value)) {
    // Linking again is only news when it upgrades an unverified identity to verified.
    if (existing->verified || !c.verified) {
      return CustomerDecision::reject(Rejection::already_linked, key + " is already linked");
    }
  } else if (state.identities.size() >= kIdentitiesMax) {
    return CustomerDecision::reject(Rejection::too_many_identities,
                                    "a customer has at most " + std::to_string(kIdentitiesMax) +
                                        " identities; unlink one first");
  }
  std::vector<Event> events{IdentityLinked{Identity{c.kind, *value, c.verified, c.at}}};
  if (c.absorbs) {
    if (c.absorbs->survivor_id != state.customer_id) {
      return invalid("a customer links absorbing another only as the survivor, not " +
                     c.absorbs->survivor_id);
    }
    auto merged = decide_merge(state, *c.absorbs);
    if (!merged.accepted()) return merged;
    for (auto& event : merged.events()) events.push_back(std::move(event));
  }
  return CustomerDecision::accept(std::move(events));
}

CustomerDecision decide_unlink(const State& state, const UnlinkIdentity& c) {
  auto value = normalize_identity(c.kind, c.value);
  if (!value) return invalid(value.error());
  if (!find_identity(state, c.kind, *value)) {
    return CustomerDecision::reject(
        Rejection::not_linked, identity_key(c.kind, *value) + " is not linked to this customer");
  }
  return CustomerDecision::accept({IdentityUnlinked{c.kind, *value, c.at}});
}

CustomerDecision decide_merge(const State& state, const MergeCustomers& c) {
  if (c.survivor_id == c.absorbed_id) {
    return CustomerDecision::reject(Rejection::self_merge,
                                    "a customer cannot be merged into itself");
  }
  if (state.customer_id == c.absorbed_id) {
    if (state.merged_into) {
      return CustomerDecision::reject(Rejection::already_merged,
                                      "customer " + state.customer_id + " is already merged into " +
                                          state.merged_into->customer_id);
    }
    // Only a direct cycle is visible here; longer chains are resolved by the identity index.
    if (has_absorbed(state, c.survivor_id)) {
      return CustomerDecision::reject(Rejection::already_merged,
                                      "customer " + c.survivor_id + " is merged into " +
                                          state.customer_id + "; merging back would make a cycle");
    }
  } else if (state.customer_id == c.survivor_id) {
    if (state.merged_into) {
      return CustomerDecision::reject(Rejection::merged, "customer " + state.customer_id +
                                                             " is merged into " +
                                                             state.merged_into->customer_id +
                                                             "; merge into that customer instead");
    }
    if (has_absorbed(state, c.absorbed_id)) {
      return CustomerDecision::reject(
          Rejection::already_merged,
          "customer " + c.absorbed_id + " is already merged into " + state.customer_id);
    }
    if (state.absorbed.size() >= kAbsorbedMax) {
      return CustomerDecision::reject(
          Rejection::too_many_absorbed,
          "a customer absorbs at most " + std::to_string(kAbsorbedMax) + " others");
    }
  } else {
    return CustomerDecision::reject(
        Rejection::not_party,
        "customer " + state.customer_id + " is neither " + c.survivor_id + " nor " + c.absorbed_id);
  }
  return CustomerDecision::accept({CustomersMerged{c.survivor_id, c.absorbed_id, c.reason, c.at}});
}

CustomerDecision decide_unmerge(const State& state, const UnmergeCustomers& c) {
  const bool linked = (state.customer_id == c.absorbed_id && state.merged_into &&
                       state.merged_into->customer_id == c.survivor_id) ||
                      (state.customer_id == c.survivor_id && has_absorbed(state, c.absorbed_id));
  if (state.customer_id != c.absorbed_id && state.customer_id != c.survivor_id) {
    return CustomerDecision::reject(
        Rejection::not_party,
        "customer " + state.customer_id + " is neither " + c.survivor_id + " nor " + c.absorbed_id);
  }
  if (!linked) {
    return CustomerDecision::reject(
        Rejection::not_merged,
        "customer " + c.absorbed_id + " is not merged into " + c.survivor_id);
  }
  return CustomerDecision::accept({CustomerUnmerged{c.survivor_id, c.absorbed_id, c.at}});
}

bool on_timeline(const State& state, TimelineKind kind, std::string_view id) {
  return std::any_of(state.timeline.begin(), state.timeline.end(),
                     [&](const TimelineEntry& e) { return e.kind == kind && e.id == id; });
}

CustomerDecision decide_timeline(const State& state, TimelineKind kind, const std::string& id,
                                 Channel channel, Timestamp at) {
  const std::string what = std::string(to_string(kind)) + " id";
  if (auto bad = check_id(what, id)) return invalid(*bad);
  if (on_timeline(state, kind, id)) {
    return CustomerDecision::reject(
        Rejection::already_recorded,
        std::string(to_string(kind)) + " " + id + " is already on the timeline");
  }
  if (kind == TimelineKind::conversation) {
    return CustomerDecision::accept({ConversationStarted{id, channel, at}});
  }
  return CustomerDecision::accept({TicketOpened{id, channel, at}});
}

CustomerDecision decide_last_agent(const State& state, const RecordLastAgent& c) {
  if (auto bad = check_id("agent id", c.agent_id)) return invalid(*bad);
  if (auto bad = check_id("conversation id", c.conversation_id)) return invalid(*bad);
  if (state.last_agent && *state.last_agent == LastAgent{c.agent_id, c.conversation_id, c.at}) {
    return CustomerDecision::accept({});  // a repeat (the conversation re-sends after recovery)
  }
  if (state.last_agent && state.last_agent->at > c.at) {
    return CustomerDecision::reject(
        Rejection::stale,
        "a later last agent (" + state.last_agent->agent_id + ") is already recorded");
  }
  return CustomerDecision::accept(
      {LastAgentRecorded{LastAgent{c.agent_id, c.conversation_id, c.at}}});
}

CustomerDecision decide_profile(const State& state, const UpdateProfile& c) {
  if (auto bad = check_profile(c.profile)) return invalid(*bad);
  if (auto bad = check_rules(c.rules)) return invalid(*bad);
  std::vector<Event> events;
  // An unchanged profile (a periodic sync) records nothing but may still move the tier.
  if (c.profile != state.profile) events.push_back(ProfileUpdated{c.profile, c.at});
  append_tier_change(events, state.tier, c.profile, c.rules, c.at);
  return CustomerDecision::accept(std::move(events));
}

CustomerDecision decide_registered(const State& state, const Command& command) {
  return std::visit(Overloaded{
                        [&](const RegisterCustomer& c) { return decide_register(state, c); },
                        [&](const LinkIdentity& c) { return decide_link(state, c); },
                        [&](const UnlinkIdentity& c) { return decide_unlink(state, c); },
                        [&](const MergeCustomers& c) { return decide_merge(state, c); },
                        [&](const UnmergeCustomers& c) { return decide_unmerge(state, c); },
                        [&](const RecordConversation& c) {
                          return decide_timeline(state, TimelineKind::conversation,
                                                 c.conversation_id, c.channel, c.at);
                        },
                        [&](const RecordTicket& c) {
                          return decide_timeline(state, TimelineKind::ticket, c.ticket_id,
                                                 c.channel, c.at);
                        },
                        [&](const RecordLastAgent& c) { return decide_last_agent(state, c); },
                        [&](const UpdateProfile& c) { return decide_profile(state, c); },
                        [&](const EvaluateTier& c) {
                          if (auto bad = check_rules(c.rules)) return invalid(*bad);
                          std::vector<Event> events;
                          append_tier_change(events, state.tier, state.profile, c.rules, c.at);
                          return CustomerDecision::accept(std::move(events));
                        },
                    },
                    command);
}

}  // namespace

Decision<Event, Rejection> decide(const State& state, const Command& command) {
  if (const auto* c = std::get_if<RegisterCustomer>(&command)) return decide_register(state, *c);
  if (!state.registered) {
    return CustomerDecision::reject(Rejection::not_registered, "the customer is not registered");
  }
  const bool merge_command = std::holds_alternative<MergeCustomers>(command) ||
                             std::holds_alternative<UnmergeCustomers>(command);
  // A conversation or ticket that was this customer's before the merge still ends up on its own
  // history: the survivor's timeline is a view over both, and an unmerge gives it back whole.
  const bool own_history = std::holds_alternative<RecordConversation>(command) ||
                           std::holds_alternative<RecordTicket>(command);
  if (state.merged_into && !merge_command && !own_history) {
    return CustomerDecision::reject(Rejection::merged,
                                    "customer " + state.customer_id + " is merged into " +
                                        state.merged_into->customer_id + "; send it there");
  }
  return decide_registered(state, command);
}

namespace {

void add_to_timeline(State& state, TimelineEntry entry) {
  const auto order = [](const TimelineEntry& a, const TimelineEntry& b) {
    return std::tie(a.started_at, a.kind, a.id) < std::tie(b.started_at, b.kind, b.id);
  };
  const auto where = std::upper_bound(state.timeline.begin(), state.timeline.end(), entry, order);
  state.timeline.insert(where, std::move(entry));
  if (state.timeline.size() > kTimelineEntriesMax) {
    state.timeline.erase(state.timeline.begin(),
                         state.timeline.begin() + static_cast<std::ptrdiff_t>(
                                                      state.timeline.size() - kTimelineEntriesMax));
  }
}

void apply_link(State& state, const Identity& identity) {
  for (auto& existing : state.identities) {
    if (existing.kind == identity.kind && existing.value == identity.value) {
      existing.verified = identity.verified;  // an upgrade to verified keeps the original link time
      return;
    }
  }
  state.identities.push_back(identity);
}

void apply_merge(State& state, const CustomersMerged& e) {
  if (state.customer_id == e.absorbed_id) {
    state.merged_into = MergeLink{e.survivor_id, e.reason, e.at};
  } else {
    SB_ASSERT(state.customer_id == e.survivor_id);
    state.absorbed.push_back(MergeLink{e.absorbed_id, e.reason, e.at});
  }
}

void apply_unmerge(State& state, const CustomerUnmerged& e) {
  if (state.customer_id == e.absorbed_id) {
    state.merged_into.reset();
  } else {
    SB_ASSERT(state.customer_id == e.survivor_id);
    std::erase_if(state.absorbed,
                  [&](const MergeLink& link) { return link.customer_id == e.absorbed_id; });
  }
}

}  // namespace

State evolve(State state, const Event& event) {
  std::visit(Overloaded{
                 [&](const CustomerRegistered& e) {
                   state.registered = true;
                   state.customer_id = e.customer_id;
                   state.registered_at = e.at;
                   state.profile = e.profile;
                   state.tier = Tier::new_customer;
                   state.tier_since = e.at;
                 },
                 [&](const IdentityLinked& e) { apply_link(state, e.identity); },
                 [&](const IdentityUnlinked& e) {
                   std::erase_if(state.identities, [&](const Identity& i) {
                     return i.kind == e.kind && i.value == e.value;
                   });
                 },
                 [&](const CustomersMerged& e) { apply_merge(state, e); },
                 [&](const CustomerUnmerged& e) { apply_unmerge(state, e); },
                 [&](const ConversationStarted& e) {
                   add_to_timeline(
                       state, {TimelineKind::conversation, e.conversation_id, e.channel, e.at});
                   ++state.conversations_total;
                 },
                 [&](const TicketOpened& e) {
                   add_to_timeline(state, {TimelineKind::ticket, e.ticket_id, e.channel, e.at});
                   ++state.tickets_total;
                 },
                 [&](const LastAgentRecorded& e) { state.last_agent = e.last_agent; },
                 [&](const ProfileUpdated& e) { state.profile = e.profile; },
                 [&](const TierChanged& e) {
                   state.tier = e.to;
                   state.tier_since = e.at;
                 },
             },
             event);
  return state;
}

}  // namespace sb::customer
