#pragma once
// EventRecord / SnapshotRecord <-> the Cap'n Proto envelopes in schemas/envelope.capnp.
// Decoding re-validates what it reads (data from disk is input like any other).

#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "runtime/journal/journal_types.hpp"

namespace sb::runtime {

struct DecodedEvent {
  EntityKey key;
  EventRecord event;
};

std::string encode_event_envelope(const EntityKey& key, const EventRecord& event);
Expected<DecodedEvent, std::string> decode_event_envelope(std::string_view bytes);
// The event stored under (key, version): decoded, and checked to be that entity's that version.
Expected<EventRecord, std::string> decode_stored_event(std::string_view bytes, const EntityKey& key,
                                                       std::uint64_t version);

std::string encode_snapshot_envelope(const EntityKey& key, const SnapshotRecord& snapshot);
Expected<SnapshotRecord, std::string> decode_snapshot_envelope(std::string_view bytes,
                                                               const EntityKey& expected_key);

}  // namespace sb::runtime
