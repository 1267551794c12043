#include "actors/customer/customer_actor.hpp"

#include "actors/customer/customer_codec.hpp"
#include "actors/customer/customer_decider.hpp"
#include "actors/services/service_messages.hpp"
#include "runtime/entity/entity_host.hpp"

namespace sb::customer {
namespace {

using CustomerActor = runtime::EntityActor<Decider, Codec>;
using services::InboundTurn;
using services::TurnOutcome;
using Reply = runtime::CommandReply<Decider>;

constexpr auto kConversationTimeout = std::chrono::seconds(30);

struct Volatile {
  std::string current_conversation;  // the conversation the last message went to
  std::uint64_t started = 0;         // conversations started by this instance
  // The tier rules this instance last evaluated the tier with; others (an administrator changed
  // them, or this instance is new) are applied before the next message goes on.
  std::shared_ptr<const TierRules> rules_seen;
};

IdentityKind identity_kind_of(Channel channel) {
  switch (channel) {
    case Channel::web: return IdentityKind::web_visitor;
    case Channel::app: return IdentityKind::app_user;
    case Channel::wechat: return IdentityKind::wechat_openid;
    case Channel::phone: return IdentityKind::phone;
    case Channel::email: return IdentityKind::email;
    case Channel::sms: return IdentityKind::phone;
    case Channel::social: return IdentityKind::social_handle;
  }
  return IdentityKind::web_visitor;
}

std::string last_conversation(const State& state) {
  for (auto it = state.timeline.rbegin(); it != state.timeline.rend(); ++it) {
    if (it->kind == TimelineKind::conversation) return it->id;
  }
  return {};
}

std::string next_conversation_id(const CustomerActor* self, Volatile& memory) {
  const auto n = self->state.model.conversations_total + memory.started + 1;
  ++memory.started;
  return self->state.key.id + "/c" + std::to_string(n);
}

void route_to_conversation(CustomerActor* self, Volatile& memory, InboundTurn turn,
                           std::string conversation_id, caf::typed_response_promise<TurnOutcome> promise) {
  const runtime::EntityKey key{EntityKind::conversation, conversation_id};
  auto message = caf::make_message(services::inbound_atom::value, turn);
  self->request(self->state.context.registry, kConversationTimeout, runtime::route_atom::value, key,
                std::move(message))
      .await(
          [self, &memory, turn, promise](TurnOutcome& outcome) mutable {
            if (outcome.needs_new_conversation && !turn.force_new) {
              turn.force_new = true;
              route_to_conversation(self, memory, turn, next_conversation_id(self, memory), promise);
              return;
            }
            if (!outcome.error) memory.current_conversation = outcome.conversation_id;
            promise.deliver(std::move(outcome));
          },
          [promise](caf::error& error) mutable { promise.deliver(std::move(error)); });
}

void continue_delivery(CustomerActor* self, Volatile& memory, InboundTurn turn,
                       caf::typed_response_promise<TurnOutcome> promise) {
  std::string conversation_id = memory.current_conversation;
  if (conversation_id.empty()) conversation_id = last_conversation(self->state.model);
  if (conversation_id.empty()) conversation_id = next_conversation_id(self, memory);
  turn.tier = self->state.model.tier;
  route_to_conversation(self, memory, std::move(turn), std::move(conversation_id), std::move(promise));
}

caf::result<TurnOutcome> handle_deliver(CustomerActor* self, const services::EntityServices& services,
                                        Volatile& memory, InboundTurn& turn) {
  auto promise = self->make_response_promise<TurnOutcome>();
  auto rules = services.tier_rules.get();
  if (self->state.model.registered && rules == memory.rules_seen) {
    continue_delivery(self, memory, std::move(turn), promise);
    return promise;
  }
  memory.rules_seen = rules;
  if (self->state.model.registered) {
    // A refused evaluation (e.g. a merged customer) changes nothing; the message goes on anyway.
    runtime::CommandEnvelope<Command> evaluate{EvaluateTier{*rules, turn.at}, {}, turn.message_id,
                                               self->state.key.id, to_unix_ms(turn.at)};
    runtime::execute<Decider, Codec>(self, evaluate, [self, &memory, turn, promise](caf::expected<Reply> reply) mutable {
      if (!reply) {
        promise.deliver(reply.error());
        return;
      }
      continue_delivery(self, memory, std::move(turn), promise);
    });
    return promise;
  }
  Identity identity{identity_kind_of(turn.channel), turn.channel_user_id, false, turn.at};
  Profile profile;
  profile.account_created_at = turn.at;  // first seen now: a new customer until the rules say more
  runtime::CommandEnvelope<Command> envelope{
      RegisterCustomer{self->state.key.id, identity, profile, *rules, turn.at},
      "register", turn.message_id, self->state.key.id, to_unix_ms(turn.at)};
  runtime::execute<Decider, Codec>(
      self, envelope, [self, &memory, turn, promise](caf::expected<Reply> reply) mutable {
        if (!reply) {
          promise.deliver(reply.error());
          return;
        }
        if (reply->kind == runtime::ReplyKind::rejected && !self->state.model.registered) {
          TurnOutcome out;
          out.error = service::ServiceError{service::ErrorCode::invalid_argument,
                                            reply->rejection->detail,
                                            std::string(to_string(reply->rejection->code))};
          promise.deliver(std::move(out));
          return;
        }
        continue_delivery(self, memory, std::move(turn), promise);
      });
  return promise;
}

}  // namespace

caf::actor spawn_customer(caf::actor_system& system, const runtime::EntityKey& key,
                          runtime::EntityContext context,
                          std::shared_ptr<const services::EntityServices> services) {
  return system.spawn([key, context, services](CustomerActor* self) {
    auto memory = std::make_shared<Volatile>();
    return runtime::entity_behavior<Decider, Codec>(
        self, key, context, [self, services, memory](services::deliver_atom, InboundTurn& turn) {
          return handle_deliver(self, *services, *memory, turn);
        });
  });
}

}  // namespace sb::customer
