#include "actors/customer/customer_merging.hpp"

namespace sb::customer {
namespace {

bool merged_into(const State& state, const std::string& survivor_id) {
  return state.merged_into && state.merged_into->customer_id == survivor_id;
}

CustomerReply refusal(const CustomerActor* self, Rejection code, std::string detail) {
  return CustomerReply{runtime::ReplyKind::rejected,
                       self->state.version,
                       {},
                       Rejected<Rejection>{code, std::move(detail)}};
}

CustomerReply nothing_to_do(const CustomerActor* self) {
  return CustomerReply{runtime::ReplyKind::accepted, self->state.version, {}, std::nullopt};
}

// Runs `command` on the survivor itself unless `done_already` says its side is written.
void finish_on_self(CustomerActor* self, bool done_already, Command command, Timestamp at,
                    std::function<void(caf::expected<CustomerReply>)> done) {
  if (done_already) return done(nothing_to_do(self));
  run_on_self(self, std::move(command), at, {}, std::move(done));
}

}  // namespace

void merge_into_self(CustomerActor* self, std::string absorbed_id, MergeReason reason, Timestamp at,
                     SagaDone done) {
  const MergeCustomers merge{self->state.key.id, absorbed_id, reason, at};
  if (auto decision = Decider::decide(self->state.model, merge);
      !decision.accepted() && !has_absorbed(self->state.model, absorbed_id)) {
    return done(refusal(self, decision.rejection().code, decision.rejection().detail));
  }
  ask_customer(self, absorbed_id, caf::make_message(runtime::get_atom::value))
      .await(
          [self, merge, done](CustomerView& absorbed) {
            const auto& id = merge.absorbed_id;
            if (!absorbed.state.registered) {
              return done(refusal(self, Rejection::not_registered, "no customer " + id));
            }
            const bool there = merged_into(absorbed.state, merge.survivor_id);
            const bool here = has_absorbed(self->state.model, id);
            if (there && here) {
              return done(
                  refusal(self, Rejection::already_merged,
                          "customer " + id + " is already merged into " + merge.survivor_id));
            }
            if (there) return finish_on_self(self, here, merge, merge.at, done);
            ask_customer(self, id, runtime::make_command<Decider>(merge))
                .await(
                    [self, merge, done](CustomerReply& reply) {
                      if (!reply.ok()) return done(std::move(reply));
                      finish_on_self(self, has_absorbed(self->state.model, merge.absorbed_id),
                                     merge, merge.at, done);
                    },
                    [done](caf::error& error) { done(std::move(error)); });
          },
          [done](caf::error& error) { done(std::move(error)); });
}

void unmerge_from_self(CustomerActor* self, std::string absorbed_id, Timestamp at, SagaDone done) {
  const UnmergeCustomers unmerge{self->state.key.id, absorbed_id, at};
  if (!self->state.model.registered) {
    return done(refusal(self, Rejection::not_registered, "no customer " + self->state.key.id));
  }
  ask_customer(self, absorbed_id, caf::make_message(runtime::get_atom::value))
      .await(
          [self, unmerge, done](CustomerView& absorbed) {
            const bool there = merged_into(absorbed.state, unmerge.survivor_id);
            const bool here = has_absorbed(self->state.model, unmerge.absorbed_id);
            if (!there && !here) {
              return done(refusal(self, Rejection::not_merged,
                                  "customer " + unmerge.absorbed_id + " is not merged into " +
                                      unmerge.survivor_id));
            }
            // The survivor first: from then on its timeline no longer shows the other's history,
            // and the absorbed side (still forwarding to it) is released last.
            finish_on_self(self, !here, unmerge, unmerge.at,
                           [self, unmerge, done, there](caf::expected<CustomerReply> reply) {
                             if (!reply || !reply->ok() || !there) return done(std::move(reply));
                             ask_customer(self, unmerge.absorbed_id,
                                          runtime::make_command<Decider>(unmerge))
                                 .await([done](CustomerReply& other) { done(std::move(other)); },
                                        [done](caf::error& error) { done(std::move(error)); });
                           });
          },
          [done](caf::error& error) { done(std::move(error)); });
}

}  // namespace sb::customer
