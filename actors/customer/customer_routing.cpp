#include "actors/customer/customer_routing.hpp"

namespace sb::customer {
namespace {

using services::InboundTurn;
using services::TurnOutcome;
using Promise = TurnPromise;

constexpr auto kConversationTimeout = std::chrono::seconds(30);

std::string next_conversation_id(const CustomerActor* self, DeliveryMemory& memory) {
  const auto n = self->state.model.conversations_total + memory.started + 1;
  ++memory.started;
  return self->state.key.id + "/c" + std::to_string(n);
}

// Outbound messages are addressed by the conversation's customer: teach the sink hub that one.
void teach_address(CustomerActor* self, const services::EntityServices& services,
                   const InboundTurn& turn) {
  if (turn.customer_id == self->state.key.id && turn.redirects == 0) return;  // the service did
  self->send(services.sinks, services::learn_atom::value, turn.customer_id, turn.channel,
             turn.channel_user_id);
}

void route_to_conversation(CustomerActor* self, DeliveryMemory& memory, InboundTurn turn,
                           std::string conversation_id, Promise promise) {
  const runtime::EntityKey key{EntityKind::conversation, conversation_id};
  auto message = caf::make_message(services::inbound_atom::value, turn);
  runtime::watched_request(self, runtime::deadlines_of(self), self->state.context.registry,
                           kConversationTimeout, runtime::route_atom::value, key,
                           std::move(message))
      .await(
          [self, &memory, turn, promise](TurnOutcome& outcome) mutable {
            if (outcome.needs_new_conversation && !turn.force_new) {
              // A new conversation is always this customer's own, even after an adopted one.
              turn.force_new = true;
              turn.customer_id = self->state.key.id;
              route_to_conversation(self, memory, turn, next_conversation_id(self, memory),
                                    promise);
              return;
            }
            if (!outcome.error) {
              memory.current_conversation = outcome.conversation_id;
              memory.current_owner = turn.customer_id == self->state.key.id ? "" : turn.customer_id;
            }
            outcome.customer_id = self->state.key.id;
            promise.deliver(std::move(outcome));
          },
          [promise](caf::error& error) mutable { promise.deliver(std::move(error)); });
}

// Conversation ids are "<customer id>/c<n>" (next_conversation_id): the customer that started
// it, which the conversation checks each message against.
std::string starter_of(const std::string& conversation_id) {
  const auto at = conversation_id.rfind("/c");
  return at == std::string::npos ? std::string() : conversation_id.substr(0, at);
}

// The newest conversation so far, with the customer that started it.
struct Newest {
  std::optional<TimelineEntry> entry;
  void consider(const std::vector<TimelineEntry>& timeline) {
    for (auto it = timeline.rbegin(); it != timeline.rend(); ++it) {
      if (it->kind != TimelineKind::conversation) continue;
      if (!entry || it->started_at > entry->started_at) entry = *it;
      return;
    }
  }
};

// This instance knows no current conversation (it is new: a restart, or passivated while the
// customer was quiet). The newest one of the whole merged history goes on — after a login it
// may be the visitor's, started before the merge. The absorbed customers are asked one after
// the other, awaited, so this customer's messages stay in order.
void find_current(CustomerActor* self, const services::EntityServices& services,
                  DeliveryMemory& memory, InboundTurn turn, Promise promise, Newest newest,
                  std::size_t next_absorbed) {
  const auto& absorbed = self->state.model.absorbed;
  if (next_absorbed >= absorbed.size()) {
    if (newest.entry) {
      memory.current_conversation = newest.entry->id;
      const auto starter = starter_of(newest.entry->id);
      if (starter != self->state.key.id) memory.current_owner = starter;
    }
    return route_to_current(self, services, memory, std::move(turn), std::move(promise));
  }
  ask_customer(self, absorbed[next_absorbed].customer_id,
               caf::make_message(services::timeline_atom::value, std::uint8_t{1}, true))
      .await(
          [self, &services, &memory, turn, promise, newest,
           next_absorbed](services::CustomerTimeline& part) mutable {
            newest.consider(part.entries);
            find_current(self, services, memory, turn, promise, newest, next_absorbed + 1);
          },
          [self, &services, &memory, turn, promise, newest, next_absorbed](caf::error&) {
            find_current(self, services, memory, turn, promise, newest, next_absorbed + 1);
          });
}

}  // namespace

TurnOutcome turn_failure(service::ErrorCode code, std::string message, std::string rejection) {
  TurnOutcome out;
  out.error = service::ServiceError{code, std::move(message), std::move(rejection)};
  return out;
}

void continue_delivery(CustomerActor* self, const services::EntityServices& services,
                       DeliveryMemory& memory, InboundTurn turn, Promise promise) {
  if (memory.current_conversation.empty()) {
    Newest own;
    own.consider(self->state.model.timeline);
    return find_current(self, services, memory, std::move(turn), std::move(promise), own, 0);
  }
  route_to_current(self, services, memory, std::move(turn), std::move(promise));
}

void route_to_current(CustomerActor* self, const services::EntityServices& services,
                      DeliveryMemory& memory, InboundTurn turn, Promise promise) {
  std::string conversation_id = memory.current_conversation;
  const std::string owner = memory.current_owner;
  if (conversation_id.empty()) conversation_id = next_conversation_id(self, memory);
  turn.tier = self->state.model.tier;
  turn.customer_id = owner.empty() ? self->state.key.id : owner;
  teach_address(self, services, turn);
  route_to_conversation(self, memory, std::move(turn), std::move(conversation_id),
                        std::move(promise));
}

void forward_to_survivor(CustomerActor* self, const services::EntityServices& services,
                         InboundTurn turn, Promise promise) {
  const auto& survivor = self->state.model.merged_into->customer_id;
  if (turn.redirects >= services::kCustomerRedirectsMax) {
    promise.deliver(
        turn_failure(service::ErrorCode::internal,
                     "customer " + self->state.key.id + " is merged too deep to deliver"));
    return;
  }
  turn.customer_id = survivor;
  ++turn.redirects;
  teach_address(self, services, turn);
  ask_customer(self, survivor, caf::make_message(services::deliver_atom::value, std::move(turn)))
      .then([promise](TurnOutcome& outcome) mutable { promise.deliver(std::move(outcome)); },
            [promise](caf::error& error) mutable { promise.deliver(std::move(error)); });
}

}  // namespace sb::customer
