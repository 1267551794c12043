#pragma once
// Ticket events and snapshot state to and from Cap'n Proto bytes (schemas/ticket.capnp).

#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "actors/ticket/ticket_model.hpp"

namespace sb::ticket {

struct Codec {
  // capnp::messageToFlatArray bytes.
  static std::string encode_event(const Event& event);
  // A precise error for garbage, truncated input, unknown union members and enum values;
  // never throws.
  static Expected<Event, std::string> decode_event(std::string_view bytes);
  static std::string encode_state(const State& state);  // for snapshots
  static Expected<State, std::string> decode_state(std::string_view bytes);
};

}  // namespace sb::ticket
