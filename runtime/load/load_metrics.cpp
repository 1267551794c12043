#include "runtime/load/load_metrics.hpp"

namespace sb::load {
namespace {

constexpr std::string_view kBotSuffix = "/bot";  // the service's bot reply id: "<message id>/bot"

}  // namespace

void LoadMetrics::expect_bot_reply(const std::string& message_id, Clock::time_point intended,
                                   bool first_of_visit) {
  std::lock_guard lock(mutex_);
  pending_bot_[message_id] = PendingBotReply{intended, first_of_visit};
}

void LoadMetrics::on_ack(const std::string& message_id, Clock::time_point intended,
                         const service::DeliverResult& result, Clock::time_point now) {
  counters.acked.fetch_add(1, std::memory_order_relaxed);
  ack.record(now - intended);
  if (result.duplicate) counters.duplicates.fetch_add(1, std::memory_order_relaxed);
  if (result.bot_reply) counters.bot_answered.fetch_add(1, std::memory_order_relaxed);
  std::lock_guard lock(mutex_);
  // No bot reply in the result means none will come on the sink either.
  if (!result.bot_reply) pending_bot_.erase(message_id);
  if (!result.handed_off || !handed_off_.insert(result.conversation_id).second) return;
  counters.handoffs.fetch_add(1, std::memory_order_relaxed);
  if (auto early = early_offer_.find(result.conversation_id); early != early_offer_.end()) {
    offer.record(early->second - intended);
    early_offer_.erase(early);
  } else {
    pending_offer_.emplace(result.conversation_id, intended);
  }
}

void LoadMetrics::on_error(const std::string& message_id, const service::ServiceError& error) {
  counters.errors.fetch_add(1, std::memory_order_relaxed);
  std::lock_guard lock(mutex_);
  pending_bot_.erase(message_id);
  ++errors_[std::string(service::to_string(error.code))];
}

void LoadMetrics::on_outbound(const service::OutboundMessage& message, Clock::time_point now) {
  switch (message.kind) {
    case service::OutboundKind::bot_reply:
      break;
    case service::OutboundKind::agent_reply:
      counters.agent_replies_seen.fetch_add(1, std::memory_order_relaxed);
      return;
    case service::OutboundKind::queue_update:
      counters.queue_updates_seen.fetch_add(1, std::memory_order_relaxed);
      return;
    default:
      counters.other_outbound_seen.fetch_add(1, std::memory_order_relaxed);
      return;
  }
  counters.bot_replies_seen.fetch_add(1, std::memory_order_relaxed);
  const auto& id = message.message_id;
  if (id.size() <= kBotSuffix.size() || !id.ends_with(kBotSuffix)) return;
  const auto inbound = id.substr(0, id.size() - kBotSuffix.size());
  std::lock_guard lock(mutex_);
  auto found = pending_bot_.find(inbound);
  if (found == pending_bot_.end()) return;  // another client's, or a retry already measured
  const auto latency = now - found->second.intended;
  bot_reply.record(latency);
  (found->second.first_of_visit ? bot_reply_first : bot_reply_follow_up).record(latency);
  pending_bot_.erase(found);
}

void LoadMetrics::on_offer(const std::string& conversation_id, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (!offered_.insert(conversation_id).second) return;  // a re-offer after a decline or expiry
  counters.offers.fetch_add(1, std::memory_order_relaxed);
  if (auto pending = pending_offer_.find(conversation_id); pending != pending_offer_.end()) {
    offer.record(now - pending->second);
    pending_offer_.erase(pending);
  } else {
    early_offer_.emplace(conversation_id, now);
  }
}

std::size_t LoadMetrics::bot_replies_pending() const {
  std::lock_guard lock(mutex_);
  return pending_bot_.size();
}

std::size_t LoadMetrics::handoffs_unoffered() const {
  std::lock_guard lock(mutex_);
  return pending_offer_.size();
}

std::map<std::string, std::uint64_t> LoadMetrics::errors_by_code() const {
  std::lock_guard lock(mutex_);
  return errors_;
}

}  // namespace sb::load
