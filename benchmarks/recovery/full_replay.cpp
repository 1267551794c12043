#include "benchmarks/recovery/full_replay.hpp"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "runtime/reporting/reporting_core.hpp"
#include "runtime/verify/log_verifier.hpp"

namespace sb::bench {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

Expected<ReplayResult, std::string> replay_entities(runtime::Journal& journal,
                                                    const std::vector<runtime::EntityKey>& keys,
                                                    std::size_t threads) {
  std::atomic<std::size_t> next{0};
  std::atomic<std::uint64_t> events{0};
  std::atomic<std::uint64_t> snapshots{0};
  std::mutex failure_mutex;
  std::string failure;
  auto worker = [&] {
    for (auto i = next.fetch_add(1); i < keys.size(); i = next.fetch_add(1)) {
      auto recovery = journal.recover(keys[i]);
      Expected<void, std::string> applied = recovery
                                                ? verify::replay_history(keys[i].kind, *recovery)
                                                : unexpected(recovery.error().message);
      if (!applied) {
        std::lock_guard lock(failure_mutex);
        failure = runtime::to_string(keys[i]) + ": " + applied.error();
        next = keys.size();
        return;
      }
      events.fetch_add(recovery->events.size(), std::memory_order_relaxed);
      if (recovery->snapshot) snapshots.fetch_add(1, std::memory_order_relaxed);
    }
  };
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < std::max<std::size_t>(threads, 1); ++t) pool.emplace_back(worker);
  for (auto& thread : pool) thread.join();
  if (!failure.empty()) return unexpected(failure);
  ReplayResult result;
  result.entities = keys.size();
  result.events = events.load();
  result.snapshots = snapshots.load();
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

Expected<ReplayResult, std::string> replay_entities_in_one_pass(runtime::RocksDbJournal& journal,
                                                                std::size_t threads) {
  verify::VerifyOptions options;
  options.threads = threads;
  options.feed = false;
  auto report = verify::verify_log(journal, options);
  if (!report) return unexpected(report.error());
  if (!report->clean()) return unexpected("damaged: " + report->problems.front());
  ReplayResult result;
  result.entities = report->entities();
  result.events = report->events();
  for (const auto& [kind, tally] : report->kinds) result.snapshots += tally.snapshots;
  result.seconds = report->entity_seconds;
  return result;
}

Expected<ReplayResult, std::string> replay_feed(runtime::Journal& journal,
                                                std::size_t page_entries) {
  const auto start = Clock::now();
  reporting::ReportingCore core;
  ReplayResult result;
  for (;;) {
    auto page = journal.read_feed(core.last_seq(), page_entries);
    if (!page) return unexpected(page.error().message);
    for (const auto& entry : *page) core.apply(entry);
    result.events += page->size();
    if (page->size() < page_entries) break;
  }
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return result;
}

}  // namespace sb::bench
