#pragma once
// The Conversation's side effects after its events are durable (conversation_queries.hpp names
// them; this file performs them with messages).

#include <memory>

#include "actors/conversation/conversation_codec.hpp"
#include "actors/conversation/conversation_decider.hpp"
#include "actors/services/entity_services.hpp"
#include "runtime/entity/entity_host.hpp"

namespace sb::conversation {

using ConversationActor = runtime::EntityActor<Decider, Codec>;

// What the actor remembers that is not part of the persisted state.
struct Volatile {
  Tier tier = Tier::regular;  // the customer's tier as of the last message
  std::optional<Timestamp> armed;  // the deadline a timer is already set for
};

void perform_effects(ConversationActor* self, const services::EntityServices& services,
                     const Volatile& memory, const State& before, const std::vector<Event>& events);

// Puts this conversation on its customer's timeline. An effect is fire-and-forget, so a crash
// after the conversation's first append but before the customer's loses it: the actor repeats
// it after every recovery (the customer refuses a repeat as already_recorded, changing nothing).
void record_on_customer(ConversationActor* self, const State& state);

// Tells the customer who serves it now (for sticky routing); repeated after every recovery, like
// record_on_customer (the customer accepts an identical repeat without a new event).
void record_last_agent(ConversationActor* self, const State& state);

// The skill group that handles `intent` (from the knowledge base), "general" when unknown.
std::string skill_for_intent(const services::EntityServices& services, const std::string& intent);

}  // namespace sb::conversation
