#include "runtime/rpc/business_backend_server.hpp"

#include "runtime/rpc/wire_backend.hpp"

namespace sb::rpc {

kj::Promise<void> BusinessBackendServer::lookup(LookupContext context) {
  auto answer = context.getResults().initAnswer();
  auto query = from_wire(context.getParams().getQuery());
  if (!query) {
    answer.setUnavailable(to_text("this backend cannot read the query: " + query.error()));
  } else {
    to_wire(answer, bot::perform_lookup(*backend_, *query));
  }
  return kj::READY_NOW;
}

}  // namespace sb::rpc
