#include "actors/conversation/conversation_follow_up.hpp"

#include <algorithm>

#include "actors/customer/customer_codec.hpp"
#include "actors/customer/customer_decider.hpp"
#include "actors/services/service_messages.hpp"
#include "actors/services/tell_entity.hpp"
#include "actors/ticket/ticket_codec.hpp"
#include "actors/ticket/ticket_decider.hpp"

namespace sb::conversation {
namespace {

std::optional<ticket::FieldValue> extracted(const std::map<std::string, std::string>& slots,
                                            const std::string& name) {
  auto it = slots.find(name);
  if (it == slots.end() || it->second.empty()) return std::nullopt;
  return ticket::FieldValue{it->second, ticket::FieldSource::extracted};
}

std::string last_customer_text(const State& state) {
  auto it = std::find_if(state.messages.rbegin(), state.messages.rend(),
                         [](const Message& m) { return m.author == Author::customer; });
  return it == state.messages.rend() ? std::string() : it->text;
}

ticket::TicketSource source_of(FollowUpReason reason) {
  return reason == FollowUpReason::out_of_hours ? ticket::TicketSource::out_of_hours
                                                : ticket::TicketSource::unresolved_conversation;
}

std::string customer_notice(FollowUpReason reason, const std::string& ticket_id) {
  if (reason == FollowUpReason::out_of_hours) {
    return "我们的客服现在不在线，已为您创建工单 " + ticket_id + "，上班后会第一时间跟进。" +
           " / Our team is offline right now. We've opened ticket " + ticket_id +
           " and will follow up as soon as we're back.";
  }
  return "已为您创建工单 " + ticket_id + "，客服会尽快跟进。 / We've opened ticket " + ticket_id +
         " so that an agent follows up on your question.";
}

void tell_customer(ConversationActor* self, const services::EntityServices& services,
                   const State& state, FollowUpReason reason, const std::string& ticket_id,
                   Timestamp at) {
  service::OutboundMessage out;
  out.kind = service::OutboundKind::system;
  out.conversation_id = self->state.key.id;
  out.customer_id = state.customer_id;
  out.channel = state.channel;
  out.message_id = ticket_id + "/opened";
  out.text = customer_notice(reason, ticket_id);
  out.at = at;
  self->send(services.sinks, services::push_atom::value, std::move(out));
}

}  // namespace

ticket::Fields ticket_fields_from(const State& state) {
  ticket::Fields fields;
  if (!state.intent.empty())
    fields.category = ticket::FieldValue{state.intent, ticket::FieldSource::extracted};
  fields.order_number = extracted(state.slots, "order_no");
  fields.phone = extracted(state.slots, "phone");
  fields.email = extracted(state.slots, "email");
  fields.product = extracted(state.slots, "product");
  return fields;
}

ticket::Priority ticket_priority_for(const bot::Bot& bot, const std::string& intent) {
  const auto* entry = bot.knowledge_base().find(intent);
  if (entry == nullptr) return ticket::Priority::normal;
  return static_cast<ticket::Priority>(static_cast<std::uint8_t>(entry->priority));
}

std::string follow_up_ticket_id(const std::string& conversation_id, std::uint32_t ordinal) {
  return "tk-" + conversation_id + "-f" + std::to_string(ordinal);
}

ticket::CreateTicket follow_up_ticket(const std::string& conversation_id, const State& state,
                                      Tier tier, const bot::Bot& bot,
                                      const ticket::SlaPolicyTable& policies) {
  SB_ASSERT(state.follow_up.has_value());
  const auto& request = *state.follow_up;
  ticket::CreateTicket create;
  create.ticket_id = follow_up_ticket_id(conversation_id, request.ordinal);
  create.customer_id = state.customer_id;
  create.conversation_id = conversation_id;
  create.channel = state.channel;
  create.tier = state.queue ? state.queue->tier : tier;
  create.priority = ticket_priority_for(bot, state.intent);
  create.source = source_of(request.reason);
  create.created_by = "system";
  create.subject = "Follow-up (" + std::string(to_string(request.reason)) +
                   "): " + (state.intent.empty() ? std::string("customer question") : state.intent);
  create.description = last_customer_text(state);
  create.fields = ticket_fields_from(state);
  create.sla_policies = policies;
  create.at = request.at;
  return create;
}

bool out_of_hours(const services::ConversationPolicy& policy, Timestamp at) {
  if (!policy.support_hours) return false;
  return ticket::business_time_between(*policy.support_hours, at, at + std::chrono::minutes(1)) ==
         Duration::zero();
}

void open_follow_up(ConversationActor* self, const services::EntityServices& services,
                    const Volatile& memory) {
  const State& state = self->state.model;
  if (!state.follow_up) return;
  const auto request = *state.follow_up;
  auto create = follow_up_ticket(self->state.key.id, state, memory.tier, *services.bot->get(),
                                 *services.sla_policies.get());
  const auto ticket_id = create.ticket_id;
  const customer::RecordTicket record{ticket_id, create.channel, create.at};
  const runtime::EntityKey ticket_key{EntityKind::ticket, ticket_id};
  auto registry = self->state.context.registry;
  const auto* services_ptr = &services;
  self->request(registry, std::chrono::seconds(30), runtime::route_atom::value, ticket_key,
                runtime::make_command<ticket::Decider>(std::move(create), "follow-up:" + ticket_id))
      .then(
          [self, services_ptr, registry, request, ticket_id,
           record](runtime::CommandReply<ticket::Decider>& reply) {
            const bool exists =
                reply.kind != runtime::ReplyKind::rejected ||
                (reply.rejection && reply.rejection->code == ticket::Rejection::already_created);
            if (!exists) {
              spdlog::error("{}: follow-up ticket {} refused: {}",
                            runtime::to_string(self->state.key), ticket_id,
                            reply.rejection ? reply.rejection->detail : std::string("?"));
              return;
            }
            const State& now = self->state.model;
            services::tell_entity<customer::Decider>(
                self, registry, {EntityKind::customer, now.customer_id}, record);
            tell_customer(self, *services_ptr, now, request.reason, ticket_id, request.at);
            services::tell_entity<Decider>(self, registry, self->state.key,
                                           ConfirmFollowUp{request.ordinal, ticket_id, request.at});
          },
          [self, ticket_id](caf::error& error) {
            // The request stays pending: the next recovery of this conversation retries it.
            spdlog::warn("{}: follow-up ticket {} not opened yet: {}",
                         runtime::to_string(self->state.key), ticket_id, runtime::describe(error));
          });
}

}  // namespace sb::conversation
