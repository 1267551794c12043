#pragma once
// What the entity actors of one node share besides the journal: the router, the sink hub that
// reaches channels and agent desks, the bot, the integrator's business backend, and the policies
// an administrator may change while the node runs (SLA policies, tier rules; the configuration
// entity in actors/configuration keeps them durable). Built once by the node (no singletons) and
// captured by the factories.

#include <caf/actor.hpp>

#include <atomic>
#include <memory>

#include "actors/common/time.hpp"
#include "actors/customer/customer_model.hpp"
#include "actors/ticket/business_calendar.hpp"
#include "actors/ticket/sla_model.hpp"
#include "runtime/bot/bot.hpp"
#include "runtime/bot/business_backend.hpp"

namespace sb::services {

// The current bot; a knowledge-base import swaps in a new one without stopping anything.
class BotHolder {
 public:
  explicit BotHolder(std::shared_ptr<const bot::Bot> bot) : bot_(std::move(bot)) {}
  std::shared_ptr<const bot::Bot> get() const { return bot_.load(); }
  void set(std::shared_ptr<const bot::Bot> bot) { bot_.store(std::move(bot)); }

 private:
  std::atomic<std::shared_ptr<const bot::Bot>> bot_;
};

// A value an administrator may replace while the node runs. Readers take a snapshot (`get`) and
// keep using it for the command at hand; the next command sees the new value.
template <class T>
class LiveValue {
 public:
  explicit LiveValue(T value = T{}) : value_(std::make_shared<const T>(std::move(value))) {}
  LiveValue(const LiveValue&) = delete;
  LiveValue& operator=(const LiveValue&) = delete;
  // Replacing by assignment reads like setting a plain field at assembly time.
  LiveValue& operator=(T value) {
    set(std::move(value));
    return *this;
  }

  std::shared_ptr<const T> get() const { return value_.load(); }
  void set(T value) { value_.store(std::make_shared<const T>(std::move(value))); }

 private:
  std::atomic<std::shared_ptr<const T>> value_;
};

struct ConversationPolicy {
  Duration reopen_window = std::chrono::hours(24);
  Duration auto_close_after = std::chrono::hours(24);
  Duration offer_timeout = std::chrono::seconds(30);
  // A customer silent this long while waiting for a person has left: the conversation closes and
  // a follow-up ticket keeps the question answered (0: never).
  Duration queue_abandon_after = std::chrono::minutes(30);
  // A customer silent this long in a conversation the bot handles alone is done: the bot
  // resolves it (it reopens if they write within the reopen window; 0: never).
  Duration bot_resolve_after = std::chrono::minutes(30);
  // When people answer chats; a handoff outside them opens a follow-up ticket at once (the
  // conversation stays queued for whoever comes online first). None: always staffed.
  std::optional<ticket::BusinessCalendar> support_hours;
};

struct EntityServices {
  caf::actor routing;  // the RoutingDesk actor (one SkillRouter per skill group)
  caf::actor sinks;    // the SinkHub actor
  std::shared_ptr<BotHolder> bot;
  // The BackendDesk actor (runtime/service/backend_desk.hpp): (lookup, BackendQuery) ->
  // BackendResult from the integrator's registered backend, else the shipped sample.
  caf::actor backends;
  ConversationPolicy conversation;
  LiveValue<customer::TierRules> tier_rules;    // customers read them at registration and contact
  LiveValue<ticket::SlaPolicyTable> sla_policies;  // a new ticket (or a priority change) picks from it
};

}  // namespace sb::services
