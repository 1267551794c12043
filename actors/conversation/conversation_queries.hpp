#pragma once
// Pure questions the actor asks of a conversation's state: whether to consult the bot, whether a
// message reopens it, what the handoff record holds, when the next timer is due, and which effects
// to perform after each durable event.

#include <optional>
#include <string>
#include <vector>

#include "actors/conversation/conversation_model.hpp"

namespace sb::conversation {

// True when a customer message at `at` reopens this resolved or closed conversation: no longer
// than `window` after the resolution (or, when it was closed unresolved, after the close).
bool should_reopen(const State& state, Timestamp at, Duration window);

// True when the actor should consult the bot before sending ReceiveMessage at `at`: the
// conversation is new, with the bot, or would reopen to the bot (it was never handed off).
bool bot_has_turn(const State& state, Timestamp at, Duration reopen_window);

// The kept messages, oldest first (older ones are in the event log).
std::vector<Message> transcript(const State& state);

// What an agent sees when the conversation reaches them.
struct HandoffRecord {
  std::string customer_id;
  Channel channel = Channel::web;
  Initiator initiator = Initiator::bot;
  std::vector<HandoffReason> reasons;
  std::string intent;
  std::map<std::string, std::string> slots;
  std::vector<std::string> tags;
  std::string skill_hint;
  Timestamp requested_at;
  std::vector<Message> transcript;
  std::uint64_t messages_total = 0;  // > transcript.size() when older messages were dropped
  bool operator==(const HandoffRecord&) const = default;
};
// nullopt until the conversation was handed off.
std::optional<HandoffRecord> handoff_record(const State& state);

// What the router needs to place a conversation that waits for a person.
struct RoutingRequest {
  std::optional<TransferTarget> target;  // a transfer's target, when transferred
  std::string skill_hint;                // from the handoff
  std::string intent;
  std::string last_agent_id;  // for stickiness; empty when never assigned
  bool operator==(const RoutingRequest&) const = default;
};
// nullopt unless the conversation is queued.
std::optional<RoutingRequest> routing_request(const State& state);

// When a conversation waiting for a person counts as abandoned: `after` past the last activity
// (the customer writing keeps it alive). nullopt when it is not waiting or after <= 0.
std::optional<Timestamp> queue_abandoned_at(const State& state, Duration after);

// When a conversation the bot handles alone counts as done: `after` past the last activity. Nobody
// says "resolved" to a bot, so without this it would stay open for ever, and the bot would never
// be credited with a resolution. nullopt when a person was asked for, or after <= 0.
std::optional<Timestamp> bot_resolves_at(const State& state, Duration after);

// When the actor's timer should next fire (an offer's expiry; a resolved conversation's
// auto-close when auto_close_after > 0; a waiting conversation's abandonment when
// queue_abandon_after > 0; a bot conversation's resolution when bot_resolve_after > 0), or
// nullopt. The timer sends CheckTimers.
std::optional<Timestamp> next_deadline(const State& state, Duration auto_close_after,
                                       Duration queue_abandon_after = Duration::zero(),
                                       Duration bot_resolve_after = Duration::zero());

// Side effects the actor performs after an event is durable.
enum class Effect : std::uint8_t {
  record_conversation_on_customer = 1,  // Customer.RecordConversation
  record_last_agent_on_customer,        // Customer.RecordLastAgent
  push_to_channel,                      // the reply goes to the customer's channel sink
  switch_outbound_channel,              // later replies go to the new channel's sink
  notify_agent_desk,                    // the assigned/offered agent's desk
  ask_router,                           // (re)queue with routing_request(state)
  withdraw_from_router,                 // stop routing: it was queued or offered
  accept_on_agent,                      // Agent.AcceptConversation
  release_agent,                        // Agent.ReleaseConversation
  prompt_csat,                          // ask the customer for a 1-5 rating
  open_follow_up_ticket,                // open the requested follow-up ticket, then confirm it
};
std::string_view to_string(Effect effect);

// The effects of `event`, given the state just before it.
std::vector<Effect> effects_after(const State& before, const Event& event);

}  // namespace sb::conversation
