#include "actors/customer/customer_delivery.hpp"

#include <spdlog/spdlog.h>

#include "actors/customer/customer_identity.hpp"
#include "actors/customer/customer_merging.hpp"

namespace sb::customer {
namespace {

using services::InboundTurn;
using services::TurnOutcome;
using Promise = caf::typed_response_promise<TurnOutcome>;

constexpr auto kConversationTimeout = std::chrono::seconds(30);

TurnOutcome failure(service::ErrorCode code, std::string message, std::string rejection = {}) {
  TurnOutcome out;
  out.error = service::ServiceError{code, std::move(message), std::move(rejection)};
  return out;
}

// The registration of `customer_id` on its first contact, through the channel identity the
// turn came from.
RegisterCustomer first_contact(std::string customer_id, const InboundTurn& turn, bool verified,
                               const TierRules& rules) {
  const auto kind = identity_kind_of(turn.channel);
  Profile profile;
  profile.account_created_at = turn.at;  // first seen now: a new customer until the rules say more
  return RegisterCustomer{
      std::move(customer_id),
      Identity{kind, turn.channel_user_id, verified && is_verifiable(kind), turn.at},
      profile,
      rules,
      turn.at,
      std::nullopt};
}

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

void route_to_current(CustomerActor* self, const services::EntityServices& services,
                      DeliveryMemory& memory, InboundTurn turn, Promise promise);

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
    promise.deliver(failure(service::ErrorCode::internal,
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

// The channel identity's own customer ("<channel>:<user>", an id derived from the identity, so
// it is the identity's entry in the index) is merged into this one. One that does not exist yet
// is registered first and merged all the same, so a later message on that channel without the
// login still reaches this customer.
void merge_identity_customer(CustomerActor* self, const services::EntityServices& services,
                             DeliveryMemory& memory, InboundTurn turn, Promise promise,
                             bool register_if_missing) {
  auto absorbed_id = anonymous_customer_id(turn.channel, turn.channel_user_id);
  merge_into_self(self, absorbed_id, MergeReason::verified_identity, turn.at,
                  [self, &services, &memory, turn, promise, absorbed_id,
                   register_if_missing](caf::expected<CustomerReply> reply) {
                    const bool missing = reply && !reply->ok() && reply->rejection &&
                                         reply->rejection->code == Rejection::not_registered;
                    if (reply && reply->ok()) {
                      memory.forget_current();
                    } else if (missing && register_if_missing) {
                      // Registered already merged into this customer: one write on its side.
                      auto registration =
                          first_contact(absorbed_id, turn, false, *services.tier_rules.get());
                      registration.merged = MergeCustomers{self->state.key.id, absorbed_id,
                                                           MergeReason::verified_identity, turn.at};
                      auto again = [self, &services, &memory, turn, promise] {
                        merge_identity_customer(self, services, memory, turn, promise, false);
                      };
                      // Then this side of the merge; refused (registered meanwhile by its own
                      // message), the merge decides as for any existing customer.
                      ask_customer(self, absorbed_id, runtime::make_command<Decider>(registration))
                          .await([again](CustomerReply&) { again(); },
                                 [again](caf::error&) { again(); });
                      return;
                    } else if (!reply) {
                      spdlog::warn("customer {} could not merge in {}: {}", self->state.key.id,
                                   absorbed_id, runtime::describe(reply.error()));
                    }
                    continue_delivery(self, services, memory, turn, promise);
                  });
}

// The channel verified the account: its identity joins this customer (verified where the kind
// can be: a phone, an email) and the identity's own customer is merged in — once, when the
// identity is new here; a refused merge (merged elsewhere) leaves the message to go on as it is.
void join_identity(CustomerActor* self, const services::EntityServices& services,
                   DeliveryMemory& memory, InboundTurn turn, Promise promise,
                   bool just_registered) {
  const auto kind = identity_kind_of(turn.channel);
  const auto value = normalize_identity(kind, turn.channel_user_id);
  if (!value || (!just_registered && find_identity(self->state.model, kind, *value))) {
    return continue_delivery(self, services, memory, std::move(turn), std::move(promise));
  }
  if (just_registered) {  // registered with this identity
    return merge_identity_customer(self, services, memory, std::move(turn), std::move(promise),
                                   true);
  }
  run_on_self(
      self, LinkIdentity{kind, *value, is_verifiable(kind), turn.at}, turn.at, {},
      [self, &services, &memory, turn, promise](caf::expected<CustomerReply> reply) mutable {
        if (!reply) {
          promise.deliver(reply.error());
          return;
        }
        if (!reply->ok()) return continue_delivery(self, services, memory, turn, promise);
        merge_identity_customer(self, services, memory, turn, promise, true);
      },
      turn.message_id);
}

void after_checks(CustomerActor* self, const services::EntityServices& services,
                  DeliveryMemory& memory, InboundTurn turn, Promise promise, bool just_registered) {
  if (turn.verified_account) {
    return join_identity(self, services, memory, std::move(turn), std::move(promise),
                         just_registered);
  }
  continue_delivery(self, services, memory, std::move(turn), std::move(promise));
}

// What the customer a new account absorbs on its registration brings with it.
enum class AbsorbedHistory : std::uint8_t {
  none,     // nothing absorbed
  fresh,    // registered just now, already merged: no conversation of its own
  earlier,  // a customer with its own history (a visitor who logs in)
};

// Registers this customer; with `registration.absorbs` set, the absorbed side of that merge is
// written already and the registration completes it.
void register_with(CustomerActor* self, const services::EntityServices& services,
                   DeliveryMemory& memory, InboundTurn turn, Promise promise,
                   RegisterCustomer registration, AbsorbedHistory absorbed) {
  run_on_self(
      self, std::move(registration), turn.at, "register",
      [self, &services, &memory, turn, promise,
       absorbed](caf::expected<CustomerReply> reply) mutable {
        if (!reply) {
          promise.deliver(reply.error());
          return;
        }
        if (reply->kind == runtime::ReplyKind::rejected && !self->state.model.registered) {
          promise.deliver(failure(service::ErrorCode::invalid_argument, reply->rejection->detail,
                                  std::string(to_string(reply->rejection->code))));
          return;
        }
        if (reply->kind != runtime::ReplyKind::accepted || absorbed == AbsorbedHistory::none) {
          return after_checks(self, services, memory, std::move(turn), std::move(promise), true);
        }
        if (absorbed == AbsorbedHistory::fresh) {
          // Neither side has a conversation yet: no timeline to ask for the newest one.
          return route_to_current(self, services, memory, std::move(turn), std::move(promise));
        }
        memory.forget_current();  // the absorbed customer's conversation may be the newest
        continue_delivery(self, services, memory, std::move(turn), std::move(promise));
      },
      turn.message_id);
}

// A new account's first message with its login. Its channel identity's customer becomes the
// absorbed side first — registered already merged when it does not exist, merged when it does
// — so that the account's registration carries the survivor's side: one write less to wait
// for than registering and then merging. When that side cannot be written (merged elsewhere,
// registered meanwhile, unreachable) the registration goes plain, and the join after it
// decides as for any registered customer.
void absorb_then_register(CustomerActor* self, const services::EntityServices& services,
                          DeliveryMemory& memory, InboundTurn turn, Promise promise,
                          RegisterCustomer registration) {
  const auto absorbed_id = anonymous_customer_id(turn.channel, turn.channel_user_id);
  const MergeCustomers merge{self->state.key.id, absorbed_id, MergeReason::verified_identity,
                             turn.at};
  auto register_now = [self, &services, &memory, turn, promise, registration,
                       merge](AbsorbedHistory absorbed) mutable {
    if (absorbed != AbsorbedHistory::none) registration.absorbs = merge;
    register_with(self, services, memory, std::move(turn), std::move(promise),
                  std::move(registration), absorbed);
  };
  auto absorbed_side = [self, absorbed_id, register_now](Command command,
                                                         AbsorbedHistory history) mutable {
    ask_customer(self, absorbed_id, runtime::make_command<Decider>(std::move(command)))
        .await(
            [register_now, history](CustomerReply& reply) mutable {
              register_now(reply.ok() ? history : AbsorbedHistory::none);
            },
            [register_now](caf::error&) mutable { register_now(AbsorbedHistory::none); });
  };
  ask_customer(self, absorbed_id, caf::make_message(runtime::get_atom::value))
      .await(
          [self, &services, turn, merge, absorbed_id, register_now,
           absorbed_side](CustomerView& other) mutable {
            if (!other.state.registered) {
              auto other_registration =
                  first_contact(absorbed_id, turn, false, *services.tier_rules.get());
              other_registration.merged = merge;
              absorbed_side(std::move(other_registration), AbsorbedHistory::fresh);
            } else if (other.state.merged_into) {
              const bool ours = other.state.merged_into->customer_id == self->state.key.id;
              register_now(ours ? AbsorbedHistory::earlier : AbsorbedHistory::none);
            } else {
              absorbed_side(merge, AbsorbedHistory::earlier);
            }
          },
          [register_now](caf::error&) mutable { register_now(AbsorbedHistory::none); });
}

void register_then_deliver(CustomerActor* self, const services::EntityServices& services,
                           DeliveryMemory& memory, InboundTurn turn, Promise promise,
                           const TierRules& rules) {
  auto registration = first_contact(self->state.key.id, turn, turn.verified_account, rules);
  const auto kind = identity_kind_of(turn.channel);
  if (turn.verified_account && normalize_identity(kind, turn.channel_user_id)) {
    return absorb_then_register(self, services, memory, std::move(turn), std::move(promise),
                                std::move(registration));
  }
  register_with(self, services, memory, std::move(turn), std::move(promise),
                std::move(registration), AbsorbedHistory::none);
}

}  // namespace

caf::result<TurnOutcome> deliver_turn(CustomerActor* self, const services::EntityServices& services,
                                      DeliveryMemory& memory, InboundTurn turn) {
  auto promise = self->make_response_promise<TurnOutcome>();
  const auto& model = self->state.model;
  if (model.registered && model.merged_into) {
    forward_to_survivor(self, services, std::move(turn), promise);
    return promise;
  }
  auto rules = services.tier_rules.get();
  const bool rules_changed = rules != memory.rules_seen;
  memory.rules_seen = rules;
  if (!model.registered) {
    register_then_deliver(self, services, memory, std::move(turn), promise, *rules);
  } else if (!rules_changed) {
    after_checks(self, services, memory, std::move(turn), promise, false);
  } else {
    // A refused evaluation changes nothing; the message goes on anyway.
    run_on_self(
        self, EvaluateTier{*rules, turn.at}, turn.at, {},
        [self, &services, &memory, turn, promise](caf::expected<CustomerReply> reply) mutable {
          if (!reply) {
            promise.deliver(reply.error());
            return;
          }
          after_checks(self, services, memory, std::move(turn), std::move(promise), false);
        },
        turn.message_id);
  }
  return promise;
}

}  // namespace sb::customer
