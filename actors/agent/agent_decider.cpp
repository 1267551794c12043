#include "actors/agent/agent_decider.hpp"

#include <algorithm>

#include "actors/common/overloaded.hpp"
#include "actors/common/text.hpp"

namespace sb::agent {
namespace {

using AgentDecision = Decision<Event, Rejection>;

bool is_call(Channel channel) { return channel == Channel::phone; }
bool is_async(Channel channel) { return channel == Channel::email; }

std::optional<std::string> check_skills(const std::map<std::string, int>& skills) {
  if (skills.size() > kSkillsMax) return "an agent has at most " + std::to_string(kSkillsMax) + " skills";
  for (const auto& [name, level] : skills) {
    if (auto bad = check_text("skill name", name, kIdBytesMax)) return bad;
    if (name.empty()) return std::string("a skill name is empty");
    if (level < kSkillLevelMin || level > kSkillLevelMax) {
      return "skill " + name + " has level " + std::to_string(level) + "; levels are 1..5";
    }
  }
  return std::nullopt;
}

std::optional<std::string> check_capacity(const Capacity& capacity) {
  if (capacity.chats < 0 || capacity.chats > kConcurrentMax || capacity.emails < 0 ||
      capacity.emails > kConcurrentMax) {
    return "capacity must be 0.." + std::to_string(kConcurrentMax) + " per kind";
  }
  return std::nullopt;
}

AgentDecision decide_register(const State& state, const RegisterAgent& c) {
  if (state.registered) return AgentDecision::reject(Rejection::already_registered, "the agent is already registered");
  if (auto bad = check_text("display name", c.display_name, kIdBytesMax)) {
    return AgentDecision::reject(Rejection::invalid_field, *bad);
  }
  if (auto bad = check_skills(c.skills)) return AgentDecision::reject(Rejection::invalid_field, *bad);
  if (auto bad = check_capacity(c.capacity)) return AgentDecision::reject(Rejection::invalid_field, *bad);
  if (c.groups.size() > kGroupsMax) {
    return AgentDecision::reject(Rejection::invalid_field, "an agent is in at most 32 groups");
  }
  for (const auto& group : c.groups) {
    if (auto bad = check_text("group name", group, kIdBytesMax)) {
      return AgentDecision::reject(Rejection::invalid_field, *bad);
    }
  }
  return AgentDecision::accept({AgentRegistered{c.display_name, c.skills, c.groups, c.capacity, c.at}});
}

// Going offline hands every open conversation back (the conversations re-queue themselves).
AgentDecision decide_presence(const State& state, Presence presence, Timestamp at) {
  if (state.presence == presence) {
    return AgentDecision::reject(Rejection::unchanged, "the agent is already " +
                                                           std::string(to_string(presence)));
  }
  std::vector<Event> events{PresenceChanged{presence, at}};
  if (presence == Presence::offline) {
    for (const auto& [conversation_id, channel] : state.active) {
      events.push_back(ConversationReleased{conversation_id, ReleaseReason::agent_offline, at});
    }
  }
  return AgentDecision::accept(std::move(events));
}

AgentDecision decide_accept(const State& state, const AcceptConversation& c) {
  if (auto bad = check_text("conversation id", c.conversation_id, kIdBytesMax); bad || c.conversation_id.empty()) {
    return AgentDecision::reject(Rejection::invalid_field, bad.value_or("the conversation id is empty"));
  }
  if (state.presence != Presence::online) {
    return AgentDecision::reject(Rejection::not_online, "the agent is " + std::string(to_string(state.presence)));
  }
  if (state.active.contains(c.conversation_id)) {
    return AgentDecision::reject(Rejection::already_handling, "the agent already handles " + c.conversation_id);
  }
  if (free_slots(state, c.channel) <= 0) {
    return AgentDecision::reject(Rejection::at_capacity, "the agent has no free capacity for " +
                                                             std::string(to_string(c.channel)));
  }
  return AgentDecision::accept({ConversationAccepted{c.conversation_id, c.channel, c.at}});
}

}  // namespace

std::string_view to_string(Rejection rejection) {
  switch (rejection) {
    case Rejection::not_registered: return "not_registered";
    case Rejection::already_registered: return "already_registered";
    case Rejection::invalid_field: return "invalid_field";
    case Rejection::not_online: return "not_online";
    case Rejection::at_capacity: return "at_capacity";
    case Rejection::already_handling: return "already_handling";
    case Rejection::not_handling: return "not_handling";
    case Rejection::unchanged: return "unchanged";
  }
  return "unknown";
}

std::string_view to_string(Presence presence) {
  switch (presence) {
    case Presence::offline: return "offline";
    case Presence::online: return "online";
    case Presence::away: return "away";
  }
  return "unknown";
}

std::string_view to_string(ReleaseReason reason) {
  switch (reason) {
    case ReleaseReason::resolved: return "resolved";
    case ReleaseReason::transferred: return "transferred";
    case ReleaseReason::agent_offline: return "agent_offline";
  }
  return "unknown";
}

int free_slots(const State& state, Channel channel) {
  if (state.presence != Presence::online) return 0;
  int chats = 0;
  int emails = 0;
  for (const auto& [id, active_channel] : state.active) {
    if (is_call(active_channel)) return 0;
    (is_async(active_channel) ? emails : chats) += 1;
  }
  if (is_call(channel)) return state.active.empty() ? 1 : 0;
  if (is_async(channel)) return std::max(0, state.capacity.emails - emails);
  return std::max(0, state.capacity.chats - chats);
}

double load(const State& state) {
  int chats = 0;
  for (const auto& [id, channel] : state.active) {
    if (is_call(channel)) return 1.0;
    if (!is_async(channel)) ++chats;
  }
  if (state.capacity.chats <= 0) return chats > 0 ? 1.0 : 0.0;
  return std::min(1.0, static_cast<double>(chats) / state.capacity.chats);
}

Decision<Event, Rejection> decide(const State& state, const Command& command) {
  if (!state.registered && !std::holds_alternative<RegisterAgent>(command)) {
    return AgentDecision::reject(Rejection::not_registered, "the agent is not registered");
  }
  return std::visit(
      Overloaded{
          [&](const RegisterAgent& c) { return decide_register(state, c); },
          [&](const LogIn& c) { return decide_presence(state, Presence::online, c.at); },
          [&](const SetPresence& c) { return decide_presence(state, c.presence, c.at); },
          [&](const ChangeSkills& c) {
            if (auto bad = check_skills(c.skills)) return AgentDecision::reject(Rejection::invalid_field, *bad);
            return AgentDecision::accept({SkillsChanged{c.skills, c.at}});
          },
          [&](const ChangeCapacity& c) {
            if (auto bad = check_capacity(c.capacity)) return AgentDecision::reject(Rejection::invalid_field, *bad);
            return AgentDecision::accept({CapacityChanged{c.capacity, c.at}});
          },
          [&](const AcceptConversation& c) { return decide_accept(state, c); },
          [&](const ReleaseConversation& c) {
            if (!state.active.contains(c.conversation_id)) {
              return AgentDecision::reject(Rejection::not_handling, "the agent does not handle " + c.conversation_id);
            }
            return AgentDecision::accept({ConversationReleased{c.conversation_id, c.reason, c.at}});
          },
      },
      command);
}

State evolve(State state, const Event& event) {
  std::visit(Overloaded{
                 [&](const AgentRegistered& e) {
                   state.registered = true;
                   state.display_name = e.display_name;
                   state.skills = e.skills;
                   state.groups = e.groups;
                   state.capacity = e.capacity;
                   state.presence_since = e.at;
                 },
                 [&](const PresenceChanged& e) {
                   state.presence = e.presence;
                   state.presence_since = e.at;
                 },
                 [&](const SkillsChanged& e) { state.skills = e.skills; },
                 [&](const CapacityChanged& e) { state.capacity = e.capacity; },
                 [&](const ConversationAccepted& e) {
                   state.active[e.conversation_id] = e.channel;
                   state.last_accepted_at = e.at;
                   ++state.accepted_total;
                 },
                 [&](const ConversationReleased& e) { state.active.erase(e.conversation_id); },
             },
             event);
  return state;
}

}  // namespace sb::agent
