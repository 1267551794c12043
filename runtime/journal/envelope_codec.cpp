#include "runtime/journal/envelope_codec.hpp"

#include "actors/codec/capnp_bytes.hpp"
#include "schemas/envelope.capnp.h"

namespace sb::runtime {
namespace {

using codec::as_data;
using codec::data;
using codec::text;
using codec::to_bytes;

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
  return codec::read_message<schema::EventEnvelope>(
      bytes, "event envelope",
      [](schema::EventEnvelope::Reader env) -> Expected<DecodedEvent, std::string> {
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
      });
}

Expected<EventRecord, std::string> decode_stored_event(std::string_view bytes, const EntityKey& key,
                                                       std::uint64_t version) {
  auto decoded = decode_event_envelope(bytes);
  if (!decoded) return unexpected(to_string(key) + ": " + decoded.error());
  if (decoded->key != key || decoded->event.version != version) {
    return unexpected(to_string(key) + ": an event envelope does not match its key");
  }
  return std::move(decoded->event);
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
  return codec::read_message<schema::SnapshotEnvelope>(
      bytes, "snapshot envelope",
      [&expected_key](
          schema::SnapshotEnvelope::Reader env) -> Expected<SnapshotRecord, std::string> {
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
      });
}

}  // namespace sb::runtime
