#include "actors/customer/customer_delivery.hpp"

#include <functional>

#include <spdlog/spdlog.h>

#include "actors/customer/customer_identity.hpp"
#include "actors/customer/customer_merging.hpp"
#include "actors/customer/customer_routing.hpp"

namespace sb::customer {
namespace {

using services::InboundTurn;
using services::TurnOutcome;
using Promise = TurnPromise;

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

// What the customer absorbed along with this customer's own write brings with it.
enum class AbsorbedHistory : std::uint8_t {
  none,     // nothing absorbed: that side could not be written
  fresh,    // registered just now, already merged: no conversation of its own
  earlier,  // a customer with its own history (a visitor who logs in)
};

// The merge of the turn's channel identity's customer into this one, for a verified login.
MergeCustomers identity_merge(const CustomerActor* self, const InboundTurn& turn) {
  return MergeCustomers{self->state.key.id,
                        anonymous_customer_id(turn.channel, turn.channel_user_id),
                        MergeReason::verified_identity, turn.at};
}

// The registration of the turn's channel identity's customer, already merged into this one.
RegisterCustomer merged_identity_registration(const CustomerActor* self,
                                              const services::EntityServices& services,
                                              const InboundTurn& turn) {
  auto merge = identity_merge(self, turn);
  auto registration = first_contact(merge.absorbed_id, turn, false, *services.tier_rules.get());
  registration.merged = std::move(merge);
  return registration;
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
                      auto registration = merged_identity_registration(self, services, turn);
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

// The identity's customer exists already: it is merged in unless it is merged elsewhere.
void absorb_existing(CustomerActor* self, const MergeCustomers& merge,
                     std::function<void(AbsorbedHistory)> then) {
  ask_customer(self, merge.absorbed_id, caf::make_message(runtime::get_atom::value))
      .await(
          [self, merge, then](CustomerView& other) {
            if (other.state.merged_into) {
              const bool ours = other.state.merged_into->customer_id == self->state.key.id;
              return then(ours ? AbsorbedHistory::earlier : AbsorbedHistory::none);
            }
            ask_customer(self, merge.absorbed_id, runtime::make_command<Decider>(merge))
                .await(
                    [then](CustomerReply& reply) {
                      then(reply.ok() ? AbsorbedHistory::earlier : AbsorbedHistory::none);
                    },
                    [then](caf::error&) { then(AbsorbedHistory::none); });
          },
          [then](caf::error&) { then(AbsorbedHistory::none); });
}

// The turn's channel identity's customer becomes the absorbed side of its merge into this one —
// registered already merged when it does not exist (tried first: most identities are new),
// merged when it does — so that this customer's own write (its registration, or the identity's
// link) can carry the survivor's side: one write less to wait for than writing it and then
// merging. `then` learns what was absorbed: `none` when that side could not be written (merged
// elsewhere, unreachable), and the caller goes the two-write way.
void absorb_identity_customer(CustomerActor* self, const services::EntityServices& services,
                              const InboundTurn& turn, std::function<void(AbsorbedHistory)> then) {
  const auto merge = identity_merge(self, turn);
  ask_customer(self, merge.absorbed_id,
               runtime::make_command<Decider>(merged_identity_registration(self, services, turn)))
      .await(
          [self, merge, then](CustomerReply& reply) {
            if (reply.ok()) return then(AbsorbedHistory::fresh);
            if (reply.rejection && reply.rejection->code == Rejection::already_registered) {
              return absorb_existing(self, merge, then);
            }
            then(AbsorbedHistory::none);
          },
          [then](caf::error&) { then(AbsorbedHistory::none); });
}

// Links the identity, then merges its customer in: two writes of this customer.
void link_then_merge(CustomerActor* self, const services::EntityServices& services,
                     DeliveryMemory& memory, InboundTurn turn, Promise promise, LinkIdentity link) {
  link.absorbs.reset();
  run_on_self(
      self, std::move(link), turn.at, {},
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

// A registered customer's login on a channel whose identity is new here: the identity's customer
// is absorbed first, and the link carries the survivor's side of that merge.
void link_identity(CustomerActor* self, const services::EntityServices& services,
                   DeliveryMemory& memory, InboundTurn turn, Promise promise, LinkIdentity link) {
  auto merge = identity_merge(self, turn);
  // As merge_into_self: a merge this customer would refuse (absorbed already, or it absorbs the
  // most it may) must not be started on the other side.
  if (!Decider::decide(self->state.model, merge).accepted()) {
    return link_then_merge(self, services, memory, std::move(turn), std::move(promise),
                           std::move(link));
  }
  absorb_identity_customer(
      self, services, turn,
      [self, &services, &memory, turn, promise, link,
       merge = std::move(merge)](AbsorbedHistory absorbed) mutable {
        if (absorbed == AbsorbedHistory::none) {
          return link_then_merge(self, services, memory, turn, promise, link);
        }
        link.absorbs = merge;
        run_on_self(
            self, link, turn.at, {},
            [self, &services, &memory, turn, promise, link,
             absorbed](caf::expected<CustomerReply> reply) mutable {
              if (!reply) {
                promise.deliver(reply.error());
                return;
              }
              if (!reply->ok()) return link_then_merge(self, services, memory, turn, promise, link);
              if (absorbed == AbsorbedHistory::earlier) memory.forget_current();
              continue_delivery(self, services, memory, turn, promise);
            },
            turn.message_id);
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
  LinkIdentity link{kind, *value, is_verifiable(kind), turn.at};
  link_identity(self, services, memory, std::move(turn), std::move(promise), std::move(link));
}

void after_checks(CustomerActor* self, const services::EntityServices& services,
                  DeliveryMemory& memory, InboundTurn turn, Promise promise, bool just_registered) {
  if (turn.verified_account) {
    return join_identity(self, services, memory, std::move(turn), std::move(promise),
                         just_registered);
  }
  continue_delivery(self, services, memory, std::move(turn), std::move(promise));
}

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
          promise.deliver(turn_failure(service::ErrorCode::invalid_argument,
                                       reply->rejection->detail,
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

void register_then_deliver(CustomerActor* self, const services::EntityServices& services,
                           DeliveryMemory& memory, InboundTurn turn, Promise promise,
                           const TierRules& rules) {
  auto registration = first_contact(self->state.key.id, turn, turn.verified_account, rules);
  const auto kind = identity_kind_of(turn.channel);
  if (!turn.verified_account || !normalize_identity(kind, turn.channel_user_id)) {
    return register_with(self, services, memory, std::move(turn), std::move(promise),
                         std::move(registration), AbsorbedHistory::none);
  }
  // A new account's first message with its login: its registration carries the merge.
  absorb_identity_customer(self, services, turn,
                           [self, &services, &memory, turn, promise, registration,
                            merge = identity_merge(self, turn)](AbsorbedHistory absorbed) mutable {
                             if (absorbed != AbsorbedHistory::none) registration.absorbs = merge;
                             register_with(self, services, memory, std::move(turn),
                                           std::move(promise), std::move(registration), absorbed);
                           });
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
