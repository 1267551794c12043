#include "benchmarks/recovery/journal_fill.hpp"

#include <chrono>
#include <cstdio>
#include <span>

#include "runtime/journal/rocksdb_journal.hpp"

namespace sb::bench {
namespace {

// Appends the batch in groups; every append must succeed (the script decided them in order).
Expected<void, std::string> write(runtime::Journal& journal, HistoryBatch& batch, std::size_t group,
                                  FillResult& result) {
  std::span<const runtime::AppendRequest> appends(batch.appends);
  for (std::size_t start = 0; start < appends.size(); start += group) {
    const auto part = appends.subspan(start, std::min(group, appends.size() - start));
    for (const auto& outcome : journal.append(part, /*sync=*/false)) {
      if (!outcome) return unexpected("append failed: " + outcome.error().message);
    }
  }
  for (const auto& [key, snapshot] : batch.snapshots) {
    if (auto saved = journal.save_snapshot(key, snapshot); !saved) {
      return unexpected("snapshot failed: " + saved.error().message);
    }
  }
  result.events += batch.events();
  result.appends += batch.appends.size();
  result.snapshots += batch.snapshots.size();
  batch.appends.clear();
  batch.snapshots.clear();
  return {};
}

}  // namespace

Expected<FillResult, std::string> fill_journal(const std::string& dir, std::uint64_t events,
                                               const HistoryShape& shape,
                                               std::size_t group_appends) {
  auto history = ProductionHistory::load(shape);
  if (!history) return unexpected(history.error());
  runtime::RocksDbJournalOptions options;
  options.path = dir;
  auto journal = runtime::RocksDbJournal::open(options);
  if (!journal) return unexpected(journal.error().message);

  const auto start = std::chrono::steady_clock::now();
  FillResult result;
  HistoryBatch batch;
  (*history)->open_shift(batch);
  std::uint64_t next_progress = 1'000'000;
  while (result.events + batch.events() < events) {
    (*history)->next_session(batch);
    if (batch.appends.size() >= group_appends) {
      if (auto written = write(**journal, batch, group_appends, result); !written)
        return unexpected(written.error());
      if (result.events >= next_progress) {
        std::fprintf(stderr, "  filled %llu events\n",
                     static_cast<unsigned long long>(result.events));
        next_progress += 1'000'000;
      }
    }
  }
  if (auto written = write(**journal, batch, group_appends, result); !written)
    return unexpected(written.error());
  if (auto synced = (*journal)->sync(); !synced) return unexpected(synced.error().message);
  result.sessions = (*history)->sessions();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace sb::bench
