#pragma once
// A customer's inbound message on its way to a conversation: registers the customer on first
// contact, keeps the tier current, joins the channel identity when the channel verified the
// account (merging in the history that identity had on its own, in the same write as the
// registration or the identity's link where it can), forwards the message to the survivor when
// this customer was merged into another, and picks the open conversation (the same one across
// channels, or the absorbed customer's open one) or starts the next (customer_routing.hpp).

#include <memory>
#include <optional>
#include <string>

#include "actors/customer/customer_host.hpp"
#include "actors/services/entity_services.hpp"
#include "actors/services/service_messages.hpp"

namespace sb::customer {

// What this instance remembers between messages (rebuilt from the timeline after a restart).
struct DeliveryMemory {
  std::string current_conversation;  // the conversation the last message went to
  std::string current_owner;         // its customer, when it is an absorbed customer's
  std::uint64_t started = 0;         // conversations started by this instance
  // The tier rules this instance last evaluated the tier with; others (an administrator changed
  // them, or this instance is new) are applied before the next message goes on.
  std::shared_ptr<const TierRules> rules_seen;

  // After a merge or an unmerge: the next message finds the newest conversation of the history
  // as it is now (after a login, the visitor's may be newer than any of ours).
  void forget_current() {
    current_conversation.clear();
    current_owner.clear();
  }
};

caf::result<services::TurnOutcome> deliver_turn(CustomerActor* self,
                                                const services::EntityServices& services,
                                                DeliveryMemory& memory, services::InboundTurn turn);

}  // namespace sb::customer
