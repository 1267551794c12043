#pragma once
// Every wire converter, and the outcome writer that picks the right one. It lives here because a
// template finds non-ADL overloads only if they were declared before it.

#include "runtime/rpc/wire_admin.hpp"
#include "runtime/rpc/wire_channel.hpp"
#include "runtime/rpc/wire_desk.hpp"
#include "runtime/rpc/wire_error.hpp"
#include "runtime/rpc/wire_report.hpp"

namespace sb::rpc {

template <class ResultBuilder, class T>
void write_outcome(ResultBuilder out, const Outcome<T>& outcome) {
  write_outcome(out, outcome, [](auto builder, const T& value) { to_wire(builder, value); });
}

}  // namespace sb::rpc

namespace sb::rpc {

// Reads a Result(X) whose `ok` has a from_wire overload.
template <class T, class ResultReader>
Outcome<T> read_result(ResultReader in) {
  return read_outcome<T>(in, [](auto ok) -> T { return from_wire(ok); });
}

}  // namespace sb::rpc
