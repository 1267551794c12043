#pragma once
// Byte layout of the keys in RocksDB. All numbers are big-endian so that bytewise order is
// numeric order:
//   entity prefix  [vshard:u16][kind:u8][id_len:u16][id]
//   events CF      prefix ‖ [version:u64]          -> EventEnvelope bytes
//   meta CF        prefix                          -> [version:u64]
//   snapshots CF   prefix                          -> SnapshotEnvelope bytes
//   feed CF        [seq:u64]                       -> 0xFF ‖ EventEnvelope bytes (a copy of the
//                                                     event, so the feed reads as one sequential
//                                                     scan; older logs hold the events CF key
//                                                     instead, which starts with the vshard's
//                                                     high byte, never 0xFF)
//   meta CF        0xFF 'w' ‖ prefix               -> [due:u64 unix ms] (the wake-up index; the
//                                                     0xFF byte sorts after every vshard)
// One entity's history is contiguous and ordered; one vshard is a contiguous key range, so it can
// move between nodes as a range.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/journal/entity_key.hpp"

namespace sb::runtime::storage_keys {

void put_u64(std::string& out, std::uint64_t v);
std::uint64_t get_u64(std::string_view bytes);  // REQUIRES: bytes.size() >= 8

std::string entity_prefix(const EntityKey& key);
std::string event_key(const EntityKey& key, std::uint64_t version);
std::string feed_key(std::uint64_t seq);

// The feed value's first byte when it carries the event itself.
inline constexpr char kFeedEventTag = '\xFF';
// The feed value that carries this event envelope.
std::string feed_value(std::string_view envelope);
// The envelope a feed value carries, or nullopt for an older value that names the event's key.
std::optional<std::string_view> envelope_of_feed_value(std::string_view value);

// The entity a prefix names; nullopt when the bytes are not a well-formed prefix.
std::optional<EntityKey> parse_entity_prefix(std::string_view prefix);

std::string wake_key(const EntityKey& key);
inline constexpr std::string_view kWakeKeyPrefix{"\xFFw", 2};

// The version at the end of an event key.
std::uint64_t version_of_event_key(std::string_view event_key);

}  // namespace sb::runtime::storage_keys
