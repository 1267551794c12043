#pragma once
// Quality monitor events and state <-> Cap'n Proto bytes (schemas/quality.capnp).

#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "actors/quality/quality_model.hpp"

namespace sb::quality {

struct Codec {
  static std::string encode_event(const Event& event);
  static Expected<Event, std::string> decode_event(std::string_view bytes);
  static std::string encode_state(const State& state);
  static Expected<State, std::string> decode_state(std::string_view bytes);
};

}  // namespace sb::quality
