#pragma once
// Builders for router tests: readable agents, conversations and times.

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "actors/router/skill_router.hpp"

namespace sb::router::testing {

// A whole minute, so rate-window buckets start at at_s(0).
inline Timestamp at_s(std::int64_t seconds) {
  return from_unix_ms(1'699'999'980'000 + seconds * 1000);
}

inline RouterConfig test_config() {
  RouterConfig c;
  c.group_id = "orders";
  c.offer_timeout = std::chrono::seconds(20);
  c.relax_level_every = Duration::zero();
  c.overflow_after = std::chrono::seconds(120);
  return c;
}

inline SkillRouter make_router(RouterConfig config = test_config()) {
  auto router = SkillRouter::create(std::move(config));
  EXPECT_TRUE(router.has_value()) << router.error().detail;
  return std::move(router).value();
}

// An online chat agent of group "orders" with skill "returns" at `level`.
struct AgentBuilder {
  AgentAvailability a;

  explicit AgentBuilder(std::string id) {
    a.agent_id = std::move(id);
    a.presence = Presence::online;
    a.skills = {{"returns", 3}};
    a.capacity.chat = 3;
    a.idle_since = at_s(0);
    a.groups = {"orders"};
    a.revision = 1;
  }
  AgentBuilder& level(std::uint8_t l) {
    a.skills = {{"returns", l}};
    return *this;
  }
  AgentBuilder& skills(std::vector<SkillLevel> s) {
    a.skills = std::move(s);
    return *this;
  }
  AgentBuilder& chats(std::uint16_t capacity, std::uint16_t load = 0) {
    a.capacity.chat = capacity;
    a.load.chat = load;
    return *this;
  }
  AgentBuilder& voice(std::uint16_t load = 0) {
    a.capacity.voice = 1;
    a.load.voice = load;
    return *this;
  }
  AgentBuilder& idle_since(Timestamp t) {
    a.idle_since = t;
    return *this;
  }
  AgentBuilder& presence(Presence p) {
    a.presence = p;
    return *this;
  }
  AgentBuilder& groups(std::vector<GroupId> g) {
    a.groups = std::move(g);
    return *this;
  }
  AgentBuilder& revision(std::uint64_t r) {
    a.revision = r;
    return *this;
  }
  operator AgentAvailability() const { return a; }
};

// A regular customer's chat about "returns", level 1, queued at second `t`.
struct ConversationBuilder {
  QueuedConversation c;

  ConversationBuilder(std::string id, std::int64_t t) {
    c.conversation_id = std::move(id);
    c.customer_id = "cust-" + c.conversation_id;
    c.tier = Tier::regular;
    c.skill = "returns";
    c.required_level = 1;
    c.kind = ChannelKind::chat;
    c.enqueued_at = at_s(t);
  }
  ConversationBuilder& tier(Tier t) {
    c.tier = t;
    return *this;
  }
  ConversationBuilder& skill(std::string s) {
    c.skill = std::move(s);
    return *this;
  }
  ConversationBuilder& level(std::uint8_t l) {
    c.required_level = l;
    return *this;
  }
  ConversationBuilder& kind(ChannelKind k) {
    c.kind = k;
    return *this;
  }
  ConversationBuilder& sticky(std::string agent, Timestamp last_served) {
    c.sticky = StickyAgent{std::move(agent), last_served};
    return *this;
  }
  operator QueuedConversation() const { return c; }
};

inline void add_agent(SkillRouter& r, const AgentAvailability& a) {
  auto result = r.update_agent(a);
  ASSERT_TRUE(result.has_value()) << result.error().detail;
}

inline void add_conversation(SkillRouter& r, const QueuedConversation& c) {
  auto result = r.enqueue(c);
  ASSERT_TRUE(result.has_value()) << result.error().detail;
}

inline std::vector<std::string> agents_of(const std::vector<Offer>& offers) {
  std::vector<std::string> out;
  for (const auto& o : offers) out.push_back(o.agent_id);
  return out;
}

inline std::vector<std::string> conversations_of(const std::vector<Offer>& offers) {
  std::vector<std::string> out;
  for (const auto& o : offers) out.push_back(o.conversation_id);
  return out;
}

inline void expect_consistent(const SkillRouter& r) {
  auto problem = r.test_check_invariants();
  EXPECT_FALSE(problem.has_value()) << *problem;
}

}  // namespace sb::router::testing
