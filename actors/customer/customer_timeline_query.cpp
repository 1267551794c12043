#include "actors/customer/customer_timeline_query.hpp"

#include <memory>

#include "actors/customer/customer_views.hpp"

namespace sb::customer {
namespace {

using services::CustomerTimeline;

// The parts of a timeline being gathered; answers once every absorbed customer has replied
// (one that cannot be reached is left out rather than failing the whole read).
struct Gathering {
  caf::typed_response_promise<CustomerTimeline> promise;
  CustomerTimeline answer;
  std::vector<std::vector<TimelineEntry>> parts;
  std::size_t pending = 0;

  void add(std::vector<TimelineEntry> part) {
    parts.push_back(std::move(part));
    if (--pending == 0) finish();
  }
  void finish() {
    answer.entries = merge_timelines(std::move(parts));
    promise.deliver(std::move(answer));
  }
};

}  // namespace

caf::result<CustomerTimeline> answer_timeline(CustomerActor* self, std::uint8_t redirects,
                                              bool own_part) {
  const auto& model = self->state.model;
  CustomerTimeline own{self->state.key.id, model.registered, model.timeline};
  if (!model.registered) return own;
  const bool deep_enough = redirects >= services::kCustomerRedirectsMax;
  if (model.merged_into && !own_part && !deep_enough) {
    auto promise = self->make_response_promise<CustomerTimeline>();
    ask_customer(self, model.merged_into->customer_id,
                 caf::make_message(services::timeline_atom::value,
                                   static_cast<std::uint8_t>(redirects + 1), false))
        .then([promise](CustomerTimeline& answer) mutable { promise.deliver(std::move(answer)); },
              [promise](caf::error& error) mutable { promise.deliver(std::move(error)); });
    return promise;
  }
  if (model.absorbed.empty() || deep_enough) return own;
  auto gathering = std::make_shared<Gathering>();
  gathering->promise = self->make_response_promise<CustomerTimeline>();
  gathering->answer = CustomerTimeline{own.customer_id, true, {}};
  gathering->parts.push_back(std::move(own.entries));
  gathering->pending = model.absorbed.size();
  for (const auto& link : model.absorbed) {
    ask_customer(self, link.customer_id,
                 caf::make_message(services::timeline_atom::value,
                                   static_cast<std::uint8_t>(redirects + 1), true))
        .then([gathering](CustomerTimeline& part) { gathering->add(std::move(part.entries)); },
              [gathering](caf::error&) { gathering->add({}); });
  }
  return gathering->promise;
}

}  // namespace sb::customer
