#include "runtime/bot/business_backend.hpp"

namespace sb::bot {

BackendResult perform_lookup(const BusinessBackend& backend, const BackendQuery& query) {
  switch (query.action) {
    case BackendAction::order_status:
      return backend.order_status(query.key, query.language);
    case BackendAction::logistics:
      return backend.logistics(query.key, query.language);
    case BackendAction::refund_status:
      return backend.refund_status(query.key, query.language);
    case BackendAction::ticket_status:
      return backend.ticket_status(query.key, query.language);
  }
  return unexpected(BackendError{BackendErrorCode::unavailable, "unknown backend action"});
}

}  // namespace sb::bot
