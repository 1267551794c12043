// Journal benchmark: append throughput and latency through the group-commit writer actor for 1,
// 64 and 1024 concurrent entities in each durability mode, next to the raw RocksDB rate for the
// same records written by a plain WriteBatch loop, and the recovery replay rate.
//
// usage: journal_bench [--seconds S] [--dir DIR] [--replay-events N] [--replay-only 1]
// Every figure is measured in this run, on this machine; nothing is remembered from elsewhere.

#include <caf/all.hpp>
#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "actors/common/percentile.hpp"
#include "runtime/journal/envelope_codec.hpp"
#include "runtime/journal/journal_actor.hpp"
#include "runtime/journal/rocksdb_journal.hpp"
#include "runtime/journal/storage_keys.hpp"
#include "runtime/messages.hpp"

namespace {

using namespace sb::runtime;
using Clock = std::chrono::steady_clock;

struct Options {
  double seconds = 2.0;
  std::string dir = "/tmp/switchboard-journal-bench";
  std::uint64_t replay_events = 1'000'000;
  bool replay_only = false;
};

struct Result {
  double per_second = 0;
  double p50_us = 0;
  double p99_us = 0;
  std::uint64_t count = 0;
  double mean_group = 0;
};

EventRecord make_event(const std::string& id, std::uint64_t version) {
  std::string payload = id + "#" + std::to_string(version);
  payload.resize(200, 'x');  // ~200-byte events, as the targets are stated
  return EventRecord{version, 1'700'000'000'000, "cmd-" + std::to_string(version), "", id, payload};
}

EntityKey key_of(std::size_t i) { return EntityKey{sb::EntityKind::conversation, "c-" + std::to_string(i)}; }

struct Shared {
  std::atomic<bool> stop{false};
  std::atomic<std::uint64_t> done{0};
  std::atomic<std::size_t> running{0};
  std::vector<std::vector<double>> latencies;  // per client, microseconds
};

// One simulated entity: appends its next event as soon as the previous one is acknowledged.
struct ClientState {
  caf::actor writer;
  std::size_t index = 0;
  std::uint64_t version = 0;
  Shared* shared = nullptr;
};
using Client = caf::stateful_actor<ClientState>;

void send_next(Client* self) {
  auto& st = self->state;
  if (st.shared->stop.load(std::memory_order_relaxed)) {
    st.shared->running.fetch_sub(1);
    self->quit();
    return;
  }
  const auto start = Clock::now();
  AppendRequest request{key_of(st.index), st.version, {make_event(key_of(st.index).id, st.version + 1)}, {}};
  self->request(st.writer, std::chrono::seconds(60), append_atom::value, std::move(request))
      .then(
          [self, start](std::uint64_t version) {
            auto& st = self->state;
            st.version = version;
            st.shared->latencies[st.index].push_back(
                std::chrono::duration<double, std::micro>(Clock::now() - start).count());
            st.shared->done.fetch_add(1, std::memory_order_relaxed);
            send_next(self);
          },
          [self](caf::error& e) {
            std::fprintf(stderr, "append failed: %s\n", caf::to_string(e).c_str());
            self->state.shared->running.fetch_sub(1);
            self->quit();
          });
}

caf::behavior client(Client* self, caf::actor writer, std::size_t index, Shared* shared) {
  self->state = ClientState{std::move(writer), index, 0, shared};
  send_next(self);
  return {[](caf::unit_t) {}};
}

Result run_journal(const Options& options, DurabilityMode mode, std::size_t clients) {
  std::filesystem::remove_all(options.dir);
  auto journal = std::shared_ptr<Journal>(std::move(*RocksDbJournal::open({options.dir, nullptr})));
  caf::actor_system_config config;
  config.set("scheduler.max-threads", 2);
  Result result;
  {
    caf::actor_system system{config};
    auto actors = spawn_journal_actors(system, journal, {mode, 2048, std::chrono::milliseconds(10)}, 1, true);
    Shared shared;
    shared.latencies.resize(clients);
    const auto start = Clock::now();
    shared.running = clients;
    for (std::size_t i = 0; i < clients; ++i) system.spawn(client, actors.writer, i, &shared);
    std::this_thread::sleep_for(std::chrono::duration<double>(options.seconds));
    const auto done = shared.done.load();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    shared.stop = true;
    caf::scoped_actor self{system};
    self->request(actors.writer, std::chrono::seconds(30), stats_atom::value)
        .receive([&](JournalWriterStats& s) { result.mean_group = s.writes ? double(s.appends) / s.writes : 0; },
                 [](caf::error&) {});
    while (shared.running.load() > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    self->send_exit(actors.writer, caf::exit_reason::user_shutdown);
    self->send_exit(actors.reader, caf::exit_reason::user_shutdown);
    std::vector<double> all;
    for (auto& v : shared.latencies) all.insert(all.end(), v.begin(), v.end());
    result.count = done;
    result.per_second = static_cast<double>(done) / elapsed;
    result.p50_us = sb::nearest_rank_percentile(all, 0.50);
    result.p99_us = sb::nearest_rank_percentile(all, 0.99);
  }
  return result;
}

// The same records (event + feed + version, one event per WriteBatch, or `batch` events per
// WriteBatch) written by a plain loop: the ceiling the journal is measured against.
Result run_raw(const Options& options, bool sync, std::size_t batch, std::size_t entities) {
  std::filesystem::remove_all(options.dir);
  rocksdb::Options db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  db_options.compression = rocksdb::kLZ4Compression;
  std::vector<rocksdb::ColumnFamilyDescriptor> cfs;
  for (const char* name : {"default", "events", "meta", "snapshots", "feed"}) cfs.emplace_back(name, db_options);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  if (!rocksdb::DB::Open(db_options, options.dir, cfs, &handles, &db).ok()) std::abort();
  rocksdb::WriteOptions write_options;
  write_options.sync = sync;
  std::vector<std::uint64_t> versions(entities, 0);
  std::uint64_t seq = 0;
  std::uint64_t written = 0;
  std::vector<double> latencies;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration<double>(options.seconds);
  while (Clock::now() < deadline) {
    rocksdb::WriteBatch wb;
    const auto t0 = Clock::now();
    for (std::size_t i = 0; i < batch; ++i, ++written) {
      const auto e = written % entities;
      const auto key = key_of(e);
      const auto version = ++versions[e];
      const auto event_key = storage_keys::event_key(key, version);
      const auto envelope = encode_event_envelope(key, make_event(key.id, version));
      wb.Put(handles[1], event_key, envelope);
      wb.Put(handles[4], storage_keys::feed_key(++seq), storage_keys::feed_value(envelope));
      std::string v;
      storage_keys::put_u64(v, version);
      wb.Put(handles[2], storage_keys::entity_prefix(key), v);
    }
    if (!db->Write(write_options, &wb).ok()) std::abort();
    latencies.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  delete db;
  Result r;
  r.count = written;
  r.per_second = static_cast<double>(written) / elapsed;
  r.p50_us = sb::nearest_rank_percentile(latencies, 0.5);
  r.p99_us = sb::nearest_rank_percentile(latencies, 0.99);
  r.mean_group = static_cast<double>(batch);
  return r;
}

// Writes `events` events over 1000 entities, then recovers every entity: events per second.
double run_replay(const Options& options) {
  std::filesystem::remove_all(options.dir);
  constexpr std::size_t kEntities = 1000;
  const std::uint64_t per_entity = options.replay_events / kEntities;
  {
    auto journal = std::move(*RocksDbJournal::open({options.dir, nullptr}));
    for (std::uint64_t v = 0; v < per_entity; v += 32) {
      std::vector<AppendRequest> group;
      for (std::size_t e = 0; e < kEntities; ++e) {
        AppendRequest request{key_of(e), v, {}, {}};
        for (std::uint64_t k = 1; k <= 32 && v + k <= per_entity; ++k) {
          request.events.push_back(make_event(key_of(e).id, v + k));
        }
        group.push_back(std::move(request));
      }
      journal->append(group, false);
    }
  }
  auto journal = std::move(*RocksDbJournal::open({options.dir, nullptr}));
  const auto start = Clock::now();
  std::uint64_t replayed = 0;
  for (std::size_t e = 0; e < kEntities; ++e) {
    auto recovery = journal->recover(key_of(e));
    if (!recovery) std::abort();
    replayed += recovery->events.size();
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("replay: %llu events over %zu entities in %.2f s = %.0f events/s\n",
              static_cast<unsigned long long>(replayed), kEntities, elapsed, replayed / elapsed);
  return replayed / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seconds") options.seconds = std::stod(argv[i + 1]);
    else if (flag == "--dir") options.dir = argv[i + 1];
    else if (flag == "--replay-events") options.replay_events = std::stoull(argv[i + 1]);
    else if (flag == "--replay-only") options.replay_only = std::string(argv[i + 1]) == "1";
  }
  std::printf("journal_bench: ~200-byte events, %.1f s per figure, data in %s\n", options.seconds,
              options.dir.c_str());
  std::printf("%-34s %12s %10s %10s %10s\n", "what", "events/s", "p50 us", "p99 us", "per write");
  auto print = [](const std::string& what, const Result& r) {
    std::printf("%-34s %12.0f %10.0f %10.0f %10.1f\n", what.c_str(), r.per_second, r.p50_us, r.p99_us,
                r.mean_group);
    std::fflush(stdout);
  };
  if (options.replay_only) {
    run_replay(options);
    std::filesystem::remove_all(options.dir);
    return 0;
  }
  const auto raw_nosync = run_raw(options, false, 1, 1024);
  print("raw RocksDB, 1/batch, no sync", raw_nosync);
  print("raw RocksDB, 1/batch, sync", run_raw(options, true, 1, 1024));
  print("raw RocksDB, 1024/batch, sync", run_raw(options, true, 1024, 1024));
  Result sync_1024;
  for (auto mode : {DurabilityMode::sync, DurabilityMode::batched, DurabilityMode::none}) {
    for (std::size_t clients : {1, 64, 1024}) {
      auto r = run_journal(options, mode, clients);
      print("journal " + std::string(to_string(mode)) + ", " + std::to_string(clients) + " entities", r);
      if (mode == DurabilityMode::sync && clients == 1024) sync_1024 = r;
    }
  }
  std::printf("group commit: sync at 1024 entities = %.0f%% of the raw no-sync rate (target >= 70%%)\n",
              100.0 * sync_1024.per_second / raw_nosync.per_second);
  const double replay = run_replay(options);
  std::printf("replay rate: %.0f events/s (target >= 1,000,000)\n", replay);
  std::filesystem::remove_all(options.dir);
  return 0;
}
