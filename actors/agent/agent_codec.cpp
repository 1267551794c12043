#include "actors/agent/agent_codec.hpp"

#include "actors/codec/capnp_bytes.hpp"
#include "actors/common/overloaded.hpp"
#include "schemas/agent.capnp.h"

namespace sb::agent {
namespace {

namespace wire = schema::agent;
using codec::text;

void write_skills(capnp::List<wire::Skill>::Builder out, const std::map<std::string, int>& skills) {
  unsigned i = 0;
  for (const auto& [name, level] : skills) {
    out[i].setName(name);
    out[i].setLevel(static_cast<std::uint8_t>(level));
    ++i;
  }
}

std::map<std::string, int> read_skills(capnp::List<wire::Skill>::Reader in) {
  std::map<std::string, int> skills;
  for (auto skill : in) skills[text(skill.getName())] = skill.getLevel();
  return skills;
}

void write_capacity(wire::Capacity::Builder out, const Capacity& capacity) {
  out.setChats(capacity.chats);
  out.setEmails(capacity.emails);
}

Capacity read_capacity(wire::Capacity::Reader in) { return {in.getChats(), in.getEmails()}; }

template <class Builder>
void write_texts(Builder out, const std::vector<std::string>& texts) {
  for (unsigned i = 0; i < texts.size(); ++i) out.set(i, texts[i]);
}

std::vector<std::string> read_texts(capnp::List<capnp::Text>::Reader in) {
  std::vector<std::string> out;
  for (auto t : in) out.push_back(text(t));
  return out;
}

Expected<Presence, std::string> read_presence(std::uint8_t raw) {
  if (raw < 1 || raw > 3) return unexpected("unknown presence " + std::to_string(raw));
  return static_cast<Presence>(raw);
}

Expected<Channel, std::string> read_channel(std::uint8_t raw) {
  if (raw < 1 || raw > 7) return unexpected("unknown channel " + std::to_string(raw));
  return static_cast<Channel>(raw);
}

std::uint8_t byte(auto value) { return static_cast<std::uint8_t>(value); }

Expected<Event, std::string> read_event(wire::AgentEvent::Reader e) {
  switch (e.which()) {
    case wire::AgentEvent::REGISTERED: {
      auto r = e.getRegistered();
      return Event{AgentRegistered{text(r.getDisplayName()), read_skills(r.getSkills()),
                                   read_texts(r.getGroups()), read_capacity(r.getCapacity()),
                                   from_unix_ms(r.getAtMs())}};
    }
    case wire::AgentEvent::PRESENCE_CHANGED: {
      auto r = e.getPresenceChanged();
      auto presence = read_presence(r.getPresence());
      if (!presence) return unexpected(presence.error());
      return Event{PresenceChanged{*presence, from_unix_ms(r.getAtMs())}};
    }
    case wire::AgentEvent::SKILLS_CHANGED: {
      auto r = e.getSkillsChanged();
      return Event{SkillsChanged{read_skills(r.getSkills()), from_unix_ms(r.getAtMs())}};
    }
    case wire::AgentEvent::CAPACITY_CHANGED: {
      auto r = e.getCapacityChanged();
      return Event{CapacityChanged{read_capacity(r.getCapacity()), from_unix_ms(r.getAtMs())}};
    }
    case wire::AgentEvent::CONVERSATION_ACCEPTED: {
      auto r = e.getConversationAccepted();
      auto channel = read_channel(r.getChannel());
      if (!channel) return unexpected(channel.error());
      return Event{ConversationAccepted{text(r.getConversationId()), *channel, from_unix_ms(r.getAtMs())}};
    }
    case wire::AgentEvent::CONVERSATION_RELEASED: {
      auto r = e.getConversationReleased();
      if (r.getReason() < 1 || r.getReason() > 3) return unexpected(std::string("unknown release reason"));
      return Event{ConversationReleased{text(r.getConversationId()),
                                        static_cast<ReleaseReason>(r.getReason()),
                                        from_unix_ms(r.getAtMs())}};
    }
  }
  return unexpected(std::string("unknown agent event type (written by a newer version?)"));
}

}  // namespace

std::string Codec::encode_event(const Event& event) {
  capnp::MallocMessageBuilder message;
  auto out = message.initRoot<wire::AgentEvent>();
  std::visit(Overloaded{
                 [&](const AgentRegistered& e) {
                   auto w = out.initRegistered();
                   w.setDisplayName(e.display_name);
                   write_skills(w.initSkills(static_cast<unsigned>(e.skills.size())), e.skills);
                   write_texts(w.initGroups(static_cast<unsigned>(e.groups.size())), e.groups);
                   write_capacity(w.initCapacity(), e.capacity);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const PresenceChanged& e) {
                   auto w = out.initPresenceChanged();
                   w.setPresence(byte(e.presence));
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const SkillsChanged& e) {
                   auto w = out.initSkillsChanged();
                   write_skills(w.initSkills(static_cast<unsigned>(e.skills.size())), e.skills);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const CapacityChanged& e) {
                   auto w = out.initCapacityChanged();
                   write_capacity(w.initCapacity(), e.capacity);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const ConversationAccepted& e) {
                   auto w = out.initConversationAccepted();
                   w.setConversationId(e.conversation_id);
                   w.setChannel(byte(e.channel));
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const ConversationReleased& e) {
                   auto w = out.initConversationReleased();
                   w.setConversationId(e.conversation_id);
                   w.setReason(byte(e.reason));
                   w.setAtMs(to_unix_ms(e.at));
                 },
             },
             event);
  return codec::to_bytes(message);
}

Expected<Event, std::string> Codec::decode_event(std::string_view bytes) {
  return codec::read_message<wire::AgentEvent>(bytes, "agent event", read_event);
}

std::string Codec::encode_state(const State& state) {
  capnp::MallocMessageBuilder message;
  auto out = message.initRoot<wire::AgentState>();
  out.setRegistered(state.registered);
  out.setDisplayName(state.display_name);
  out.setPresence(byte(state.presence));
  out.setPresenceSinceMs(to_unix_ms(state.presence_since));
  write_skills(out.initSkills(static_cast<unsigned>(state.skills.size())), state.skills);
  write_texts(out.initGroups(static_cast<unsigned>(state.groups.size())), state.groups);
  write_capacity(out.initCapacity(), state.capacity);
  auto active = out.initActive(static_cast<unsigned>(state.active.size()));
  unsigned i = 0;
  for (const auto& [conversation_id, channel] : state.active) {
    active[i].setConversationId(conversation_id);
    active[i].setChannel(byte(channel));
    ++i;
  }
  out.setLastAcceptedAtMs(to_unix_ms(state.last_accepted_at));
  out.setAcceptedTotal(state.accepted_total);
  return codec::to_bytes(message);
}

Expected<State, std::string> Codec::decode_state(std::string_view bytes) {
  return codec::read_message<wire::AgentState>(
      bytes, "agent state", [](wire::AgentState::Reader in) -> Expected<State, std::string> {
        State state;
        state.registered = in.getRegistered();
        state.display_name = text(in.getDisplayName());
        auto presence = read_presence(in.getPresence());
        if (!presence) return unexpected(presence.error());
        state.presence = *presence;
        state.presence_since = from_unix_ms(in.getPresenceSinceMs());
        state.skills = read_skills(in.getSkills());
        state.groups = read_texts(in.getGroups());
        state.capacity = read_capacity(in.getCapacity());
        for (auto active : in.getActive()) {
          auto channel = read_channel(active.getChannel());
          if (!channel) return unexpected(channel.error());
          state.active[text(active.getConversationId())] = *channel;
        }
        state.last_accepted_at = from_unix_ms(in.getLastAcceptedAtMs());
        state.accepted_total = in.getAcceptedTotal();
        return state;
      });
}

}  // namespace sb::agent
