#include "actors/router/router_model.hpp"

#include "actors/common/assert.hpp"
#include "actors/common/text.hpp"

namespace sb::router {

std::string_view to_string(ChannelKind kind) {
  switch (kind) {
    case ChannelKind::chat:
      return "chat";
    case ChannelKind::voice:
      return "voice";
    case ChannelKind::email:
      return "email";
  }
  return "unknown";
}

ChannelKind channel_kind_of(Channel channel) {
  switch (channel) {
    case Channel::phone:
      return ChannelKind::voice;
    case Channel::email:
      return ChannelKind::email;
    case Channel::web:
    case Channel::app:
    case Channel::wechat:
    case Channel::sms:
    case Channel::social:
      return ChannelKind::chat;
  }
  return ChannelKind::chat;
}

std::uint16_t& KindCounts::operator[](ChannelKind kind) {
  switch (kind) {
    case ChannelKind::chat:
      return chat;
    case ChannelKind::voice:
      return voice;
    case ChannelKind::email:
      return email;
  }
  SB_ASSERT(false && "ChannelKind out of range");
  return chat;
}

std::uint16_t KindCounts::operator[](ChannelKind kind) const {
  KindCounts copy = *this;  // three integers: cheaper to copy than to duplicate the switch
  return copy[kind];
}

std::string_view to_string(Presence presence) {
  switch (presence) {
    case Presence::online:
      return "online";
    case Presence::away:
      return "away";
    case Presence::offline:
      return "offline";
  }
  return "unknown";
}

std::string_view to_string(DecidingRule rule) {
  switch (rule) {
    case DecidingRule::sticky:
      return "sticky";
    case DecidingRule::least_loaded:
      return "least_loaded";
    case DecidingRule::longest_idle:
      return "longest_idle";
    case DecidingRule::relaxed_skill:
      return "relaxed_skill";
    case DecidingRule::overflow:
      return "overflow";
  }
  return "unknown";
}

std::string_view to_string(ReservationStatus status) {
  switch (status) {
    case ReservationStatus::none_configured:
      return "none_configured";
    case ReservationStatus::priority_tier:
      return "priority_tier";
    case ReservationStatus::outside_reserve:
      return "outside_reserve";
  }
  return "unknown";
}

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input:
      return "invalid_input";
    case ErrorCode::queue_full:
      return "queue_full";
    case ErrorCode::duplicate_conversation:
      return "duplicate_conversation";
    case ErrorCode::unknown_conversation:
      return "unknown_conversation";
    case ErrorCode::unknown_offer:
      return "unknown_offer";
    case ErrorCode::too_many_agents:
      return "too_many_agents";
    case ErrorCode::no_agents_online:
      return "no_agents_online";
    case ErrorCode::invalid_config:
      return "invalid_config";
  }
  return "unknown";
}

namespace {

std::optional<std::string> check_id(std::string_view what, std::string_view id) {
  if (id.empty()) return std::string(what) + " must not be empty";
  return check_text(what, id, kIdBytesMax);
}

bool valid_level(std::uint8_t level) { return level >= kSkillLevelMin && level <= kSkillLevelMax; }

bool valid_tier(Tier tier) { return tier >= Tier::new_customer && tier <= Tier::enterprise; }

bool valid_kind(ChannelKind kind) {
  return kind >= ChannelKind::chat && kind <= ChannelKind::email;
}

}  // namespace

std::optional<std::string> check_config(const RouterConfig& config) {
  if (auto e = check_id("group id", config.group_id)) return e;
  if (config.overflow_groups.size() > kOverflowGroupsMax) {
    return "at most " + std::to_string(kOverflowGroupsMax) + " overflow groups are allowed";
  }
  for (const auto& g : config.overflow_groups) {
    if (auto e = check_id("overflow group id", g)) return e;
    if (g == config.group_id) return "a group cannot overflow into itself";
  }
  if (config.offer_timeout <= Duration::zero()) return "offer timeout must be positive";
  if (config.relax_level_every < Duration::zero()) return "relax interval must not be negative";
  if (!valid_level(config.relaxed_level_min)) return "relaxed level minimum must be within 1..5";
  if (config.reserved_capacity_permille > 1000) return "reserved capacity must be at most 1000‰";
  if (!valid_tier(config.reserved_tier_min)) return "reserved tier minimum is not a tier";
  if (config.default_handle_time <= Duration::zero()) return "default handle time must be > 0";
  if (config.arrival_rate_window < std::chrono::seconds(60)) {
    return "arrival rate window must be at least one minute";
  }
  if (config.queue_length_max == 0 || config.agents_max == 0 ||
      config.candidates_recorded_max == 0 || config.offers_per_dispatch_max == 0) {
    return "queue, agent, candidate and per-dispatch offer limits must be positive";
  }
  return std::nullopt;
}

std::optional<std::string> check_conversation(const QueuedConversation& c) {
  if (auto e = check_id("conversation id", c.conversation_id)) return e;
  if (auto e = check_id("customer id", c.customer_id)) return e;
  if (auto e = check_id("skill", c.skill)) return e;
  if (!valid_tier(c.tier)) return "tier of " + c.conversation_id + " is not a tier";
  if (!valid_kind(c.kind)) return "channel kind of " + c.conversation_id + " is not a kind";
  if (!valid_level(c.required_level)) {
    return "required level of " + c.conversation_id + " must be within 1..5";
  }
  if (c.sticky) {
    if (auto e = check_id("sticky agent id", c.sticky->agent_id)) return e;
  }
  return std::nullopt;
}

std::optional<std::string> check_agent(const AgentAvailability& a) {
  if (auto e = check_id("agent id", a.agent_id)) return e;
  if (a.presence < Presence::online || a.presence > Presence::offline) {
    return "presence of " + a.agent_id + " is not a presence";
  }
  if (a.skills.size() > kSkillsPerAgentMax) {
    return "agent " + a.agent_id + " has more than " + std::to_string(kSkillsPerAgentMax) +
           " skills";
  }
  for (std::size_t i = 0; i < a.skills.size(); ++i) {
    if (auto e = check_id("skill", a.skills[i].skill)) return e;
    if (!valid_level(a.skills[i].level)) {
      return "skill levels of " + a.agent_id + " must be within 1..5";
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (a.skills[j].skill == a.skills[i].skill) {
        return "agent " + a.agent_id + " lists skill " + a.skills[i].skill + " twice";
      }
    }
  }
  if (a.groups.size() > kGroupsPerAgentMax) {
    return "agent " + a.agent_id + " is in more than " + std::to_string(kGroupsPerAgentMax) +
           " groups";
  }
  for (const auto& g : a.groups) {
    if (auto e = check_id("group id", g)) return e;
  }
  for (ChannelKind k : kChannelKinds) {
    if (a.capacity[k] > kSlotsPerKindMax) {
      return "capacity of " + a.agent_id + " exceeds " + std::to_string(kSlotsPerKindMax) +
             " slots per kind";
    }
  }
  if (a.capacity.voice > 1) return "voice capacity of " + a.agent_id + " must be 0 or 1";
  return std::nullopt;
}

}  // namespace sb::router
