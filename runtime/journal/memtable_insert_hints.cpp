#include "runtime/journal/memtable_insert_hints.hpp"

namespace sb::runtime {
namespace {

constexpr std::size_t kVersionBytes = 8;  // the big-endian u64 that ends an event key

// An event key without its version: the entity's prefix.
class EntityOfEventKey final : public rocksdb::SliceTransform {
 public:
  const char* Name() const override { return "switchboard.EntityOfEventKey"; }
  rocksdb::Slice Transform(const rocksdb::Slice& key) const override {
    return rocksdb::Slice(key.data(), key.size() - kVersionBytes);
  }
  bool InDomain(const rocksdb::Slice& key) const override { return key.size() > kVersionBytes; }
};

}  // namespace

std::shared_ptr<const rocksdb::SliceTransform> feed_insert_hint() {
  // A fixed prefix of no bytes: every key is in the domain and they all share the empty prefix.
  return std::shared_ptr<const rocksdb::SliceTransform>(rocksdb::NewFixedPrefixTransform(0));
}

std::shared_ptr<const rocksdb::SliceTransform> event_insert_hint() {
  return std::make_shared<EntityOfEventKey>();
}

}  // namespace sb::runtime
