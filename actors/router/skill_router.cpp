#include "actors/router/skill_router.hpp"

#include <algorithm>
#include <queue>
#include <string>

#include "actors/common/assert.hpp"

namespace sb::router {

Expected<SkillRouter, Error> SkillRouter::create(RouterConfig config) {
  if (auto problem = check_config(config)) {
    return unexpected(Error{ErrorCode::invalid_config, *problem});
  }
  return SkillRouter(std::move(config));
}

SkillRouter::SkillRouter(RouterConfig config)
    : config_(std::move(config)),
      agents_(config_.group_id, config_.overflow_groups),
      estimator_(config_.default_handle_time, config_.arrival_rate_window) {}

Error SkillRouter::unknown_conversation(const ConversationId& id) const {
  return Error{ErrorCode::unknown_conversation,
               "conversation " + id + " is not queued in group " + config_.group_id};
}

Error SkillRouter::unknown_offer(OfferId offer) {
  return Error{ErrorCode::unknown_offer, "offer " + std::to_string(offer) +
                                             " is not open: it was answered, expired or withdrawn"};
}

Expected<void, Error> SkillRouter::enqueue(QueuedConversation conversation) {
  if (auto problem = check_conversation(conversation)) {
    return unexpected(Error{ErrorCode::invalid_input, *problem});
  }
  if (queue_.find(conversation.conversation_id) != nullptr) {
    return unexpected(Error{ErrorCode::duplicate_conversation,
                            "conversation " + conversation.conversation_id +
                                " is already queued in group " + config_.group_id});
  }
  if (queue_.size() >= config_.queue_length_max) {
    return unexpected(Error{
        ErrorCode::queue_full,
        "the queue of group " + config_.group_id + " is full: " + std::to_string(queue_.size()) +
            " conversations are waiting or offered (queue_length_max); conversation " +
            conversation.conversation_id + " was not queued"});
  }
  estimator_.record_arrival(conversation.kind, conversation.tier, conversation.enqueued_at);
  queue_.add(std::move(conversation));
  return {};
}

Expected<std::optional<Offer>, Error> SkillRouter::remove(const ConversationId& id) {
  ConversationEntry* entry = queue_.find(id);
  if (entry == nullptr) {
    return unexpected(unknown_conversation(id));
  }
  if (entry->offer) {
    return std::optional<Offer>(
        close_offer(offers_.find(*entry->offer), OfferEnd::conversation_left));
  }
  queue_.erase(*entry);
  return std::optional<Offer>();
}

Expected<std::vector<Offer>, Error> SkillRouter::update_agent(AgentAvailability report) {
  if (auto problem = check_agent(report)) {
    return unexpected(Error{ErrorCode::invalid_input, *problem});
  }
  AgentEntry* known = agents_.find(report.agent_id);
  if (known != nullptr && report.revision <= known->info.revision) return std::vector<Offer>{};
  const std::optional<Membership> membership = agents_.membership_of(report);
  if (report.presence == Presence::offline || !membership) {
    std::vector<Offer> withdrawn;
    if (known == nullptr) return withdrawn;
    const std::vector<OfferId> open = known->open_offers;
    for (OfferId id : open)
      withdrawn.push_back(close_offer(offers_.find(id), OfferEnd::agent_left));
    agents_.erase(report.agent_id);
    return withdrawn;
  }
  if (known == nullptr && agents_.size() >= config_.agents_max) {
    return unexpected(Error{ErrorCode::too_many_agents,
                            "group " + config_.group_id + " already tracks " +
                                std::to_string(agents_.size()) + " agents (agents_max); agent " +
                                report.agent_id + " was not added"});
  }
  agents_.upsert(std::move(report), *membership);
  return std::vector<Offer>{};
}

std::vector<Offer> SkillRouter::dispatch(Timestamp now) {
  std::vector<Offer> offers;
  if (queue_.waiting_count() == 0 || !agents_.any_free()) return offers;
  // One head per lane, best queue key first. A lane whose head finds no agent is dropped for this
  // round: everyone behind the head needs the same and has waited less (see ConversationQueue).
  using Head = std::pair<QueueKey, const ConversationQueue::Order*>;
  auto later = [](const Head& a, const Head& b) { return b.first < a.first; };
  std::priority_queue<Head, std::vector<Head>, decltype(later)> heads(later);
  for (const auto& [lane, order] : queue_.lanes()) heads.emplace(order.begin()->first, &order);
  while (!heads.empty() && offers.size() < config_.offers_per_dispatch_max && agents_.any_free()) {
    const auto [key, lane] = heads.top();
    heads.pop();
    ConversationEntry& head = *lane->begin()->second;
    SB_ASSERT(head.key == key);
    std::optional<Match> match = find_agent(config_, agents_, head, now);
    if (!match) continue;
    // Read the next head before the offer takes this one out (an emptied lane is erased).
    const auto next = std::next(lane->begin());
    if (next != lane->end()) heads.emplace(next->first, lane);
    offers.push_back(make_offer(head, std::move(*match), now));
  }
  return offers;
}

Expected<Offer, Error> SkillRouter::accept(OfferId offer) {
  auto it = offers_.find(offer);
  if (it == offers_.end()) {
    return unexpected(unknown_offer(offer));
  }
  return close_offer(it, OfferEnd::accepted);
}

Expected<void, Error> SkillRouter::decline(OfferId offer) {
  auto it = offers_.find(offer);
  if (it == offers_.end()) {
    return unexpected(unknown_offer(offer));
  }
  close_offer(it, OfferEnd::declined);
  return {};
}

std::vector<Offer> SkillRouter::expire_offers(Timestamp now) {
  std::vector<Offer> expired;
  while (!expiry_.empty() && expiry_.begin()->first <= now) {
    expired.push_back(close_offer(offers_.find(expiry_.begin()->second), OfferEnd::declined));
  }
  return expired;
}

void SkillRouter::record_handle_time(ChannelKind kind, Duration handle_time) {
  estimator_.record_handle_time(kind, handle_time);
}

Offer SkillRouter::make_offer(ConversationEntry& conversation, Match match, Timestamp now) {
  AgentEntry* agent = agents_.find(match.agent_id);
  SB_ASSERT(agent != nullptr);
  const OfferId id = next_offer_id_++;
  agents_.add_offer(*agent, conversation.info.kind, id, now);
  queue_.set_offered(conversation, id);
  Offer offer{id,
              conversation.info.conversation_id,
              conversation.info.customer_id,
              std::move(match.agent_id),
              conversation.info.kind,
              now,
              now + config_.offer_timeout,
              std::move(match.explanation)};
  expiry_.emplace(offer.expires_at, id);
  offers_.emplace(id, offer);
  return offer;
}

Offer SkillRouter::close_offer(Offers::iterator it, OfferEnd end) {
  SB_ASSERT(it != offers_.end());
  Offer offer = std::move(it->second);
  offers_.erase(it);
  expiry_.erase({offer.expires_at, offer.offer_id});
  // Agents with open offers are never forgotten, and a conversation with one is never erased
  // without closing it first: both must exist.
  AgentEntry* agent = agents_.find(offer.agent_id);
  ConversationEntry* conversation = queue_.find(offer.conversation_id);
  SB_ASSERT(agent != nullptr && conversation != nullptr && conversation->offer == offer.offer_id);
  switch (end) {
    case OfferEnd::accepted:
      agents_.accept_offer(*agent, offer.kind, offer.offer_id);
      queue_.erase(*conversation);
      break;
    case OfferEnd::declined:
      agents_.drop_offer(*agent, offer.kind, offer.offer_id);
      queue_.add_declined(*conversation, offer.agent_id);
      queue_.set_waiting(*conversation);
      break;
    case OfferEnd::agent_left:
      agents_.drop_offer(*agent, offer.kind, offer.offer_id);
      queue_.set_waiting(*conversation);
      break;
    case OfferEnd::conversation_left:
      agents_.drop_offer(*agent, offer.kind, offer.offer_id);
      queue_.erase(*conversation);
      break;
  }
  return offer;
}

}  // namespace sb::router
