#pragma once
// Seeded random histories built with the real deciders: conversations, agents and tickets driven
// by random (mostly valid) commands on one advancing clock; every accepted event is kept typed
// (for the brute force) and encoded with the entity codecs into feed entries (for the projection).

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "actors/agent/agent_decider.hpp"
#include "actors/conversation/conversation_decider.hpp"
#include "actors/ticket/ticket_decider.hpp"
#include "runtime/journal/journal_types.hpp"

namespace sb::analytics::testing {

using AnyEvent = std::variant<conversation::Event, agent::Event, ticket::Event>;

struct RawEvent {
  EntityKind kind = EntityKind::conversation;
  std::string id;
  AnyEvent event;
};

struct History {
  std::vector<RawEvent> events;          // feed order
  std::vector<runtime::FeedEntry> feed;  // the same, encoded, seq 1..n
  Timestamp start;
  Timestamp end;
};

struct HistoryShape {
  int steps = 3000;
  int conversations = 60;
  int agents = 5;
  int tickets = 12;
  Duration step_max = std::chrono::seconds(150);
};

History random_history(std::uint64_t seed, const HistoryShape& shape = {});

// The texts customers send in these histories (few, so the question sketches stay exact).
const std::vector<std::string>& customer_texts();

inline constexpr Timestamp kHistoryStart = from_unix_ms(1'793'750'400'000);  // 2026-11-11 00:00Z

}  // namespace sb::analytics::testing
