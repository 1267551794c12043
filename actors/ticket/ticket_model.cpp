#include "actors/ticket/ticket_model.hpp"

namespace sb::ticket {

std::string_view to_string(Rejection rejection) {
  switch (rejection) {
    case Rejection::not_created:
      return "not_created";
    case Rejection::already_created:
      return "already_created";
    case Rejection::ticket_closed:
      return "ticket_closed";
    case Rejection::invalid_transition:
      return "invalid_transition";
    case Rejection::invalid_text:
      return "invalid_text";
    case Rejection::invalid_id:
      return "invalid_id";
    case Rejection::invalid_field:
      return "invalid_field";
    case Rejection::invalid_assignee:
      return "invalid_assignee";
    case Rejection::invalid_value:
      return "invalid_value";
    case Rejection::invalid_time:
      return "invalid_time";
    case Rejection::too_many_notes:
      return "too_many_notes";
    case Rejection::no_sla_policy:
      return "no_sla_policy";
    case Rejection::invalid_sla_policy:
      return "invalid_sla_policy";
    case Rejection::no_first_response:
      return "no_first_response";
  }
  return "unknown";
}

std::string_view to_string(Status status) {
  switch (status) {
    case Status::none:
      return "none";
    case Status::new_ticket:
      return "new";
    case Status::open:
      return "open";
    case Status::pending_customer:
      return "pending_customer";
    case Status::resolved:
      return "resolved";
    case Status::closed:
      return "closed";
  }
  return "unknown";
}

std::string_view to_string(TicketSource source) {
  switch (source) {
    case TicketSource::agent:
      return "agent";
    case TicketSource::bot:
      return "bot";
    case TicketSource::unresolved_conversation:
      return "unresolved_conversation";
    case TicketSource::out_of_hours:
      return "out_of_hours";
  }
  return "unknown";
}

std::string_view to_string(FieldSource source) {
  switch (source) {
    case FieldSource::extracted:
      return "extracted";
    case FieldSource::agent:
      return "agent";
    case FieldSource::customer:
      return "customer";
  }
  return "unknown";
}

}  // namespace sb::ticket
