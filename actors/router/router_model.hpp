#pragma once
// The routing core's vocabulary: what the router is fed (queued conversations, agent availability),
// what it hands out (offers with their explanation), its configuration and named limits.
// Plain data, std only. The router's state is derived (rebuilt from the Conversation and Agent
// entities on recovery), so nothing here is persisted by the router itself; the Conversation
// persists an Offer's AssignmentExplanation in its `Assigned` event.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/time.hpp"

namespace sb::router {

using AgentId = std::string;
using ConversationId = std::string;
using CustomerId = std::string;
using SkillId = std::string;
using GroupId = std::string;
using OfferId = std::uint64_t;

inline constexpr std::uint8_t kSkillLevelMin = 1;
inline constexpr std::uint8_t kSkillLevelMax = 5;

// How a conversation occupies an agent. Values may be persisted inside explanations: only append.
enum class ChannelKind : std::uint8_t {
  chat = 1,   // web, app, WeChat, SMS, social: several at once, one slot each
  voice = 2,  // a call needs an otherwise idle agent and makes the agent full
  email = 3,  // its own slots, independent of chat
};
inline constexpr std::array<ChannelKind, 3> kChannelKinds{ChannelKind::chat, ChannelKind::voice,
                                                          ChannelKind::email};
std::string_view to_string(ChannelKind kind);
ChannelKind channel_kind_of(Channel channel);

// A count per channel kind (capacity, load, free slots).
struct KindCounts {
  std::uint16_t chat = 0;
  std::uint16_t voice = 0;
  std::uint16_t email = 0;

  std::uint16_t& operator[](ChannelKind kind);
  std::uint16_t operator[](ChannelKind kind) const;
  std::uint32_t total() const { return std::uint32_t{chat} + voice + email; }
  bool operator==(const KindCounts&) const = default;
};

enum class Presence : std::uint8_t { online = 1, away = 2, offline = 3 };
std::string_view to_string(Presence presence);

// The customer's last agent, offered first while the agent is online with capacity and the last
// contact lies within RouterConfig::sticky_window.
struct StickyAgent {
  AgentId agent_id;
  Timestamp last_served_at;
  bool operator==(const StickyAgent&) const = default;
};

struct QueuedConversation {
  ConversationId conversation_id;
  CustomerId customer_id;
  Tier tier = Tier::regular;
  SkillId skill;
  std::uint8_t required_level = kSkillLevelMin;
  ChannelKind kind = ChannelKind::chat;
  Timestamp enqueued_at;  // keeps its value across recovery, so waiting time survives restarts
  std::optional<StickyAgent> sticky;
  bool operator==(const QueuedConversation&) const = default;
};

struct SkillLevel {
  SkillId skill;
  std::uint8_t level = kSkillLevelMin;
  bool operator==(const SkillLevel&) const = default;
};

// What the Agent entity reports. `load` counts accepted conversations; the router adds its own
// open offers on top. `revision` is the Agent entity's version: an older report is ignored.
struct AgentAvailability {
  AgentId agent_id;
  Presence presence = Presence::offline;
  std::vector<SkillLevel> skills;
  KindCounts capacity;  // voice: 1 when the agent takes calls
  KindCounts load;
  Timestamp idle_since;  // last assignment; the longest idle wins ties
  std::vector<GroupId> groups;
  std::uint64_t revision = 0;
  bool operator==(const AgentAvailability&) const = default;
};

// The rule that picked the winner, in order of precedence.
enum class DecidingRule : std::uint8_t {
  sticky = 1,         // the customer's last agent
  least_loaded = 2,   // the lowest load among eligible agents
  longest_idle = 3,   // equal lowest load; idle the longest
  relaxed_skill = 4,  // the winner is below the original required level (waited long enough)
  overflow = 5,       // the winner belongs to an overflow group
};
std::string_view to_string(DecidingRule rule);

enum class ReservationStatus : std::uint8_t {
  none_configured = 1,  // no capacity is reserved in this group
  priority_tier = 2,    // VIP/enterprise: may use the reserved share
  outside_reserve = 3,  // lower tier: took a slot beyond the reserved share
};
std::string_view to_string(ReservationStatus status);

struct CandidateRecord {
  AgentId agent_id;
  std::uint8_t skill_level = 0;  // 0: an overflow agent without the skill
  std::uint32_t load = 0;        // accepted plus offered, all kinds
  std::uint16_t free_slots = 0;  // for the conversation's kind
  Duration idle_for{0};
  bool sticky = false;
  bool overflow = false;
  bool declined_before = false;  // declined or let an offer of this conversation expire
  bool operator==(const CandidateRecord&) const = default;
};

// Why an agent got a conversation. The Conversation persists it with `Assigned`.
struct AssignmentExplanation {
  AgentId winner;
  DecidingRule rule = DecidingRule::least_loaded;
  Timestamp decided_at;
  Duration waited{0};
  Tier tier = Tier::regular;
  ChannelKind kind = ChannelKind::chat;
  SkillId skill;
  std::uint8_t required_level = kSkillLevelMin;
  std::uint8_t effective_level = kSkillLevelMin;  // after relaxation
  ReservationStatus reservation = ReservationStatus::none_configured;
  std::optional<Duration> sticky_last_served_ago;  // set when the customer had a last agent
  bool fallback_to_declined = false;        // nobody else could take it: re-offered to a decliner
  std::uint32_t candidates_considered = 0;  // eligible agents looked at (records may be fewer)
  std::vector<CandidateRecord> candidates;  // winner first, then the runners-up in rank order
  bool operator==(const AssignmentExplanation&) const = default;
};

struct Offer {
  OfferId offer_id = 0;
  ConversationId conversation_id;
  CustomerId customer_id;
  AgentId agent_id;
  ChannelKind kind = ChannelKind::chat;
  Timestamp offered_at;
  Timestamp expires_at;
  AssignmentExplanation explanation;
  bool operator==(const Offer&) const = default;
};

// A queue position to push to a customer. position 0: an agent is being offered the conversation.
struct PositionUpdate {
  ConversationId conversation_id;
  std::size_t position = 0;
  Duration estimated_wait{0};
  bool operator==(const PositionUpdate&) const = default;
};

// Named limits: every collection that grows with input has one.
inline constexpr std::size_t kQueueLengthMaxDefault = 100'000;
inline constexpr std::size_t kAgentsMaxDefault = 10'000;
inline constexpr std::size_t kCandidatesRecordedMaxDefault = 5;
inline constexpr std::size_t kOffersPerDispatchMaxDefault = 1'024;
inline constexpr std::size_t kDeclinedAgentsPerConversationMax = 16;
inline constexpr std::size_t kSkillsPerAgentMax = 32;
inline constexpr std::size_t kGroupsPerAgentMax = 16;
inline constexpr std::size_t kOverflowGroupsMax = 8;
inline constexpr std::uint16_t kSlotsPerKindMax = 32;
inline constexpr Duration kEstimatedWaitMax = std::chrono::hours(24);

struct RouterConfig {
  GroupId group_id;
  std::vector<GroupId> overflow_groups;  // agents of these groups take over after overflow_after
  Duration offer_timeout = std::chrono::seconds(20);
  Duration sticky_window = std::chrono::minutes(30);
  // Every full `relax_level_every` of waiting lowers the required level by one, down to
  // `relaxed_level_min`. Zero disables relaxation.
  Duration relax_level_every = std::chrono::seconds(60);
  std::uint8_t relaxed_level_min = kSkillLevelMin;
  Duration overflow_after = std::chrono::seconds(120);
  // Share of the group's capacity (per kind, rounded down) kept for tiers >= reserved_tier_min.
  std::uint16_t reserved_capacity_permille = 0;
  Tier reserved_tier_min = Tier::vip;
  Duration default_handle_time = std::chrono::minutes(5);  // until handle times are measured
  Duration arrival_rate_window = std::chrono::minutes(15);
  Duration service_level_target = std::chrono::seconds(20);  // for the supervisors' forecast
  std::size_t queue_length_max = kQueueLengthMaxDefault;
  std::size_t agents_max = kAgentsMaxDefault;
  std::size_t candidates_recorded_max = kCandidatesRecordedMaxDefault;
  std::size_t offers_per_dispatch_max = kOffersPerDispatchMaxDefault;
  bool operator==(const RouterConfig&) const = default;
};

// The skill groups an administrator configured, by group id (each config's group_id is its key).
// Every other group routes with the routing desk's defaults.
struct ConfiguredGroups {
  std::map<GroupId, RouterConfig> groups;
  bool operator==(const ConfiguredGroups&) const = default;
};

enum class ErrorCode : std::uint8_t {
  invalid_input = 1,
  queue_full = 2,
  duplicate_conversation = 3,
  unknown_conversation = 4,
  unknown_offer = 5,
  too_many_agents = 6,
  no_agents_online = 7,
  invalid_config = 8,
};
std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::invalid_input;
  std::string detail;  // a sentence for the log or the caller
  bool operator==(const Error&) const = default;
};

// Why `config` cannot be used, or nullopt.
std::optional<std::string> check_config(const RouterConfig& config);
// Why `c` cannot be queued, or nullopt.
std::optional<std::string> check_conversation(const QueuedConversation& c);
// Why `a` cannot be taken, or nullopt.
std::optional<std::string> check_agent(const AgentAvailability& a);

}  // namespace sb::router
