#pragma once
// Agent events and state <-> Cap'n Proto bytes (schemas/agent.capnp).

#include <string>
#include <string_view>

#include "actors/agent/agent_model.hpp"
#include "actors/common/expected.hpp"

namespace sb::agent {

struct Codec {
  static std::string encode_event(const Event& event);
  static Expected<Event, std::string> decode_event(std::string_view bytes);
  static std::string encode_state(const State& state);
  static Expected<State, std::string> decode_state(std::string_view bytes);
};

}  // namespace sb::agent
