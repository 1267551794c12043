#pragma once
// Configuration events and state <-> Cap'n Proto bytes (schemas/configuration.capnp).

#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "actors/configuration/configuration_model.hpp"

namespace sb::configuration {

struct Codec {
  static std::string encode_event(const Event& event);
  static Expected<Event, std::string> decode_event(std::string_view bytes);
  static std::string encode_state(const State& state);
  static Expected<State, std::string> decode_state(std::string_view bytes);
};

}  // namespace sb::configuration
