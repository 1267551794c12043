#include "runtime/service/ticket_views.hpp"

#include "actors/ticket/customer_status.hpp"
#include "actors/ticket/sla_clock.hpp"

namespace sb::service {
namespace {

ServiceError invalid(std::string message) { return {ErrorCode::invalid_argument, std::move(message), {}}; }

void add_line(std::vector<std::string>& out, const ticket::State& state, ticket::SlaClockKind kind) {
  const auto& clock = state.clocks[ticket::index_of(kind)];
  if (clock.phase == ticket::ClockPhase::idle) return;
  std::string line = std::string(ticket::to_string(kind)) + ": target " +
                     std::to_string(std::chrono::duration_cast<std::chrono::minutes>(clock.target).count()) +
                     " min";
  if (clock.breached) {
    line += ", breached";
  } else if (clock.warned) {
    line += ", warned";
  }
  if (clock.phase == ticket::ClockPhase::paused) line += ", paused";
  if (clock.phase == ticket::ClockPhase::stopped) line += ", stopped";
  out.push_back(std::move(line));
}

}  // namespace

TicketView ticket_view(const ticket::State& state) {
  TicketView view;
  view.ticket_id = state.ticket_id;
  view.status = std::string(ticket::to_string(state.status));
  view.priority = std::string(ticket::to_string(state.priority));
  view.assignee = state.assignee;
  view.subject = state.subject;
  auto put = [&view](const char* name, const std::optional<ticket::FieldValue>& value) {
    if (value) view.fields[name] = value->value;
  };
  put("category", state.fields.category);
  put("order_number", state.fields.order_number);
  put("phone", state.fields.phone);
  put("email", state.fields.email);
  put("product", state.fields.product);
  for (const auto& note : state.notes) view.notes.push_back(note.author_id + ": " + note.text);
  const auto status = ticket::customer_status_text(state);
  view.customer_status_text = status.en + " / " + status.zh;
  for (auto kind : ticket::kSlaClockKinds) add_line(view.sla, state, kind);
  view.escalation_level = state.escalation_level;
  return view;
}

Expected<ticket::Priority, ServiceError> parse_priority(const std::string& name) {
  for (auto p : {ticket::Priority::low, ticket::Priority::normal, ticket::Priority::high, ticket::Priority::urgent}) {
    if (ticket::to_string(p) == name) return p;
  }
  return unexpected(invalid("a priority is low, normal, high or urgent, not '" + name + "'"));
}

Expected<ticket::Fields, ServiceError> agent_fields(const std::map<std::string, std::string>& given) {
  ticket::Fields fields;
  for (const auto& [name, value] : given) {
    ticket::FieldValue field{value, ticket::FieldSource::agent};
    if (name == "category") {
      fields.category = field;
    } else if (name == "order_number") {
      fields.order_number = field;
    } else if (name == "phone") {
      fields.phone = field;
    } else if (name == "email") {
      fields.email = field;
    } else if (name == "product") {
      fields.product = field;
    } else {
      return unexpected(invalid("unknown ticket field '" + name +
                                "' (category, order_number, phone, email, product)"));
    }
  }
  return fields;
}

Expected<std::vector<ticket::Command>, ServiceError> commands_for(
    const TicketUpdate& update, const std::string& agent_id, const ticket::SlaPolicyTable& policies,
    Timestamp at) {
  std::vector<ticket::Command> commands;
  if (!update.fields.empty()) {
    auto fields = agent_fields(update.fields);
    if (!fields) return unexpected(fields.error());
    commands.push_back(ticket::UpdateFields{*fields, agent_id, at});
  }
  if (update.priority) {
    auto priority = parse_priority(*update.priority);
    if (!priority) return unexpected(priority.error());
    commands.push_back(ticket::ChangePriority{*priority, agent_id, policies, at});
  }
  if (update.assignee) commands.push_back(ticket::AssignTicket{*update.assignee, agent_id, at});
  if (update.note) commands.push_back(ticket::AddNote{agent_id, *update.note, at});
  if (update.status) {
    const auto& status = *update.status;
    if (status == "open") {
      commands.push_back(ticket::ResumeTicket{agent_id, at});
    } else if (status == "pending_customer") {
      commands.push_back(ticket::MarkPendingCustomer{agent_id, at});
    } else if (status == "resolved") {
      commands.push_back(ticket::ResolveTicket{agent_id, {}, at});
    } else if (status == "closed") {
      commands.push_back(ticket::CloseTicket{agent_id, at});
    } else if (status == "reopen") {
      commands.push_back(ticket::ReopenTicket{agent_id, {}, at});
    } else {
      return unexpected(invalid("a ticket status is open, pending_customer, resolved, closed or reopen, not '" + status + "'"));
    }
  }
  if (commands.empty()) return unexpected(invalid("the update changes nothing"));
  return commands;
}

}  // namespace sb::service
