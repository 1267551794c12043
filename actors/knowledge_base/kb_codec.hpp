#pragma once
// Knowledge-base events and state <-> Cap'n Proto bytes (schemas/knowledge_base.capnp).

#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "actors/knowledge_base/kb_model.hpp"

namespace sb::knowledge_base {

struct Codec {
  static std::string encode_event(const Event& event);
  static Expected<Event, std::string> decode_event(std::string_view bytes);
  static std::string encode_state(const State& state);
  static Expected<State, std::string> decode_state(std::string_view bytes);
};

}  // namespace sb::knowledge_base
