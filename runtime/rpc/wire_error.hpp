#pragma once
// Service errors on the wire. Domain outcomes (invalid_argument, not_found, rejected,
// permission_denied) travel as the `error` of a Result union; infrastructure failures become RPC
// exceptions whose type tells the client what to do: OVERLOADED (retry later), DISCONNECTED
// (unavailable: outcome unknown, retry with the same ids), FAILED (a bug).

#include <kj/exception.h>

#include "runtime/rpc/outcome.hpp"
#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {

// True for the codes that are answered as data rather than as an exception.
bool is_domain_error(service::ErrorCode code);

void to_wire(api::Error::Builder out, const service::ServiceError& error);
service::ServiceError from_wire(api::Error::Reader error);

kj::Exception to_exception(const service::ServiceError& error);
// The client side: an RPC exception as a ServiceError (overloaded, unavailable or internal).
service::ServiceError from_exception(const kj::Exception& exception);

// Writes `outcome` into a Result(T) builder: the value through `write(ok_builder, value)`, a
// domain error as data; any other error is thrown as an RPC exception.
template <class ResultBuilder, class T, class Write>
void write_outcome(ResultBuilder out, const Outcome<T>& outcome, Write&& write) {
  if (outcome) {
    write(out.initOk(), *outcome);
  } else if (is_domain_error(outcome.error().code)) {
    to_wire(out.initError(), outcome.error());
  } else {
    kj::throwFatalException(to_exception(outcome.error()));
  }
}

// Writes a domain error found at the edge (before the service was asked).
template <class ResultBuilder>
void write_error(ResultBuilder out, const service::ServiceError& error) {
  to_wire(out.initError(), error);
}

// Reads a Result(T) reader on the client side.
template <class T, class ResultReader, class Read>
Outcome<T> read_outcome(ResultReader in, Read&& read) {
  if (in.isOk()) return read(in.getOk());
  return unexpected(from_wire(in.getError()));
}

}  // namespace sb::rpc
