#pragma once
// Entity state -> the service's views, and the small parsers of service inputs.

#include "actors/agent/agent_model.hpp"
#include "actors/conversation/conversation_model.hpp"
#include "actors/customer/customer_model.hpp"
#include "actors/services/service_messages.hpp"
#include "runtime/bot/bot.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::service {

DeliverResult deliver_result(const services::TurnOutcome& outcome, const std::string& customer_id,
                             const InboundMessage& message);
AgentView agent_view(const std::string& agent_id, const agent::State& state);
agent::Presence to_agent_presence(Presence presence);
ConversationView conversation_view(const std::string& conversation_id, const conversation::State& state);
std::vector<SuggestedReply> suggestions_for(const bot::Bot& bot, const conversation::State& state);
// "agent:<id>" or "skill:<group>".
Expected<conversation::TransferTarget, ServiceError> parse_transfer_target(const std::string& target);

}  // namespace sb::service
