#pragma once
// BusinessBackend queries and answers between the service's types (runtime/bot) and the wire.

#include "actors/common/expected.hpp"
#include "runtime/bot/business_backend.hpp"
#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {

void to_wire(api::BackendQuery::Builder out, const bot::BackendQuery& in);
// An action or language this build does not know is an error.
Expected<bot::BackendQuery, std::string> from_wire(api::BackendQuery::Reader in);

void to_wire(api::BackendAnswer::Builder out, const bot::BackendResult& in);
// Fields the action does not name are dropped; an answer this build cannot read is unavailable.
bot::BackendResult from_wire(api::BackendAnswer::Reader in, bot::BackendAction action);

}  // namespace sb::rpc
