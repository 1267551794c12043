#pragma once
// The integrator's business systems (orders, logistics, refunds, tickets) as the bot sees them.
// The bot never calls a backend itself: a lookup Turn carries a BackendQuery, the Conversation
// actor performs it asynchronously (perform_lookup) and hands the answer to Bot::complete_lookup.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "runtime/bot/answer_template.hpp"
#include "runtime/bot/knowledge_base.hpp"
#include "runtime/bot/language.hpp"

namespace sb::bot {

struct BackendQuery {
  BackendAction action = BackendAction::order_status;
  std::string key;  // what is looked up: the order number, or the ticket id for ticket_status
  std::map<std::string, std::string> slots;  // every filled slot by name, for richer backends
  Language language = Language::zh;          // of the texts in the answer

  bool operator==(const BackendQuery&) const = default;
};

// The backend fields of the action (knowledge_base.hpp backend_fields), as text in the query's
// language, ready for the answer template.
struct BackendAnswer {
  TemplateValues fields;
  bool operator==(const BackendAnswer&) const = default;
};

enum class BackendErrorCode : std::uint8_t {
  not_found = 1,    // no such order/ticket: the customer may have mistyped it
  unavailable = 2,  // the system could not be asked: a person takes over
};

struct BackendError {
  BackendErrorCode code = BackendErrorCode::unavailable;
  std::string detail;  // for logs, never shown to the customer
  bool operator==(const BackendError&) const = default;
};

using BackendResult = Expected<BackendAnswer, BackendError>;

// Implementations must be safe to call from several threads at once.
class BusinessBackend {
 public:
  virtual ~BusinessBackend() = default;
  // Fields: status, status_text, eta, items.
  virtual BackendResult order_status(std::string_view order_no, Language language) const = 0;
  // Fields: carrier, tracking_no, last_scan, eta.
  virtual BackendResult logistics(std::string_view order_no, Language language) const = 0;
  // Fields: refund_status, refund_amount, refund_eta.
  virtual BackendResult refund_status(std::string_view order_no, Language language) const = 0;
  // Fields: ticket_status.
  virtual BackendResult ticket_status(std::string_view ticket_id, Language language) const = 0;
};

// Calls the method that `query.action` names.
BackendResult perform_lookup(const BusinessBackend& backend, const BackendQuery& query);

}  // namespace sb::bot
