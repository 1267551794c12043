#pragma once
// What every call answers with: the value, or a ServiceError (domain errors as data; overloaded,
// unavailable and internal from RPC exceptions on the client side).

#include "actors/common/expected.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::rpc {

template <class T>
using Outcome = Expected<T, service::ServiceError>;

}  // namespace sb::rpc
