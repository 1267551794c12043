#pragma once
// Tickets at the service edge: the view an agent sees, the fields a new ticket takes from its
// conversation, and an update turned into the Ticket's commands.

#include <vector>

#include "actors/conversation/conversation_model.hpp"
#include "actors/ticket/ticket_model.hpp"
#include "runtime/bot/bot.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::service {

TicketView ticket_view(const ticket::State& state);

Expected<ticket::Priority, ServiceError> parse_priority(const std::string& name);
// Fields given by an agent ("order_number", "phone", "email", "product", "category").
Expected<ticket::Fields, ServiceError> agent_fields(const std::map<std::string, std::string>& fields);

// The Ticket commands an update asks for, in order (fields, priority, assignee, note, status).
Expected<std::vector<ticket::Command>, ServiceError> commands_for(
    const TicketUpdate& update, const std::string& agent_id, const ticket::SlaPolicyTable& policies,
    Timestamp at);

}  // namespace sb::service
