#pragma once
// Customer events and state <-> Cap'n Proto bytes (schemas/customer.capnp).

#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "actors/customer/customer_model.hpp"

namespace sb::customer {

struct Codec {
  static std::string encode_event(const Event& event);
  // A precise error for garbage, torn bytes, unknown union members and unknown enum values.
  static Expected<Event, std::string> decode_event(std::string_view bytes);
  static std::string encode_state(const State& state);
  static Expected<State, std::string> decode_state(std::string_view bytes);
};

}  // namespace sb::customer
