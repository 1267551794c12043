// The insert hints name the prefix whose last insert position RocksDB reuses: an event key's
// entity (so one entity's events, written in version order, continue where the last one went)
// and, for the feed, nothing at all (sequence numbers only grow).
#include "runtime/journal/memtable_insert_hints.hpp"

#include <gtest/gtest.h>

#include "runtime/journal/storage_keys.hpp"

namespace sb::runtime {
namespace {

std::string_view view(const rocksdb::Slice& slice) { return {slice.data(), slice.size()}; }

TEST(MemtableInsertHintsTest, AnEventKeysHintIsItsEntity) {
  const EntityKey key{EntityKind::conversation, "c-42/c1"};
  const auto hint = event_insert_hint();
  for (std::uint64_t version : {1u, 2u, 1000u}) {
    const auto event_key = storage_keys::event_key(key, version);
    ASSERT_TRUE(hint->InDomain(event_key));
    EXPECT_EQ(view(hint->Transform(event_key)), storage_keys::entity_prefix(key));
  }
}

TEST(MemtableInsertHintsTest, AKeyTooShortForAVersionGetsNoHint) {
  EXPECT_FALSE(event_insert_hint()->InDomain(rocksdb::Slice("12345678")));
  EXPECT_FALSE(event_insert_hint()->InDomain(rocksdb::Slice("")));
}

TEST(MemtableInsertHintsTest, EveryFeedKeySharesOneHint) {
  const auto hint = feed_insert_hint();
  for (std::uint64_t seq : {1u, 7u, 1u << 30}) {
    const auto key = storage_keys::feed_key(seq);
    ASSERT_TRUE(hint->InDomain(key));
    EXPECT_TRUE(hint->Transform(key).empty());
  }
}

}  // namespace
}  // namespace sb::runtime
