#pragma once
// SkillRouter: the pure routing core of one skill group's router actor. No CAF, no clock, no
// randomness: time comes in as arguments, so the same calls always give the same offers.
//
// Its state is derived, not event-sourced (DESIGN.md §4 "Hot actors must not serialize on
// fsync"): after a restart the actor re-feeds the queued conversations (enqueue, with their
// original enqueued_at) and the agents' availability (update_agent), and the Conversation
// persists each accepted offer's explanation in its `Assigned` event.
//
// The actor's loop: feed enqueue/remove/update_agent as entity events arrive; call dispatch(now)
// after each change and send the offers; answer with accept/decline; arm a timer for
// next_deadline(now) and call expire_offers(now) then dispatch(now) when it fires; push
// position_changes(now) to customers every few seconds.
// Not thread-safe: one actor owns one router.

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "actors/common/expected.hpp"
#include "actors/router/agent_matcher.hpp"
#include "actors/router/agent_pool.hpp"
#include "actors/router/conversation_queue.hpp"
#include "actors/router/router_model.hpp"
#include "actors/router/wait_estimator.hpp"

namespace sb::router {

// For supervisors: one line per agent.
struct AgentView {
  AgentId agent_id;
  Presence presence = Presence::offline;
  bool overflow = false;
  KindCounts capacity;
  KindCounts load;  // accepted
  KindCounts offered;
  Timestamp idle_since;
  bool operator==(const AgentView&) const = default;
};

// For supervisors: the queue and the Erlang-C forecast of one channel kind.
struct KindView {
  ChannelKind kind = ChannelKind::chat;
  std::uint32_t servers = 0;  // home slots of online agents
  std::uint32_t free_slots = 0;
  std::uint32_t reserved_slots = 0;
  std::size_t waiting = 0;
  Duration oldest_wait{0};
  double arrivals_per_hour = 0.0;
  Duration mean_handle_time{0};
  double probability_of_waiting = 1.0;  // Erlang C for a new arrival
  Duration forecast_wait{0};            // Erlang-C average speed of answer (capped)
  double service_level = 0.0;           // share answered within config.service_level_target
  bool operator==(const KindView&) const = default;
};

struct RouterSnapshot {
  GroupId group_id;
  Timestamp at;
  std::size_t waiting = 0;
  std::size_t offered = 0;
  std::array<std::size_t, 4> waiting_by_tier{};  // indexed by Tier value − 1
  std::vector<KindView> kinds;
  std::vector<AgentView> agents;  // sorted by id
  bool operator==(const RouterSnapshot&) const = default;
};

class SkillRouter {
 public:
  static Expected<SkillRouter, Error> create(RouterConfig config);

  SkillRouter(SkillRouter&&) = default;
  SkillRouter& operator=(SkillRouter&&) = default;
  SkillRouter(const SkillRouter&) = delete;
  SkillRouter& operator=(const SkillRouter&) = delete;

  // Queues a conversation. Errors: invalid_input, duplicate_conversation, queue_full (the queue
  // already holds queue_length_max waiting or offered conversations).
  Expected<void, Error> enqueue(QueuedConversation conversation);

  // Takes a conversation out (abandoned, answered elsewhere, closed). Returns the open offer it
  // had, which the actor withdraws from the agent. Error: unknown_conversation.
  Expected<std::optional<Offer>, Error> remove(const ConversationId& id);

  // Stores an agent's availability; a report with a revision not above the last one is ignored.
  // An agent going offline or leaving this group and its overflow groups is forgotten, and its
  // open offers are withdrawn (returned; their conversations wait again at their old place).
  // Away agents keep their open offers but get no new ones. Errors: invalid_input,
  // too_many_agents.
  Expected<std::vector<Offer>, Error> update_agent(AgentAvailability report);

  // The offers to make now, in queue order; at most offers_per_dispatch_max.
  std::vector<Offer> dispatch(Timestamp now);

  // The agent took it: the offer becomes load until the agent's next report, and the conversation
  // leaves the router. Returns the offer with its explanation (for the `Assigned` event).
  // Error: unknown_offer (answered, expired or withdrawn already).
  Expected<Offer, Error> accept(OfferId offer);

  // The agent refused: the conversation waits again at its old place, and this agent is offered
  // it again only when nobody else can take it. Error: unknown_offer.
  Expected<void, Error> decline(OfferId offer);

  // Offers unanswered by `now` are treated as declined. Returns them (to withdraw at the agent).
  std::vector<Offer> expire_offers(Timestamp now);

  // A finished conversation's handle time (assigned → resolved), for wait estimates.
  void record_handle_time(ChannelKind kind, Duration handle_time);

  // 1 + the waiting conversations ahead with the same skill and kind; 0 while being offered.
  // O(conversations of the same lane and tier); the actor pushes position_changes instead.
  Expected<std::size_t, Error> queue_position(const ConversationId& id) const;

  // Expected wait from the live queue (see WaitEstimator::queued_wait). Errors:
  // unknown_conversation; no_agents_online (no home capacity of the conversation's kind).
  Expected<Duration, Error> estimated_wait(const ConversationId& id, Timestamp now) const;

  // Positions and waits that changed enough to tell the customer since the last call: exact up
  // to position 10, then per 10 up to 100, then per 100; waits per minute up to an hour, then
  // per 15 minutes. One pass over the queue.
  std::vector<PositionUpdate> position_changes(Timestamp now);

  // The next moment something changes without input: an offer expires, or the oldest
  // conversation of a lane relaxes a skill level or reaches the overflow wait. The actor arms a
  // timer for it and then calls expire_offers and dispatch.
  std::optional<Timestamp> next_deadline(Timestamp now) const;

  RouterSnapshot snapshot(Timestamp now) const;
  const RouterConfig& config() const { return config_; }

  // A description of the first inconsistency between queue, offers and agents, or nullopt.
  std::optional<std::string> test_check_invariants() const;
  // Waiting conversations some agent could be offered now, by brute force over the whole queue
  // (checks that dispatch's lane skipping never leaves one behind).
  std::size_t test_count_dispatchable(Timestamp now) const;

 private:
  enum class OfferEnd : std::uint8_t { accepted, declined, agent_left, conversation_left };
  using Offers = std::map<OfferId, Offer>;

  explicit SkillRouter(RouterConfig config);
  Error unknown_conversation(const ConversationId& id) const;
  static Error unknown_offer(OfferId offer);
  Offer make_offer(ConversationEntry& conversation, Match match, Timestamp now);
  Offer close_offer(Offers::iterator it, OfferEnd end);
  std::size_t position_of(const ConversationEntry& entry) const;
  std::optional<Timestamp> next_lane_deadline(const ConversationEntry& head, Timestamp now) const;
  KindView kind_view(ChannelKind kind, Timestamp now) const;

  RouterConfig config_;
  ConversationQueue queue_;
  AgentPool agents_;
  WaitEstimator estimator_;
  Offers offers_;
  std::set<std::pair<Timestamp, OfferId>> expiry_;
  OfferId next_offer_id_ = 1;
};

}  // namespace sb::router
