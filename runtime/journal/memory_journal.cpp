#include "runtime/journal/memory_journal.hpp"

#include <algorithm>

namespace sb::runtime {

std::vector<AppendResult> MemoryJournal::append(std::span<const AppendRequest> requests, bool) {
  std::lock_guard lock(mutex_);
  ++append_calls_;
  std::vector<AppendResult> results;
  for (const auto& request : requests) {
    if (fail_appends_) {
      results.emplace_back(unexpected(*fail_appends_));
      continue;
    }
    auto& history = events_[request.key];
    if (history.size() != request.expected_version) {
      results.emplace_back(unexpected(JournalError{JournalErrc::conflict, "version conflict"}));
      continue;
    }
    if (request.events.empty() || request.events.size() > kEventsPerAppendMax) {
      results.emplace_back(unexpected(JournalError{JournalErrc::invalid_argument, "bad size"}));
      continue;
    }
    for (const auto& event : request.events) {
      history.push_back(event);
      feed_.emplace_back(request.key, event.version);
    }
    if (request.wake && request.wake->due_ms) {
      wake_index_[request.key] = *request.wake->due_ms;
    } else if (request.wake) {
      wake_index_.erase(request.key);
    }
    results.emplace_back(static_cast<std::uint64_t>(history.size()));
  }
  return results;
}

bool MemoryJournal::surely_new(const EntityKey& key) {
  std::lock_guard lock(mutex_);
  return !events_.contains(key);
}

Expected<Recovery, JournalError> MemoryJournal::recover(const EntityKey& key) {
  std::lock_guard lock(mutex_);
  Recovery recovery;
  auto it = events_.find(key);
  const std::vector<EventRecord> empty;
  const auto& history = it == events_.end() ? empty : it->second;
  recovery.version = history.size();
  if (auto snap = snapshots_.find(key); snap != snapshots_.end()) recovery.snapshot = snap->second;
  const std::uint64_t from = recovery.snapshot ? recovery.snapshot->version : 0;
  recovery.events.assign(history.begin() + static_cast<std::ptrdiff_t>(from), history.end());
  return recovery;
}

Expected<std::vector<EventRecord>, JournalError> MemoryJournal::read(const EntityKey& key,
                                                                    std::uint64_t after_version,
                                                                    std::uint64_t up_to_version) {
  std::lock_guard lock(mutex_);
  std::vector<EventRecord> out;
  auto it = events_.find(key);
  if (it == events_.end()) return out;
  for (const auto& event : it->second) {
    if (event.version > after_version && event.version <= up_to_version) out.push_back(event);
  }
  return out;
}

Expected<void, JournalError> MemoryJournal::save_snapshot(const EntityKey& key,
                                                          const SnapshotRecord& snapshot) {
  std::lock_guard lock(mutex_);
  snapshots_[key] = snapshot;
  return {};
}

Expected<std::vector<FeedEntry>, JournalError> MemoryJournal::read_feed(std::uint64_t after_seq,
                                                                       std::size_t max_entries) {
  std::lock_guard lock(mutex_);
  std::vector<FeedEntry> out;
  for (std::uint64_t seq = after_seq + 1; seq <= feed_.size() && out.size() < max_entries; ++seq) {
    const auto& [key, version] = feed_[seq - 1];
    out.push_back(FeedEntry{seq, key, events_[key][version - 1]});
  }
  return out;
}

std::uint64_t MemoryJournal::last_seq() const {
  std::lock_guard lock(mutex_);
  return feed_.size();
}

Expected<std::vector<WakeEntry>, JournalError> MemoryJournal::read_wake_index(
    std::int64_t due_before_ms, std::size_t max_entries) {
  std::lock_guard lock(mutex_);
  std::vector<WakeEntry> out;
  for (const auto& [key, due] : wake_index_) {
    if (out.size() == max_entries) break;
    if (due <= due_before_ms) out.push_back(WakeEntry{key, due});
  }
  return out;
}

void MemoryJournal::test_fail_appends(std::optional<JournalError> error) {
  std::lock_guard lock(mutex_);
  fail_appends_ = std::move(error);
}

std::size_t MemoryJournal::test_append_calls() const {
  std::lock_guard lock(mutex_);
  return append_calls_;
}

}  // namespace sb::runtime
