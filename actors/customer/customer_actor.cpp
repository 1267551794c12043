#include "actors/customer/customer_actor.hpp"

#include "actors/customer/customer_delivery.hpp"
#include "actors/customer/customer_merging.hpp"
#include "actors/customer/customer_timeline_query.hpp"

namespace sb::customer {
namespace {

// A merge or unmerge saga's answer: the reply of its last write (or the refusal).
void deliver_reply(caf::typed_response_promise<CustomerReply>& promise,
                   caf::expected<CustomerReply> reply) {
  if (reply) {
    promise.deliver(std::move(*reply));
  } else {
    promise.deliver(std::move(reply.error()));
  }
}

}  // namespace

caf::actor spawn_customer(caf::actor_system& system, const runtime::EntityKey& key,
                          runtime::EntityContext context,
                          std::shared_ptr<const services::EntityServices> services) {
  return system.spawn([key, context, services](CustomerActor* self) {
    auto memory = std::make_shared<DeliveryMemory>();
    return runtime::entity_behavior<Decider, Codec>(
        self, key, context,
        [self, services, memory](services::deliver_atom, services::InboundTurn& turn) {
          return deliver_turn(self, *services, *memory, std::move(turn));
        },
        [self, memory](services::merge_atom, std::string& absorbed_id, std::uint8_t reason,
                       std::int64_t at_ms) -> caf::result<CustomerReply> {
          auto promise = self->make_response_promise<CustomerReply>();
          merge_into_self(self, absorbed_id, static_cast<MergeReason>(reason), from_unix_ms(at_ms),
                          [memory, promise](caf::expected<CustomerReply> reply) mutable {
                            if (reply && reply->ok()) memory->forget_current();
                            deliver_reply(promise, std::move(reply));
                          });
          return promise;
        },
        [self, memory](services::unmerge_atom, std::string& absorbed_id,
                       std::int64_t at_ms) -> caf::result<CustomerReply> {
          auto promise = self->make_response_promise<CustomerReply>();
          unmerge_from_self(self, absorbed_id, from_unix_ms(at_ms),
                            [memory, promise](caf::expected<CustomerReply> reply) mutable {
                              // The absorbed customer's conversation may be the current one: its
                              // own again.
                              if (reply && reply->ok()) memory->forget_current();
                              deliver_reply(promise, std::move(reply));
                            });
          return promise;
        },
        [self](services::timeline_atom, std::uint8_t redirects, bool own_part) {
          return answer_timeline(self, redirects, own_part);
        });
  });
}

}  // namespace sb::customer
