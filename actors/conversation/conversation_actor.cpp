#include "actors/conversation/conversation_actor.hpp"

#include "actors/conversation/conversation_bot.hpp"
#include "actors/conversation/conversation_effects.hpp"
#include "actors/conversation/conversation_follow_up.hpp"
#include "actors/conversation/conversation_queries.hpp"
#include "actors/services/service_messages.hpp"
#include "runtime/entity/entity_registry.hpp"

namespace sb::conversation {
namespace {

using services::InboundTurn;
using services::TurnOutcome;
using Reply = runtime::CommandReply<Decider>;

TurnOutcome outcome_of(const std::string& conversation_id, const Reply& reply) {
  TurnOutcome out;
  out.conversation_id = conversation_id;
  out.duplicate = reply.kind == runtime::ReplyKind::duplicate;
  for (const auto& event : reply.events) {
    if (const auto* bot = std::get_if<BotReplied>(&event)) out.bot_reply = bot->text;
    if (std::holds_alternative<HandoffRequested>(event)) out.handed_off = true;
    if (const auto* queued = std::get_if<Queued>(&event)) out.queue_position = queued->position;
  }
  return out;
}

TurnOutcome rejected_outcome(const std::string& conversation_id, const Rejected<Rejection>& r) {
  TurnOutcome out;
  out.conversation_id = conversation_id;
  if (r.code == Rejection::outside_reopen_window || r.code == Rejection::wrong_customer) {
    out.needs_new_conversation = true;
    return out;
  }
  const bool bad_input = r.code == Rejection::invalid_field || r.code == Rejection::invalid_utf8 ||
                         r.code == Rejection::text_too_long;
  out.error = service::ServiceError{
      bad_input ? service::ErrorCode::invalid_argument : service::ErrorCode::rejected, r.detail,
      std::string(to_string(r.code))};
  return out;
}

// The customer's message with the bot's answer to it (none after a handoff, or for a retry),
// decided and persisted; the promise gets the outcome.
void receive(ConversationActor* self, const services::EntityServices& services,
             const InboundTurn& turn, const std::string& command_id, std::optional<BotOutcome> bot,
             caf::typed_response_promise<TurnOutcome> promise) {
  auto& st = self->state;
  ReceiveMessage command{turn.message_id, turn.customer_id, turn.channel, turn.text,
                         turn.at,         std::move(bot),   services.conversation.reopen_window};
  runtime::CommandEnvelope<Command> envelope{std::move(command), command_id, turn.message_id,
                                             st.key.id, to_unix_ms(turn.at)};
  const auto id = st.key.id;
  runtime::execute<Decider, Codec>(self, envelope, [promise, id](caf::expected<Reply> reply) mutable {
    if (!reply) {
      promise.deliver(reply.error());
    } else if (reply->kind == runtime::ReplyKind::rejected) {
      promise.deliver(rejected_outcome(id, *reply->rejection));
    } else {
      promise.deliver(outcome_of(id, *reply));
    }
  });
}

caf::result<TurnOutcome> handle_inbound(ConversationActor* self,
                                        const services::EntityServices& services,
                                        Volatile& memory, InboundTurn& turn) {
  auto& st = self->state;
  memory.tier = turn.tier;
  const std::string command_id = "msg:" + turn.message_id;
  auto promise = self->make_response_promise<TurnOutcome>();
  // A retry is answered from the log: don't ask the bot again.
  if (st.recent.find(command_id) || !bot_has_turn(st.model, turn.at, services.conversation.reopen_window)) {
    receive(self, services, turn, command_id, std::nullopt, promise);
    return promise;
  }
  auto bot = services.bot->get();  // the same knowledge base for both halves of a lookup
  auto asked = bot->respond(
      bot::TurnInput{turn.text, turn.tier, turn.channel, to_dialogue_state(st.model.bot_context)});
  if (asked.action != bot::TurnAction::lookup || !asked.query) {
    receive(self, services, turn, command_id, to_bot_outcome(asked), promise);
    return promise;
  }
  // Awaited: the customer's next message waits behind this one, so answers stay in order.
  auto finish = [self, &services, turn, command_id, promise, bot, asked](bot::BackendResult result) {
    receive(self, services, turn, command_id, complete_consultation(*bot, asked, std::move(result)), promise);
  };
  self->request(services.backends, services::kLookupWait, services::lookup_atom::value, *asked.query)
      .await([finish](bot::BackendResult& result) { finish(std::move(result)); },
             [finish](caf::error& error) {
               finish(unexpected(bot::BackendError{bot::BackendErrorCode::unavailable, runtime::describe(error)}));
             });
  return promise;
}

std::optional<Timestamp> deadline_of(const State& state, const services::ConversationPolicy& policy) {
  return next_deadline(state, policy.auto_close_after, policy.queue_abandon_after, policy.bot_resolve_after);
}

void arm_timer(ConversationActor* self, const services::EntityServices& services, Volatile& memory) {
  const auto deadline = deadline_of(self->state.model, services.conversation);
  if (!deadline || deadline == memory.armed) return;
  const auto now = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  const auto delay = std::max(Duration(0), *deadline - now);
  // A far deadline (the bot's 30 min resolution) is left to the wake-up index until it is near.
  if (runtime::arm_entity_timer(self->state.context, delay, self->state.key,
                                caf::make_message(services::timer_atom::value)))
    memory.armed = deadline;
}

}  // namespace

caf::actor spawn_conversation(caf::actor_system& system, const runtime::EntityKey& key,
                              runtime::EntityContext context,
                              std::shared_ptr<const services::EntityServices> services) {
  return system.spawn([key, context, services](ConversationActor* self) {
    auto memory = std::make_shared<Volatile>();
    self->state.after_persist = [self, services, memory](const State& before,
                                                         const std::vector<Event>& events) {
      perform_effects(self, *services, *memory, before, events);
      arm_timer(self, *services, *memory);
    };
    self->state.after_recover = [self, services, memory] {
      record_on_customer(self, self->state.model);
      record_last_agent(self, self->state.model);
      open_follow_up(self, *services, *memory);  // one requested before a crash, if any
      arm_timer(self, *services, *memory);
    };
    self->state.on_wake = [self, services, memory] { arm_timer(self, *services, *memory); };
    self->state.wake_at = [services](const State& state) { return deadline_of(state, services->conversation); };
    return runtime::entity_behavior<Decider, Codec>(
        self, key, context,
        [self, services, memory](services::inbound_atom, InboundTurn& turn) {
          return handle_inbound(self, *services, *memory, turn);
        },
        [self, services, memory](services::timer_atom) {
          memory->armed.reset();
          const auto now = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
          const auto& policy = services->conversation;
          runtime::CommandEnvelope<Command> envelope{
              CheckTimers{policy.auto_close_after, now, policy.queue_abandon_after, policy.bot_resolve_after},
              {}, {}, self->state.key.id, to_unix_ms(now)};
          runtime::execute<Decider, Codec>(self, envelope, [](caf::expected<Reply>) {});
        });
  });
}

}  // namespace sb::conversation
