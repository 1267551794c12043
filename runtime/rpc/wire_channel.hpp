#pragma once
// Channel values between the service's structs and the wire (both directions: the server reads
// what the client library writes and the other way round).

#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {

void to_wire(api::InboundMessage::Builder out, const service::InboundMessage& in);
// The channel is left as web: the caller resolves it against the capability's binding.
service::InboundMessage from_wire(api::InboundMessage::Reader in);

void to_wire(api::OutboundMessage::Builder out, const service::OutboundMessage& in);
service::OutboundMessage from_wire(api::OutboundMessage::Reader in);

void to_wire(api::DeliverResult::Builder out, const service::DeliverResult& in);
service::DeliverResult from_wire(api::DeliverResult::Reader in);

}  // namespace sb::rpc
