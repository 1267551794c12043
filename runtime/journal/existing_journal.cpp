#include "runtime/journal/existing_journal.hpp"

#include <filesystem>

namespace sb::runtime {

Expected<std::unique_ptr<RocksDbJournal>, std::string> open_existing_journal(
    const std::string& dir, std::size_t block_cache_bytes) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    return unexpected("there is no data directory at " + dir +
                      " (pass the node's --storage.path DIR)");
  }
  if (!fs::is_directory(dir, ec)) return unexpected(dir + " is not a directory");
  if (fs::is_empty(dir, ec)) return unexpected("the data directory " + dir + " is empty");
  if (!fs::exists(fs::path(dir) / "CURRENT", ec)) {
    return unexpected(dir + " holds no switchboard journal (no RocksDB database in it)");
  }
  RocksDbJournalOptions options;
  options.path = dir;
  options.read_only = true;
  options.block_cache_bytes = block_cache_bytes;
  auto journal = RocksDbJournal::open(options);
  if (!journal) return unexpected(journal.error().message);
  return std::move(*journal);
}

}  // namespace sb::runtime
