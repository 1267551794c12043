#pragma once
// What an agent desk's sink receives, as one value so it can be queued and sent in order.

#include <string>
#include <variant>

#include "runtime/service/service_api.hpp"

namespace sb::rpc {

struct OfferWithdrawn {
  std::string conversation_id;
};
struct CustomerMessage {
  std::string conversation_id;
  service::TranscriptLine line;
};
struct Notice {
  std::string text;
};

using AgentEvent = std::variant<service::AgentOffer, OfferWithdrawn, CustomerMessage, Notice>;

}  // namespace sb::rpc
