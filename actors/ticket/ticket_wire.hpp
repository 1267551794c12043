#pragma once
// Shared pieces of the ticket codec: domain values to and from their capnp builders and readers.
// Only ticket_codec*.cpp include this (it pulls in the generated schema header).

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <capnp/blob.h>
#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/array.h>
#include <kj/exception.h>

#include "actors/common/expected.hpp"
#include "actors/ticket/ticket_model.hpp"
#include "schemas/ticket.capnp.h"

namespace sb::ticket::wire {

namespace schema = ::sb::schema::ticket;

// Thrown by the readers and caught at the decode_* boundary of Codec, so the field-by-field
// readers stay linear; it never leaves the codec.
struct DecodeError {
  std::string message;
};
[[noreturn]] void fail(std::string message);

std::string read_text(capnp::Text::Reader text);

Status read_status(std::uint8_t raw);
Channel read_channel(std::uint8_t raw);
Tier read_tier(std::uint8_t raw);
Priority read_priority(std::uint8_t raw);
TicketSource read_source(std::uint8_t raw);
SlaClockKind read_clock_kind(std::uint8_t raw);
ClockPhase read_clock_phase(std::uint8_t raw);

void write_fields(schema::Fields::Builder builder, const Fields& fields);
Fields read_fields(schema::Fields::Reader reader);

void write_policy(schema::SlaPolicy::Builder builder, const SlaPolicy& policy);
SlaPolicy read_policy(schema::SlaPolicy::Reader reader);

void write_durations(capnp::List<std::int64_t>::Builder builder, const ClockDurations& durations);
ClockDurations read_durations(capnp::List<std::int64_t>::Reader reader);

template <class E>
std::uint8_t raw(E value) {
  return static_cast<std::uint8_t>(value);
}

// Copies into aligned words first: the bytes may come from RocksDB at any alignment.
template <class Root, class T, class Read>
Expected<T, std::string> decode(std::string_view bytes, std::string_view what, Read read) {
  if (bytes.empty() || bytes.size() % sizeof(capnp::word) != 0) {
    return unexpected("a ticket " + std::string(what) + " of " + std::to_string(bytes.size()) +
                      " bytes is not a whole number of 8-byte words");
  }
  auto words = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
  std::memcpy(words.begin(), bytes.data(), bytes.size());
  try {
    capnp::FlatArrayMessageReader reader(words.asPtr());
    return read(reader.getRoot<Root>());
  } catch (const DecodeError& e) {
    return unexpected("invalid ticket " + std::string(what) + ": " + e.message);
  } catch (const kj::Exception& e) {
    return unexpected("malformed ticket " + std::string(what) + ": " +
                      std::string(e.getDescription().cStr()));
  }
}

template <class Root, class Write>
std::string encode(Write write) {
  capnp::MallocMessageBuilder message;
  write(message.initRoot<Root>());
  const kj::Array<capnp::word> words = capnp::messageToFlatArray(message);
  const auto bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

}  // namespace sb::ticket::wire
