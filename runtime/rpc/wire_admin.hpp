#pragma once
// Administration values between the service's structs and the wire (both directions).

#include <vector>

#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {

void to_wire(api::AgentSpec::Builder out, const service::AgentSpec& in);
service::AgentSpec from_wire(api::AgentSpec::Reader in);

void to_wire(api::KnowledgeBaseVersion::Builder out, const service::KnowledgeBaseVersion& in);
service::KnowledgeBaseVersion from_wire(api::KnowledgeBaseVersion::Reader in);

void to_wire(api::Queues::Builder out, const std::vector<service::QueueSnapshot>& in);
std::vector<service::QueueSnapshot> from_wire(api::Queues::Reader in);

}  // namespace sb::rpc
