#pragma once
// The Customer entity actor. Besides its own commands it serializes the customer's inbound
// messages (see customer_delivery.hpp), runs merges as the survivor, and answers the timeline
// an agent sees.
//
// Protocol, besides the host's (command, get):
//   (deliver, InboundTurn) -> TurnOutcome                      customer_delivery.hpp
//   (merge, absorbed_id, uint8 MergeReason, at_ms) -> CommandReply   customer_merging.hpp
//   (unmerge, absorbed_id, at_ms) -> CommandReply                    (sent to the survivor)
//   (timeline, uint8 redirects, bool own_part) -> CustomerTimeline   customer_timeline_query.hpp

#include <memory>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "actors/services/entity_services.hpp"
#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/entity_key.hpp"

namespace sb::customer {

caf::actor spawn_customer(caf::actor_system& system, const runtime::EntityKey& key,
                          runtime::EntityContext context,
                          std::shared_ptr<const services::EntityServices> services);

}  // namespace sb::customer
