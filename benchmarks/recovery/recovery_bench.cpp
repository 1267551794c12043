// Recovery benchmark (issue 6): a node with N events on disk.
//   1. fill: a production-shaped history (customers, conversations the bot answers, handoffs to
//      agents, tickets) written through the real journal API with the entities' own deciders and
//      codecs, in large unsynced groups (see journal_fill.hpp); skipped when --dir already holds
//      a history from an earlier run (--keep), so the measurement can run in a fresh process;
//   2. lazy recovery: a node starts on it (the real startup path) and serves its first requests;
//   3. full replay: every entity recovered through the journal and the entity host's replay code,
//      and the whole feed through the reporting projections, next to a raw RocksDB scan of the
//      same events (the ceiling).
// Targets: first request served <= 2 s after start; full replay >= 1,000,000 events/s.
//
// usage: recovery_bench [--events N (200000)] [--dir DIR] [--keep] [--threads T (2)]
//                       [--skip-replay]
// The node's first start on a directory trains the bot and caches its model there; run again
// on a kept directory for the start that loads it.
// Every figure is measured in this run, on this machine.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "benchmarks/bench_flags.hpp"
#include "benchmarks/recovery/first_request.hpp"
#include "benchmarks/recovery/full_replay.hpp"
#include "benchmarks/recovery/journal_fill.hpp"
#include "benchmarks/recovery/raw_scan.hpp"
#include "runtime/journal/rocksdb_journal.hpp"

namespace {

using namespace sb;
namespace fs = std::filesystem;

constexpr double kFirstRequestTargetMs = 2000;
constexpr double kReplayTargetPerSecond = 1'000'000;

struct Options {
  std::uint64_t events = 200'000;
  std::string dir = "/tmp/switchboard-recovery-bench";
  bool keep = false;
  std::size_t threads = 2;   // the node's default journal readers
  bool skip_replay = false;  // steps 1-2 only: a 10 M replay takes the better part of an hour
};

Options parse(int argc, char** argv) {
  Options o;
  bench::BenchFlags(
      "recovery_bench [--events N] [--dir DIR] [--keep] [--threads T] [--skip-replay]")
      .value("--events", o.events)
      .value("--dir", o.dir)
      .toggle("--keep", o.keep)
      .value("--threads", o.threads)
      .toggle("--skip-replay", o.skip_replay)
      .parse(argc, argv);
  return o;
}

int fail(const std::string& what) {
  std::fprintf(stderr, "recovery_bench: %s\n", what.c_str());
  return 1;
}

// The number of sessions in the history under `dir` (written by the run that filled it).
std::uint64_t read_sessions(const std::string& marker) {
  std::ifstream in(marker);
  std::uint64_t sessions = 0;
  in >> sessions;
  return sessions;
}

void line(const std::string& what, const std::string& figure) {
  std::printf("%-58s %s\n", what.c_str(), figure.c_str());
  std::fflush(stdout);
}

std::string rate(double per_second) { return fmt::format("{:.0f} events/s", per_second); }

}  // namespace

int main(int argc, char** argv) {
  const auto options = parse(argc, argv);
  spdlog::set_level(spdlog::level::warn);
  const std::string node_dir = options.dir + "/node";
  const std::string marker = options.dir + "/sessions";
  bench::HistoryShape shape;

  std::uint64_t sessions = read_sessions(marker);
  if (sessions == 0) {
    fs::remove_all(options.dir);
    fs::create_directories(options.dir);
    std::printf(
        "recovery_bench: filling %s with %llu events (journal append, no fsync per write)\n",
        node_dir.c_str(), static_cast<unsigned long long>(options.events));
    auto filled = bench::fill_journal(node_dir, options.events, shape);
    if (!filled) return fail("fill: " + filled.error());
    sessions = filled->sessions;
    std::ofstream(marker) << sessions << "\n";
    line("fill: events / appends / snapshots / sessions",
         fmt::format("{} / {} / {} / {}", filled->events, filled->appends, filled->snapshots,
                     sessions));
    line("fill: time, rate",
         fmt::format("{:.1f} s, {}", filled->seconds, rate(filled->events / filled->seconds)));
  } else {
    std::printf(
        "recovery_bench: reusing the history in %s (%llu sessions); this process has not read it\n",
        node_dir.c_str(), static_cast<unsigned long long>(sessions));
  }

  // 2. Lazy recovery: start, then the first requests on entities that are not in memory.
  const auto existing = bench::ProductionHistory::ids_of(sessions / 2);
  auto first = bench::time_first_requests(node_dir, shape, existing);
  if (!first) return fail(first.error());
  line("journal open alone (RocksDB, write-ahead log replayed)",
       fmt::format("{:.1f} ms", first->journal_open_ms));
  line("bot training alone (shipped KB)", fmt::format("{:.1f} ms", first->bot_training_ms));
  line("bot model loaded from the cache alone",
       first->model_load_ms ? fmt::format("{:.1f} ms", *first->model_load_ms)
                            : std::string("no cached model yet (first start here)"));
  line(first->model_cached ? "node start (RocksDB open, bot model loaded, actors, feed)"
                           : "node start (RocksDB open, bot trained and cached, actors, feed)",
       fmt::format("{:.1f} ms", first->node_started_ms));
  line("first request: view of " + existing.conversation_id,
       fmt::format("{:.2f} ms ({} lines)", first->view_alone_ms, first->transcript_lines));
  line("first deliver on customer " + existing.customer_id + " (sync)",
       fmt::format("{:.2f} ms, bot: {:.30}", first->deliver_alone_ms, first->bot_reply));
  line("start -> first request served", fmt::format("{:.1f} ms", first->view_served_ms));
  line("start -> first deliver served", fmt::format("{:.1f} ms", first->deliver_served_ms));
  line("target: first request served <= 2 s after start",
       first->view_served_ms <= kFirstRequestTargetMs ? "met" : "NOT met");

  if (options.skip_replay) {
    if (!options.keep) fs::remove_all(options.dir);
    return 0;
  }

  // 3. Full replay, and the raw scan of the same events.
  auto raw = bench::scan_events(node_dir);
  if (!raw) return fail("raw scan: " + raw.error());
  line("raw RocksDB iterator over the events column family",
       fmt::format("{} events, {} MiB, {:.2f} s = {}", raw->events, raw->bytes >> 20, raw->seconds,
                   rate(raw->per_second())));
  auto keys = bench::list_entities(node_dir);
  if (!keys) return fail("listing entities: " + keys.error());
  runtime::RocksDbJournalOptions journal_options;
  journal_options.path = node_dir;
  journal_options.read_only = true;
  auto journal = runtime::RocksDbJournal::open(journal_options);
  if (!journal) return fail(journal.error().message);

  auto entities = bench::replay_entities(**journal, *keys, options.threads);
  if (!entities) return fail("entity replay: " + entities.error());
  line(fmt::format("replay: every entity recovered by lookups, as actors do ({} threads)",
                   options.threads),
       fmt::format("{} entities, {} events after {} snapshots, {:.2f} s = {}", entities->entities,
                   entities->events, entities->snapshots, entities->seconds,
                   rate(entities->per_second())));
  auto scan = bench::replay_entities_in_one_pass(**journal, options.threads);
  if (!scan) return fail("entity replay in one pass: " + scan.error());
  line(fmt::format("replay: every entity in one pass, as `switchboard verify` ({} threads)",
                   options.threads),
       fmt::format("{} entities, {} events after {} snapshots, {:.2f} s = {}", scan->entities,
                   scan->events, scan->snapshots, scan->seconds, rate(scan->per_second())));
  auto feed = bench::replay_feed(**journal);
  if (!feed) return fail("feed replay: " + feed.error());
  line("replay: the feed through the reporting projections (1 thread)",
       fmt::format("{} events, {:.2f} s = {}", feed->events, feed->seconds,
                   rate(feed->per_second())));
  line("ratio: entity replay by lookups / raw scan",
       fmt::format("{:.1f}%", 100 * entities->per_second() / raw->per_second()));
  line("ratio: entity replay in one pass / raw scan",
       fmt::format("{:.1f}%", 100 * scan->per_second() / raw->per_second()));
  line("ratio: feed replay / raw scan",
       fmt::format("{:.1f}%", 100 * feed->per_second() / raw->per_second()));
  line("target: full replay >= 1,000,000 events/s (entities, one pass)",
       scan->per_second() >= kReplayTargetPerSecond ? "met" : "NOT met");
  journal->reset();
  if (!options.keep) fs::remove_all(options.dir);
  return 0;
}
