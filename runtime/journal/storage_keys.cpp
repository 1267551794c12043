#include "runtime/journal/storage_keys.hpp"

#include "actors/common/assert.hpp"
#include "runtime/placement/placement.hpp"

namespace sb::runtime::storage_keys {

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

std::uint64_t version_of_event_key(std::string_view event_key) {
  SB_ASSERT(event_key.size() >= 8);
  return get_u64(event_key.substr(event_key.size() - 8));
}

}  // namespace sb::runtime::storage_keys
