#include "runtime/journal/envelope_codec.hpp"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <cstdint>
#include <cstring>

#include "schemas/envelope.capnp.h"

namespace sb::runtime {
namespace {

std::string to_bytes(capnp::MessageBuilder& message) {
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

// FlatArrayMessageReader needs word-aligned memory; RocksDB values are not aligned.
kj::Array<capnp::word> aligned_copy(std::string_view bytes) {
  auto words = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
  std::memcpy(words.begin(), bytes.data(), words.size() * sizeof(capnp::word));
  return words;
}

std::string text(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }
std::string data(capnp::Data::Reader d) {
  return std::string(reinterpret_cast<const char*>(d.begin()), d.size());
}
capnp::Data::Reader as_data(const std::string& s) {
  return capnp::Data::Reader(reinterpret_cast<const kj::byte*>(s.data()), s.size());
}

}  // namespace

std::string encode_event_envelope(const EntityKey& key, const EventRecord& event) {
  capnp::MallocMessageBuilder message(64 + event.payload.size() / sizeof(capnp::word));
  auto env = message.initRoot<schema::EventEnvelope>();
  env.setEntityKind(static_cast<std::uint8_t>(key.kind));
  env.setEntityId(key.id);
  env.setVersion(event.version);
  env.setTimestampMs(event.timestamp_ms);
  env.setCommandId(event.command_id);
  env.setCausationId(event.causation_id);
  env.setCorrelationId(event.correlation_id);
  env.setPayload(as_data(event.payload));
  return to_bytes(message);
}

Expected<DecodedEvent, std::string> decode_event_envelope(std::string_view bytes) {
  if (bytes.size() % sizeof(capnp::word) != 0 || bytes.empty()) {
    return unexpected(std::string("event envelope has a torn length of ") +
                      std::to_string(bytes.size()) + " bytes");
  }
  try {
    // Read in place when the bytes happen to be word-aligned (copying is most of the cost of a
    // replay); otherwise from an aligned copy.
    kj::Array<capnp::word> copy;
    kj::ArrayPtr<const capnp::word> words;
    if (reinterpret_cast<std::uintptr_t>(bytes.data()) % alignof(capnp::word) == 0) {
      words = kj::arrayPtr(reinterpret_cast<const capnp::word*>(bytes.data()),
                           bytes.size() / sizeof(capnp::word));
    } else {
      copy = aligned_copy(bytes);
      words = copy;
    }
    capnp::FlatArrayMessageReader reader(words);
    auto env = reader.getRoot<schema::EventEnvelope>();
    auto kind = entity_kind_from_byte(env.getEntityKind());
    if (!kind) return unexpected(std::string("event envelope names an unknown entity kind"));
    DecodedEvent out;
    out.key = EntityKey{*kind, text(env.getEntityId())};
    out.event.version = env.getVersion();
    out.event.timestamp_ms = env.getTimestampMs();
    out.event.command_id = text(env.getCommandId());
    out.event.causation_id = text(env.getCausationId());
    out.event.correlation_id = text(env.getCorrelationId());
    out.event.payload = data(env.getPayload());
    return out;
  } catch (const kj::Exception& e) {
    return unexpected(std::string("event envelope does not decode: ") + e.getDescription().cStr());
  }
}

std::string encode_snapshot_envelope(const EntityKey& key, const SnapshotRecord& snapshot) {
  capnp::MallocMessageBuilder message;
  auto env = message.initRoot<schema::SnapshotEnvelope>();
  env.setEntityKind(static_cast<std::uint8_t>(key.kind));
  env.setEntityId(key.id);
  env.setVersion(snapshot.version);
  env.setTimestampMs(snapshot.timestamp_ms);
  env.setState(as_data(snapshot.state));
  auto recent = env.initRecentCommands(static_cast<unsigned>(snapshot.recent_commands.size()));
  for (unsigned i = 0; i < recent.size(); ++i) {
    const auto& command = snapshot.recent_commands[i];
    recent[i].setCommandId(command.command_id);
    recent[i].setFirstVersion(command.first_version);
    recent[i].setLastVersion(command.last_version);
  }
  return to_bytes(message);
}

Expected<SnapshotRecord, std::string> decode_snapshot_envelope(std::string_view bytes,
                                                               const EntityKey& expected_key) {
  if (bytes.size() % sizeof(capnp::word) != 0 || bytes.empty()) {
    return unexpected(std::string("snapshot envelope has a torn length"));
  }
  try {
    auto words = aligned_copy(bytes);
    capnp::FlatArrayMessageReader reader(words);
    auto env = reader.getRoot<schema::SnapshotEnvelope>();
    if (env.getEntityKind() != static_cast<std::uint8_t>(expected_key.kind) ||
        text(env.getEntityId()) != expected_key.id) {
      return unexpected("snapshot belongs to another entity than " + to_string(expected_key));
    }
    SnapshotRecord out;
    out.version = env.getVersion();
    out.timestamp_ms = env.getTimestampMs();
    out.state = data(env.getState());
    for (auto command : env.getRecentCommands()) {
      out.recent_commands.push_back(
          {text(command.getCommandId()), command.getFirstVersion(), command.getLastVersion()});
    }
    return out;
  } catch (const kj::Exception& e) {
    return unexpected(std::string("snapshot envelope does not decode: ") +
                      e.getDescription().cStr());
  }
}

}  // namespace sb::runtime
