#pragma once
// Input checks at the edge, before anything reaches the service: the same named limits the
// service enforces, so bad input costs no actor work and gets a precise message.

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "runtime/service/service_api.hpp"

namespace sb::rpc {

using MaybeError = std::optional<service::ServiceError>;

service::ServiceError invalid_argument(std::string message);

// A required id: non-empty, at most kIdBytesMax, valid UTF-8.
MaybeError check_id(std::string_view what, std::string_view id);
// An optional id: empty is fine, otherwise as check_id.
MaybeError check_optional_id(std::string_view what, std::string_view id);
// Free text: at most `bytes_max`, valid UTF-8.
MaybeError check_text_field(std::string_view what, std::string_view text, std::size_t bytes_max);

MaybeError check_inbound(const service::InboundMessage& message);
MaybeError check_batch_size(std::size_t messages);
MaybeError check_ticket_spec(const service::TicketSpec& spec);
MaybeError check_ticket_update(const service::TicketUpdate& update);
MaybeError check_agent_spec(const service::AgentSpec& spec);

// The first error of several checks, in order.
inline MaybeError first_error(std::initializer_list<MaybeError> checks) {
  for (const auto& check : checks) {
    if (check) return check;
  }
  return std::nullopt;
}

}  // namespace sb::rpc
