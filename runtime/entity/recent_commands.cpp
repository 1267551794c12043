#include "runtime/entity/recent_commands.hpp"

namespace sb::runtime {

void RecentCommands::record(const std::string& command_id, std::uint64_t first,
                            std::uint64_t last) {
  if (command_id.empty() || capacity_ == 0) return;
  if (!entries_.empty() && entries_.back().command_id == command_id &&
      entries_.back().last_version + 1 == first) {
    entries_.back().last_version = last;
    return;
  }
  entries_.push_back(RecentCommand{command_id, first, last});
  index_[command_id] = evicted_ + entries_.size() - 1;
  while (entries_.size() > capacity_) {
    auto it = index_.find(entries_.front().command_id);
    if (it != index_.end() && it->second == evicted_) index_.erase(it);
    entries_.pop_front();
    ++evicted_;
  }
}

std::optional<RecentCommand> RecentCommands::find(const std::string& command_id) const {
  auto it = index_.find(command_id);
  if (it == index_.end()) return std::nullopt;
  return entries_[it->second - evicted_];
}

void RecentCommands::assign(const std::vector<RecentCommand>& entries) {
  entries_.clear();
  index_.clear();
  evicted_ = 0;
  for (const auto& entry : entries) record(entry.command_id, entry.first_version, entry.last_version);
}

}  // namespace sb::runtime
