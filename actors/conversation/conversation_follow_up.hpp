#pragma once
// Follow-up tickets of a conversation: the ticket a conversation asks for when no person can
// answer it now (the customer left the queue, or the handoff came out of hours), with the fields
// the conversation already knows, and the effect that opens it.
//
// Crash safety: FollowUpRequested is durable before the ticket is opened; the ticket id is derived
// from the conversation id and the request's ordinal, so a retry after a crash (the actor retries
// after every recovery while the request is unconfirmed) reaches the same ticket, and
// ConfirmFollowUp records it once.

#include <string>

#include "actors/conversation/conversation_effects.hpp"
#include "actors/ticket/ticket_model.hpp"
#include "runtime/bot/bot.hpp"

namespace sb::conversation {

// The fields the conversation already knows: category from the bot's intent, order number,
// phone, email and product from the filled slots. Marked as extracted.
ticket::Fields ticket_fields_from(const State& state);
// The knowledge base's priority for an intent (normal when unknown).
ticket::Priority ticket_priority_for(const bot::Bot& bot, const std::string& intent);

std::string follow_up_ticket_id(const std::string& conversation_id, std::uint32_t ordinal);

// The CreateTicket for the pending follow-up. REQUIRES: state.follow_up.
ticket::CreateTicket follow_up_ticket(const std::string& conversation_id, const State& state,
                                      Tier tier, const bot::Bot& bot,
                                      const ticket::SlaPolicyTable& policies);

// True when `at` falls outside the configured support hours.
bool out_of_hours(const services::ConversationPolicy& policy, Timestamp at);

// Opens the pending follow-up ticket, puts it on the customer's timeline, tells the customer,
// and confirms it on this conversation. Does nothing without a pending request.
void open_follow_up(ConversationActor* self, const services::EntityServices& services,
                    const Volatile& memory);

}  // namespace sb::conversation
