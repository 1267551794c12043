#pragma once
// The Agent entity: a human agent's presence, skills, capacity and current load.
// Commands are imperative, events past tense; time arrives inside commands.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/time.hpp"

namespace sb::agent {

inline constexpr int kSkillLevelMin = 1;
inline constexpr int kSkillLevelMax = 5;
inline constexpr std::size_t kSkillsMax = 64;
inline constexpr std::size_t kGroupsMax = 32;
inline constexpr int kConcurrentMax = 50;  // upper bound for any configured capacity

enum class Presence : std::uint8_t { offline = 1, online = 2, away = 3 };

// How many conversations of each kind the agent handles at once. A phone call is exclusive:
// while the agent is on a call, the agent is full for everything else.
struct Capacity {
  int chats = 3;   // web, app, wechat, sms, social
  int emails = 5;  // asynchronous
  bool operator==(const Capacity&) const = default;
};

enum class ReleaseReason : std::uint8_t { resolved = 1, transferred = 2, agent_offline = 3 };

// --- commands -----------------------------------------------------------------------------------
struct RegisterAgent {
  std::string display_name;
  std::map<std::string, int> skills;  // skill group -> level 1..5
  std::vector<std::string> groups;    // e.g. "vip", "supervisors"
  Capacity capacity;
  Timestamp at;
};
struct LogIn {
  Timestamp at;
};
struct SetPresence {
  Presence presence;
  Timestamp at;
};
struct ChangeSkills {
  std::map<std::string, int> skills;
  Timestamp at;
};
struct ChangeCapacity {
  Capacity capacity;
  Timestamp at;
};
struct AcceptConversation {
  std::string conversation_id;
  Channel channel;
  Timestamp at;
};
struct ReleaseConversation {
  std::string conversation_id;
  ReleaseReason reason;
  Timestamp at;
};
using Command = std::variant<RegisterAgent, LogIn, SetPresence, ChangeSkills, ChangeCapacity,
                             AcceptConversation, ReleaseConversation>;

// --- events -------------------------------------------------------------------------------------
struct AgentRegistered {
  std::string display_name;
  std::map<std::string, int> skills;
  std::vector<std::string> groups;
  Capacity capacity;
  Timestamp at;
  bool operator==(const AgentRegistered&) const = default;
};
struct PresenceChanged {
  Presence presence;
  Timestamp at;
  bool operator==(const PresenceChanged&) const = default;
};
struct SkillsChanged {
  std::map<std::string, int> skills;
  Timestamp at;
  bool operator==(const SkillsChanged&) const = default;
};
struct CapacityChanged {
  Capacity capacity;
  Timestamp at;
  bool operator==(const CapacityChanged&) const = default;
};
struct ConversationAccepted {
  std::string conversation_id;
  Channel channel;
  Timestamp at;
  bool operator==(const ConversationAccepted&) const = default;
};
struct ConversationReleased {
  std::string conversation_id;
  ReleaseReason reason;
  Timestamp at;
  bool operator==(const ConversationReleased&) const = default;
};
using Event = std::variant<AgentRegistered, PresenceChanged, SkillsChanged, CapacityChanged,
                           ConversationAccepted, ConversationReleased>;

// --- state --------------------------------------------------------------------------------------
struct State {
  bool registered = false;
  std::string display_name;
  Presence presence = Presence::offline;
  Timestamp presence_since{};
  std::map<std::string, int> skills;
  std::vector<std::string> groups;
  Capacity capacity;
  std::map<std::string, Channel> active;  // conversation id -> channel
  Timestamp last_accepted_at{};
  std::uint64_t accepted_total = 0;
  bool operator==(const State&) const = default;
};

enum class Rejection : std::uint8_t {
  not_registered = 1,
  already_registered,
  invalid_field,
  not_online,
  at_capacity,
  already_handling,
  not_handling,
  unchanged,
};

std::string_view to_string(Rejection rejection);
std::string_view to_string(Presence presence);
std::string_view to_string(ReleaseReason reason);

}  // namespace sb::agent
