#include "runtime/entity/recent_commands.hpp"

namespace sb::runtime {

void RecentCommands::record(const std::string& command_id, std::uint64_t first,
                            std::uint64_t last) {
  if (command_id.empty() || capacity_ == 0) return;
  if (!entries_.empty()) {
    auto& newest = entries_[index_of_age(0)];
    if (newest.command_id == command_id && newest.last_version + 1 == first) {
      newest.last_version = last;
      return;
    }
  }
  RecentCommand entry{command_id, first, last};
  if (entries_.size() < capacity_) {
    entries_.push_back(std::move(entry));
    return;
  }
  entries_[oldest_] = std::move(entry);  // replaces the oldest, which becomes the newest
  oldest_ = (oldest_ + 1) % entries_.size();
}

std::optional<RecentCommand> RecentCommands::find(const std::string& command_id) const {
  for (std::size_t age = 0; age < entries_.size(); ++age) {
    if (const auto& entry = entries_[index_of_age(age)]; entry.command_id == command_id)
      return entry;
  }
  return std::nullopt;
}

std::vector<RecentCommand> RecentCommands::to_list() const {
  std::vector<RecentCommand> list;
  list.reserve(entries_.size());
  for (std::size_t age = entries_.size(); age-- > 0;) list.push_back(entries_[index_of_age(age)]);
  return list;
}

void RecentCommands::assign(const std::vector<RecentCommand>& entries) {
  entries_.clear();
  oldest_ = 0;
  for (const auto& entry : entries)
    record(entry.command_id, entry.first_version, entry.last_version);
}

}  // namespace sb::runtime
