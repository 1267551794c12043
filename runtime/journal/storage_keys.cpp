#include "runtime/journal/storage_keys.hpp"

#include "actors/common/assert.hpp"
#include "runtime/placement/placement.hpp"

namespace sb::runtime::storage_keys {

// The wake-up index and the feed's tag rely on 0xFF never starting an entity prefix.
static_assert(kVshardCount - 1 <= 0xFEFF, "a vshard's high byte must never be 0xFF");

void put_u64(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
}

std::uint64_t get_u64(std::string_view bytes) {
  SB_ASSERT(bytes.size() >= 8);
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[i]);
  return v;
}

std::string entity_prefix(const EntityKey& key) {
  SB_ASSERT(key.id.size() <= 0xFFFF);
  const std::uint32_t vshard = vshard_of(stable_hash(key.kind, key.id));
  std::string out;
  out.reserve(5 + key.id.size() + 8);
  out.push_back(static_cast<char>(vshard >> 8));
  out.push_back(static_cast<char>(vshard));
  out.push_back(static_cast<char>(key.kind));
  out.push_back(static_cast<char>(key.id.size() >> 8));
  out.push_back(static_cast<char>(key.id.size()));
  out += key.id;
  return out;
}

std::optional<EntityKey> parse_entity_prefix(std::string_view prefix) {
  if (prefix.size() < 5) return std::nullopt;
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(prefix[i]); };
  const std::size_t id_len = (std::size_t{byte(3)} << 8) | byte(4);
  if (prefix.size() != 5 + id_len) return std::nullopt;
  EntityKey key{static_cast<EntityKind>(byte(2)), std::string(prefix.substr(5))};
  if (entity_prefix(key) != prefix) return std::nullopt;  // the vshard must match too
  return key;
}

std::string wake_key(const EntityKey& key) {
  std::string out(kWakeKeyPrefix);
  out += entity_prefix(key);
  return out;
}

std::string event_key(const EntityKey& key, std::uint64_t version) {
  std::string out = entity_prefix(key);
  put_u64(out, version);
  return out;
}

std::string feed_key(std::uint64_t seq) {
  std::string out;
  put_u64(out, seq);
  return out;
}

std::string feed_value(std::string_view envelope) {
  std::string out;
  out.reserve(1 + envelope.size());
  out.push_back(kFeedEventTag);
  out += envelope;
  return out;
}

std::optional<std::string_view> envelope_of_feed_value(std::string_view value) {
  if (value.empty() || value.front() != kFeedEventTag) return std::nullopt;
  return value.substr(1);
}

std::uint64_t version_of_event_key(std::string_view event_key) {
  SB_ASSERT(event_key.size() >= 8);
  return get_u64(event_key.substr(event_key.size() - 8));
}

}  // namespace sb::runtime::storage_keys
