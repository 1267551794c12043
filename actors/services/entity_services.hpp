#pragma once
// What the entity actors of one node share besides the journal: the router, the sink hub that
// reaches channels and agent desks, the bot, the integrator's business backend, and the policies
// read from configuration. Built once by the node (no singletons) and captured by the factories.

#include <caf/actor.hpp>

#include <atomic>
#include <memory>

#include "actors/common/time.hpp"
#include "actors/customer/customer_model.hpp"
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

struct ConversationPolicy {
  Duration reopen_window = std::chrono::hours(24);
  Duration auto_close_after = std::chrono::hours(24);
  Duration offer_timeout = std::chrono::seconds(30);
};

struct EntityServices {
  caf::actor routing;  // the RoutingDesk actor (one SkillRouter per skill group)
  caf::actor sinks;    // the SinkHub actor
  std::shared_ptr<BotHolder> bot;
  std::shared_ptr<bot::BusinessBackend> backend;
  ConversationPolicy conversation;
  customer::TierRules tier_rules;
  ticket::SlaPolicyTable sla_policies;
};

}  // namespace sb::services
