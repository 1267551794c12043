#include "actors/customer/customer_codec.hpp"

#include "actors/codec/capnp_bytes.hpp"
#include "actors/common/overloaded.hpp"
#include "schemas/customer.capnp.h"

namespace sb::customer {
namespace {

namespace wire = schema::customer;
using codec::text;

template <class T>
using Result = Expected<T, std::string>;

std::uint8_t byte(auto value) { return static_cast<std::uint8_t>(value); }

template <class Enum>
Result<Enum> read_enum(std::uint8_t raw, std::uint8_t max, std::string_view what) {
  if (raw < 1 || raw > max) {
    return unexpected("unknown " + std::string(what) + " " + std::to_string(raw));
  }
  return static_cast<Enum>(raw);
}

Result<Channel> read_channel(std::uint8_t raw) { return read_enum<Channel>(raw, 7, "channel"); }
Result<Tier> read_tier(std::uint8_t raw) { return read_enum<Tier>(raw, 4, "tier"); }
Result<IdentityKind> read_kind(std::uint8_t raw) {
  return read_enum<IdentityKind>(raw, 8, "identity kind");
}
Result<MergeReason> read_reason(std::uint8_t raw) {
  return read_enum<MergeReason>(raw, 2, "merge reason");
}

void write_identity(wire::Identity::Builder out, const Identity& identity) {
  out.setKind(byte(identity.kind));
  out.setValue(identity.value);
  out.setVerified(identity.verified);
  out.setLinkedAtMs(to_unix_ms(identity.linked_at));
}

Result<Identity> read_identity(wire::Identity::Reader in) {
  auto kind = read_kind(in.getKind());
  if (!kind) return unexpected(kind.error());
  return Identity{*kind, text(in.getValue()), in.getVerified(), from_unix_ms(in.getLinkedAtMs())};
}

void write_profile(wire::Profile::Builder out, const Profile& profile) {
  out.setDisplayName(profile.display_name);
  out.setLanguage(profile.language);
  out.setAccountCreatedAtMs(to_unix_ms(profile.account_created_at));
  out.setOrdersTotal(profile.orders_total);
  out.setSpendCentsTotal(profile.spend_cents_total);
  out.setVipFlag(profile.vip_flag);
  out.setEnterpriseFlag(profile.enterprise_flag);
}

Profile read_profile(wire::Profile::Reader in) {
  return Profile{
      text(in.getDisplayName()), text(in.getLanguage()),  from_unix_ms(in.getAccountCreatedAtMs()),
      in.getOrdersTotal(),       in.getSpendCentsTotal(), in.getVipFlag(),
      in.getEnterpriseFlag()};
}

void write_link(wire::MergeLink::Builder out, const MergeLink& link) {
  out.setCustomerId(link.customer_id);
  out.setReason(byte(link.reason));
  out.setAtMs(to_unix_ms(link.at));
}

Result<MergeLink> read_link(wire::MergeLink::Reader in) {
  auto reason = read_reason(in.getReason());
  if (!reason) return unexpected(reason.error());
  return MergeLink{text(in.getCustomerId()), *reason, from_unix_ms(in.getAtMs())};
}

void write_last_agent(wire::LastAgent::Builder out, const LastAgent& last) {
  out.setAgentId(last.agent_id);
  out.setConversationId(last.conversation_id);
  out.setAtMs(to_unix_ms(last.at));
}

LastAgent read_last_agent(wire::LastAgent::Reader in) {
  return LastAgent{text(in.getAgentId()), text(in.getConversationId()), from_unix_ms(in.getAtMs())};
}

Result<Event> read_merge_event(wire::CustomerEvent::Reader e) {
  if (e.which() == wire::CustomerEvent::CUSTOMERS_MERGED) {
    auto r = e.getCustomersMerged();
    auto reason = read_reason(r.getReason());
    if (!reason) return unexpected(reason.error());
    return Event{CustomersMerged{text(r.getSurvivorId()), text(r.getAbsorbedId()), *reason,
                                 from_unix_ms(r.getAtMs())}};
  }
  auto r = e.getCustomerUnmerged();
  return Event{CustomerUnmerged{text(r.getSurvivorId()), text(r.getAbsorbedId()),
                                from_unix_ms(r.getAtMs())}};
}

Result<Event> read_event(wire::CustomerEvent::Reader e) {
  switch (e.which()) {
    case wire::CustomerEvent::REGISTERED: {
      auto r = e.getRegistered();
      return Event{CustomerRegistered{text(r.getCustomerId()), read_profile(r.getProfile()),
                                      from_unix_ms(r.getAtMs())}};
    }
    case wire::CustomerEvent::IDENTITY_LINKED: {
      auto identity = read_identity(e.getIdentityLinked().getIdentity());
      if (!identity) return unexpected(identity.error());
      return Event{IdentityLinked{*identity}};
    }
    case wire::CustomerEvent::IDENTITY_UNLINKED: {
      auto r = e.getIdentityUnlinked();
      auto kind = read_kind(r.getKind());
      if (!kind) return unexpected(kind.error());
      return Event{IdentityUnlinked{*kind, text(r.getValue()), from_unix_ms(r.getAtMs())}};
    }
    case wire::CustomerEvent::CUSTOMERS_MERGED:
    case wire::CustomerEvent::CUSTOMER_UNMERGED:
      return read_merge_event(e);
    case wire::CustomerEvent::CONVERSATION_STARTED: {
      auto r = e.getConversationStarted();
      auto channel = read_channel(r.getChannel());
      if (!channel) return unexpected(channel.error());
      return Event{
          ConversationStarted{text(r.getConversationId()), *channel, from_unix_ms(r.getAtMs())}};
    }
    case wire::CustomerEvent::TICKET_OPENED: {
      auto r = e.getTicketOpened();
      auto channel = read_channel(r.getChannel());
      if (!channel) return unexpected(channel.error());
      return Event{TicketOpened{text(r.getTicketId()), *channel, from_unix_ms(r.getAtMs())}};
    }
    case wire::CustomerEvent::LAST_AGENT_RECORDED:
      return Event{LastAgentRecorded{read_last_agent(e.getLastAgentRecorded().getLastAgent())}};
    case wire::CustomerEvent::PROFILE_UPDATED: {
      auto r = e.getProfileUpdated();
      return Event{ProfileUpdated{read_profile(r.getProfile()), from_unix_ms(r.getAtMs())}};
    }
    case wire::CustomerEvent::TIER_CHANGED: {
      auto r = e.getTierChanged();
      auto from = read_tier(r.getFrom());
      if (!from) return unexpected(from.error());
      auto to = read_tier(r.getTo());
      if (!to) return unexpected(to.error());
      return Event{TierChanged{*from, *to, from_unix_ms(r.getAtMs())}};
    }
  }
  return unexpected(std::string("unknown customer event type (written by a newer version?)"));
}

void write_event(wire::CustomerEvent::Builder out, const Event& event) {
  std::visit(Overloaded{
                 [&](const CustomerRegistered& e) {
                   auto w = out.initRegistered();
                   w.setCustomerId(e.customer_id);
                   write_profile(w.initProfile(), e.profile);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const IdentityLinked& e) {
                   write_identity(out.initIdentityLinked().initIdentity(), e.identity);
                 },
                 [&](const IdentityUnlinked& e) {
                   auto w = out.initIdentityUnlinked();
                   w.setKind(byte(e.kind));
                   w.setValue(e.value);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const CustomersMerged& e) {
                   auto w = out.initCustomersMerged();
                   w.setSurvivorId(e.survivor_id);
                   w.setAbsorbedId(e.absorbed_id);
                   w.setReason(byte(e.reason));
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const CustomerUnmerged& e) {
                   auto w = out.initCustomerUnmerged();
                   w.setSurvivorId(e.survivor_id);
                   w.setAbsorbedId(e.absorbed_id);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const ConversationStarted& e) {
                   auto w = out.initConversationStarted();
                   w.setConversationId(e.conversation_id);
                   w.setChannel(byte(e.channel));
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const TicketOpened& e) {
                   auto w = out.initTicketOpened();
                   w.setTicketId(e.ticket_id);
                   w.setChannel(byte(e.channel));
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const LastAgentRecorded& e) {
                   write_last_agent(out.initLastAgentRecorded().initLastAgent(), e.last_agent);
                 },
                 [&](const ProfileUpdated& e) {
                   auto w = out.initProfileUpdated();
                   write_profile(w.initProfile(), e.profile);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const TierChanged& e) {
                   auto w = out.initTierChanged();
                   w.setFrom(byte(e.from));
                   w.setTo(byte(e.to));
                   w.setAtMs(to_unix_ms(e.at));
                 },
             },
             event);
}

void write_state(wire::CustomerState::Builder out, const State& state) {
  out.setRegistered(state.registered);
  out.setCustomerId(state.customer_id);
  out.setRegisteredAtMs(to_unix_ms(state.registered_at));
  write_profile(out.initProfile(), state.profile);
  auto identities = out.initIdentities(static_cast<unsigned>(state.identities.size()));
  for (unsigned i = 0; i < identities.size(); ++i)
    write_identity(identities[i], state.identities[i]);
  out.setHasMergedInto(state.merged_into.has_value());
  if (state.merged_into) write_link(out.initMergedInto(), *state.merged_into);
  auto absorbed = out.initAbsorbed(static_cast<unsigned>(state.absorbed.size()));
  for (unsigned i = 0; i < absorbed.size(); ++i) write_link(absorbed[i], state.absorbed[i]);
  auto timeline = out.initTimeline(static_cast<unsigned>(state.timeline.size()));
  for (unsigned i = 0; i < timeline.size(); ++i) {
    const auto& entry = state.timeline[i];
    timeline[i].setKind(byte(entry.kind));
    timeline[i].setId(entry.id);
    timeline[i].setChannel(byte(entry.channel));
    timeline[i].setStartedAtMs(to_unix_ms(entry.started_at));
  }
  out.setConversationsTotal(state.conversations_total);
  out.setTicketsTotal(state.tickets_total);
  out.setTier(byte(state.tier));
  out.setTierSinceMs(to_unix_ms(state.tier_since));
  out.setHasLastAgent(state.last_agent.has_value());
  if (state.last_agent) write_last_agent(out.initLastAgent(), *state.last_agent);
}

Result<void> read_state_lists(wire::CustomerState::Reader in, State& state) {
  for (auto r : in.getIdentities()) {
    auto identity = read_identity(r);
    if (!identity) return unexpected(identity.error());
    state.identities.push_back(*identity);
  }
  for (auto r : in.getAbsorbed()) {
    auto link = read_link(r);
    if (!link) return unexpected(link.error());
    state.absorbed.push_back(*link);
  }
  for (auto r : in.getTimeline()) {
    auto kind = read_enum<TimelineKind>(r.getKind(), 2, "timeline kind");
    if (!kind) return unexpected(kind.error());
    auto channel = read_channel(r.getChannel());
    if (!channel) return unexpected(channel.error());
    state.timeline.push_back({*kind, text(r.getId()), *channel, from_unix_ms(r.getStartedAtMs())});
  }
  return {};
}

Result<State> read_state(wire::CustomerState::Reader in) {
  State state;
  state.registered = in.getRegistered();
  state.customer_id = text(in.getCustomerId());
  state.registered_at = from_unix_ms(in.getRegisteredAtMs());
  state.profile = read_profile(in.getProfile());
  if (in.getHasMergedInto()) {
    auto link = read_link(in.getMergedInto());
    if (!link) return unexpected(link.error());
    state.merged_into = *link;
  }
  if (auto lists = read_state_lists(in, state); !lists) return unexpected(lists.error());
  state.conversations_total = in.getConversationsTotal();
  state.tickets_total = in.getTicketsTotal();
  auto tier = read_tier(in.getTier());
  if (!tier) return unexpected(tier.error());
  state.tier = *tier;
  state.tier_since = from_unix_ms(in.getTierSinceMs());
  if (in.getHasLastAgent()) state.last_agent = read_last_agent(in.getLastAgent());
  return state;
}

}  // namespace

std::string Codec::encode_event(const Event& event) {
  capnp::MallocMessageBuilder message;
  write_event(message.initRoot<wire::CustomerEvent>(), event);
  return codec::to_bytes(message);
}

Expected<Event, std::string> Codec::decode_event(std::string_view bytes) {
  return codec::read_message<wire::CustomerEvent>(bytes, "customer event", read_event);
}

std::string Codec::encode_state(const State& state) {
  capnp::MallocMessageBuilder message;
  write_state(message.initRoot<wire::CustomerState>(), state);
  return codec::to_bytes(message);
}

Expected<State, std::string> Codec::decode_state(std::string_view bytes) {
  return codec::read_message<wire::CustomerState>(bytes, "customer state", read_state);
}

}  // namespace sb::customer
