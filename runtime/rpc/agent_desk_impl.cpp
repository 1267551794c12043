#include "runtime/rpc/agent_desk_impl.hpp"

#include <utility>

#include "actors/common/text.hpp"
#include "runtime/rpc/call_helpers.hpp"
#include "runtime/rpc/register_sink.hpp"
#include "runtime/rpc/sink_adapters.hpp"
#include "runtime/rpc/subscription_impl.hpp"

namespace sb::rpc {

using service::Callback;
using service::Done;

AgentDeskImpl::AgentDeskImpl(kj::Own<ConnectionState> state, std::string agent_id)
    : state_(kj::mv(state)), agent_id_(std::move(agent_id)) {}

template <class T, class Context, class Call>
kj::Promise<void> AgentDeskImpl::on_conversation(Context context, Call&& call) {
  auto slot = state_->admit();
  auto conversation_id = to_string(context.getParams().getConversationId());
  if (auto error = check_id("the conversation id", conversation_id)) return refuse(context, *error);
  return answer<T>(context, kj::mv(slot),
                   [&](Callback<T> done) { call(std::move(conversation_id), std::move(done)); });
}

kj::Promise<void> AgentDeskImpl::login(LoginContext context) {
  auto slot = state_->admit();
  auto& server = state_->server();
  auto sink = register_sink(*state_, server.agent_sinks, context.getParams().getSink());
  if (!sink) return refuse(context, sink.error());
  // The service keeps the adapter until the agent logs out or in again. Once this registration
  // is released (the client dropped `session` or its connection) the adapter's forwarder is
  // closed, and the service is told the desk is gone, so no offer waits on a dead desk.
  auto adapter = std::make_shared<AgentSinkAdapter>(sink->forwarder);
  sink->registration->on_release([&server, agent_id = agent_id_, adapter] {
    // A stopping server keeps the agents as they are: the node is going down too.
    if (!server.stopping) server.service.agent_desk_lost(agent_id, adapter);
  });
  const auto id = sink->id;
  auto session = kj::heap<SubscriptionImpl>(kj::addRef(*state_), id);
  auto pending = call_service<service::AgentView>([&](Callback<service::AgentView> done) {
    service().agent_login(agent_id_, std::move(adapter), std::move(done));
  });
  return pending.ready
      .then([context, outcome = pending.slot, session = kj::mv(session)]() mutable {
        auto results = context.getResults();
        write_outcome(results.initResult(), **outcome);
        // A failed login keeps no sink: dropping `session` releases it.
        if (**outcome) results.setSession(kj::mv(session));
      })
      .attach(kj::mv(slot));
}

kj::Promise<void> AgentDeskImpl::logout(LogoutContext context) {
  auto slot = state_->admit();
  return answer<service::AgentView>(context, kj::mv(slot), [&](Callback<service::AgentView> done) {
    service().agent_logout(agent_id_, std::move(done));
  });
}

kj::Promise<void> AgentDeskImpl::setPresence(SetPresenceContext context) {
  auto slot = state_->admit();
  const auto presence = from_wire(context.getParams().getPresence());
  if (!presence) return refuse(context, invalid_argument("presence is online, away or offline"));
  return answer<service::AgentView>(context, kj::mv(slot), [&](Callback<service::AgentView> done) {
    service().set_presence(agent_id_, *presence, std::move(done));
  });
}

kj::Promise<void> AgentDeskImpl::accept(AcceptContext context) {
  return on_conversation<service::ConversationView>(
      context, [this](std::string id, Callback<service::ConversationView> done) {
        service().accept_offer(agent_id_, std::move(id), std::move(done));
      });
}

kj::Promise<void> AgentDeskImpl::decline(DeclineContext context) {
  return on_conversation<Done>(context, [this](std::string id, Callback<Done> done) {
    service().decline_offer(agent_id_, std::move(id), std::move(done));
  });
}

kj::Promise<void> AgentDeskImpl::reply(ReplyContext context) {
  auto slot = state_->admit();
  auto params = context.getParams();
  auto conversation_id = to_string(params.getConversationId());
  auto text = to_string(params.getText());
  if (auto error =
          first_error({check_id("the conversation id", conversation_id),
                       text.empty() ? invalid_argument("the reply text is empty") : MaybeError{},
                       check_text_field("the reply text", text, service::kTextBytesMax)})) {
    return refuse(context, *error);
  }
  return answer<Done>(context, kj::mv(slot), [&](Callback<Done> done) {
    service().agent_reply(agent_id_, std::move(conversation_id), std::move(text), std::move(done));
  });
}

kj::Promise<void> AgentDeskImpl::transfer(TransferContext context) {
  auto slot = state_->admit();
  auto params = context.getParams();
  auto conversation_id = to_string(params.getConversationId());
  auto target = to_string(params.getTarget());
  auto note = to_string(params.getNote());
  if (auto error = first_error({check_id("the conversation id", conversation_id),
                                check_id("the transfer target", target),
                                check_text_field("the note", note, kNoteBytesMax)})) {
    return refuse(context, *error);
  }
  return answer<Done>(context, kj::mv(slot), [&](Callback<Done> done) {
    service().transfer(agent_id_, std::move(conversation_id), std::move(target), std::move(note),
                       std::move(done));
  });
}

kj::Promise<void> AgentDeskImpl::resolve(ResolveContext context) {
  return on_conversation<Done>(context, [this](std::string id, Callback<Done> done) {
    service().resolve(agent_id_, std::move(id), std::move(done));
  });
}

kj::Promise<void> AgentDeskImpl::conversation(ConversationContext context) {
  return on_conversation<service::ConversationView>(
      context, [this](std::string id, Callback<service::ConversationView> done) {
        service().conversation(std::move(id), std::move(done));
      });
}

kj::Promise<void> AgentDeskImpl::suggestedReplies(SuggestedRepliesContext context) {
  return on_conversation<std::vector<service::SuggestedReply>>(
      context, [this](std::string id, Callback<std::vector<service::SuggestedReply>> done) {
        service().suggested_replies(std::move(id), std::move(done));
      });
}

kj::Promise<void> AgentDeskImpl::createTicket(CreateTicketContext context) {
  auto slot = state_->admit();
  auto spec = from_wire(context.getParams().getSpec());
  if (auto error = check_ticket_spec(spec)) return refuse(context, *error);
  return answer<service::TicketView>(
      context, kj::mv(slot), [&](Callback<service::TicketView> done) {
        service().create_ticket(agent_id_, std::move(spec), std::move(done));
      });
}

kj::Promise<void> AgentDeskImpl::updateTicket(UpdateTicketContext context) {
  auto slot = state_->admit();
  auto update = from_wire(context.getParams().getUpdate());
  if (auto error = check_ticket_update(update)) return refuse(context, *error);
  return answer<service::TicketView>(
      context, kj::mv(slot), [&](Callback<service::TicketView> done) {
        service().update_ticket(agent_id_, std::move(update), std::move(done));
      });
}

kj::Promise<void> AgentDeskImpl::ticket(TicketContext context) {
  auto slot = state_->admit();
  auto ticket_id = to_string(context.getParams().getTicketId());
  if (auto error = check_id("the ticket id", ticket_id)) return refuse(context, *error);
  return answer<service::TicketView>(context, kj::mv(slot),
                                     [&](Callback<service::TicketView> done) {
                                       service().ticket(std::move(ticket_id), std::move(done));
                                     });
}

kj::Promise<void> AgentDeskImpl::customerTimeline(CustomerTimelineContext context) {
  auto slot = state_->admit();
  auto customer_id = to_string(context.getParams().getCustomerId());
  if (auto error = check_id("the customer id", customer_id)) return refuse(context, *error);
  return answer<std::vector<service::TimelineEntry>>(
      context, kj::mv(slot), [&](Callback<std::vector<service::TimelineEntry>> done) {
        service().customer_timeline(std::move(customer_id), std::move(done));
      });
}

// The two customers of a merge or unmerge, checked; the call goes on with them.
template <class Context, class Call>
kj::Promise<void> AgentDeskImpl::on_customer_pair(Context context, Call&& call) {
  auto slot = state_->admit();
  auto survivor_id = to_string(context.getParams().getSurvivorId());
  auto absorbed_id = to_string(context.getParams().getAbsorbedId());
  if (auto error = first_error({check_id("the survivor customer id", survivor_id),
                                check_id("the absorbed customer id", absorbed_id)})) {
    return refuse(context, *error);
  }
  return call(context, kj::mv(slot), std::move(survivor_id), std::move(absorbed_id));
}

kj::Promise<void> AgentDeskImpl::mergeCustomers(MergeCustomersContext context) {
  return on_customer_pair(context, [this](auto context, CallSlot slot, std::string survivor_id,
                                          std::string absorbed_id) {
    return answer<std::vector<service::TimelineEntry>>(
        context, kj::mv(slot), [&](Callback<std::vector<service::TimelineEntry>> done) {
          service().merge_customers(agent_id_, std::move(survivor_id), std::move(absorbed_id),
                                    std::move(done));
        });
  });
}

kj::Promise<void> AgentDeskImpl::unmergeCustomers(UnmergeCustomersContext context) {
  return on_customer_pair(context, [this](auto context, CallSlot slot, std::string survivor_id,
                                          std::string absorbed_id) {
    return answer<service::Done>(context, kj::mv(slot), [&](Callback<service::Done> done) {
      service().unmerge_customers(agent_id_, std::move(survivor_id), std::move(absorbed_id),
                                  std::move(done));
    });
  });
}

kj::Promise<void> AgentDeskImpl::searchCustomerHistory(SearchCustomerHistoryContext context) {
  auto slot = state_->admit();
  auto customer_id = to_string(context.getParams().getCustomerId());
  auto query = to_string(context.getParams().getQuery());
  if (auto error = first_error(
          {check_id("the customer id", customer_id),
           query.empty() ? MaybeError(invalid_argument("the search text is empty")) : std::nullopt,
           check_text_field("the search text", query, service::kSearchQueryBytesMax)})) {
    return refuse(context, *error);
  }
  return answer<std::vector<service::HistoryMatch>>(
      context, kj::mv(slot), [&](Callback<std::vector<service::HistoryMatch>> done) {
        service().search_customer_history(std::move(customer_id), std::move(query),
                                          std::move(done));
      });
}

}  // namespace sb::rpc
