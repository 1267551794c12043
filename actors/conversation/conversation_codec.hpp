#pragma once
// Conversation events and state <-> Cap'n Proto bytes (schemas/conversation.capnp).

#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "actors/conversation/conversation_model.hpp"

namespace sb::conversation {

struct Codec {
  static std::string encode_event(const Event& event);
  // A precise error for garbage, torn bytes, unknown union members and unknown enum values.
  static Expected<Event, std::string> decode_event(std::string_view bytes);
  static std::string encode_state(const State& state);
  static Expected<State, std::string> decode_state(std::string_view bytes);
};

}  // namespace sb::conversation
