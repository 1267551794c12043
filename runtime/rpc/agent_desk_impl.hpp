#pragma once
// The AgentDesk capability, bound to one agent id (the token's): no method takes an agent id, so
// an agent cannot act for another.

#include <string>

#include "runtime/rpc/connection_state.hpp"
#include "schemas/api.capnp.h"

namespace sb::rpc {

class AgentDeskImpl final : public schema::api::AgentDesk::Server {
 public:
  AgentDeskImpl(kj::Own<ConnectionState> state, std::string agent_id);

 protected:
  kj::Promise<void> login(LoginContext context) override;
  kj::Promise<void> setPresence(SetPresenceContext context) override;
  kj::Promise<void> accept(AcceptContext context) override;
  kj::Promise<void> decline(DeclineContext context) override;
  kj::Promise<void> reply(ReplyContext context) override;
  kj::Promise<void> transfer(TransferContext context) override;
  kj::Promise<void> resolve(ResolveContext context) override;
  kj::Promise<void> conversation(ConversationContext context) override;
  kj::Promise<void> createTicket(CreateTicketContext context) override;
  kj::Promise<void> updateTicket(UpdateTicketContext context) override;
  kj::Promise<void> ticket(TicketContext context) override;
  kj::Promise<void> customerTimeline(CustomerTimelineContext context) override;
  kj::Promise<void> suggestedReplies(SuggestedRepliesContext context) override;
  kj::Promise<void> logout(LogoutContext context) override;
  kj::Promise<void> mergeCustomers(MergeCustomersContext context) override;
  kj::Promise<void> searchCustomerHistory(SearchCustomerHistoryContext context) override;
  kj::Promise<void> unmergeCustomers(UnmergeCustomersContext context) override;

 private:
  service::ServiceApi& service() { return state_->server().service; }

  // The methods that take one conversation id and answer with T.
  template <class T, class Context, class Call>
  kj::Promise<void> on_conversation(Context context, Call&& call);
  // The methods that take a survivor and an absorbed customer id.
  template <class Context, class Call>
  kj::Promise<void> on_customer_pair(Context context, Call&& call);

  kj::Own<ConnectionState> state_;
  std::string agent_id_;
};

}  // namespace sb::rpc
