// End-to-end benchmark: a whole node in this process (RocksDB journal, entity actors, the bot on
// the shipped KB, routing) behind its Cap'n Proto RPC server on loopback, driven by the load
// generator like real channel adapters and agent desks.
//   1. closed loop, `--concurrency` calls in flight: the peak delivered messages per second;
//   2. open loop at half that peak: p50/p99 deliver -> bot reply (target p99 <= 10 ms);
//   3. the raw RocksDB WriteBatch rate for as many events as phase 1 wrote, same durability;
//   4. a plain Cap'n Proto echo over the same loopback with as many calls in flight.
// Every figure is measured in this run, on this machine.
//
// usage: e2e_bench [--seconds S (5)] [--open-seconds S (10)] [--durability sync|batched|none]
//                  [--concurrency N (64)] [--batch N (1)] [--workers N (one per core)]
//                  [--policy stealing|sharing (CAF's default: stealing)]
//                  [--login SHARE (1: every customer sends its shop account, as load --login)]
//                  [--open-share SHARE (0.5: the open loop's rate as a share of the peak)]
//                  [--dir DIR] [--json FILE]

#include <filesystem>
#include <iostream>
#include <string>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "benchmarks/bench_flags.hpp"
#include "benchmarks/e2e/loopback_echo.hpp"
#include "benchmarks/e2e/raw_write_rate.hpp"
#include "benchmarks/process_usage.hpp"
#include "runtime/load/embedded_server.hpp"
#include "runtime/load/load_runner.hpp"
#include "runtime/load/result_file.hpp"

namespace {

using namespace sb;

constexpr double kBotReplyP99TargetMs = 10.0;
constexpr double kTargetShareOfPeak = 0.5;      // the p99 target holds at half of the peak
constexpr std::size_t kEchoPayloadBytes = 200;  // about one customer message on the wire
constexpr std::size_t kRawEntities = 1024;
constexpr auto kEchoDuration = std::chrono::seconds(2);

struct Options {
  double seconds = 5;
  double open_seconds = 10;
  runtime::DurabilityMode durability = runtime::DurabilityMode::sync;
  int concurrency = 64;
  int batch = 1;
  std::string dir = "/tmp/switchboard-e2e-bench";
  std::string json_path;
  int workers = 0;     // CAF scheduler threads; 0: the node default (one per core)
  std::string policy;  // CAF's scheduler.policy (stealing | sharing); empty: CAF's default
  double login_share = 1;  // customers who send their shop account (load --login)
  double open_share = kTargetShareOfPeak;  // the open loop's rate as a share of the peak
};

Options parse(int argc, char** argv) {
  Options o;
  bench::BenchFlags(
      "e2e_bench [--seconds S] [--open-seconds S] [--durability sync|batched|none] "
      "[--concurrency N] [--batch N] [--workers N] [--policy stealing|sharing] [--login SHARE] "
      "[--open-share SHARE] "
      "[--dir DIR] [--json FILE]")
      .value("--seconds", o.seconds)
      .value("--open-seconds", o.open_seconds)
      .option("--durability",
              [&o](const std::string& text) {
                auto mode = runtime::parse_durability_mode(text);
                if (mode) o.durability = *mode;
                return mode.has_value();
              })
      .value("--concurrency", o.concurrency)
      .value("--batch", o.batch)
      .value("--workers", o.workers)
      .option("--policy",
              [&o](const std::string& text) {
                o.policy = text;
                return text == "stealing" || text == "sharing";
              })
      .value("--login", o.login_share)
      .value("--open-share", o.open_share)
      .value("--dir", o.dir)
      .value("--json", o.json_path)
      .parse(argc, argv);
  return o;
}

// The journal's own counters, read before and after a phase.
struct JournalCounters {
  std::uint64_t events = 0;
  std::uint64_t appends = 0;
  std::uint64_t group_commits = 0;

  static JournalCounters of(const load::EmbeddedServer& server) {
    const auto counters = server.counters();
    return {counters["journal_events_written"].get<std::uint64_t>(),
            counters["journal_appends"].get<std::uint64_t>(),
            counters["journal_group_commits"].get<std::uint64_t>()};
  }
  JournalCounters operator-(const JournalCounters& before) const {
    return {events - before.events, appends - before.appends, group_commits - before.group_commits};
  }
};

std::chrono::milliseconds millis(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

load::LoadOptions base_load(const Options& o, const load::EmbeddedServer& server) {
  load::LoadOptions l;
  l.concurrency = o.concurrency;
  l.batch_size = o.batch;
  l.agents.count = 8;
  l.agents.think_min = std::chrono::milliseconds(50);
  l.agents.think_max = std::chrono::milliseconds(200);
  l.agents.presence_changes_per_minute = 0;
  l.human_request_share = 0.02;
  l.login_share = o.login_share;
  l.drain = std::chrono::seconds(2);
  return server.load_options(l);
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = parse(argc, argv);
  spdlog::set_level(spdlog::level::warn);
  const auto node_dir = options.dir + "/node";
  std::filesystem::remove_all(options.dir);
  std::filesystem::create_directories(options.dir);  // RocksDB creates only the last level
  std::cout << fmt::format(
      "e2e_bench: durability {}, {} in flight, batch {}, CAF scheduler {} x {}, data in {}\n",
      runtime::to_string(options.durability), options.concurrency, options.batch,
      options.policy.empty() ? "stealing" : options.policy,
      options.workers > 0 ? std::to_string(options.workers) : "one per core", options.dir);

  load::EmbeddedServerOptions server_options;
  server_options.data_dir = node_dir;
  server_options.durability = options.durability;
  server_options.worker_threads = options.workers;
  server_options.scheduler_policy = options.policy;
  // Beside the wiped directory: the model is trained once per KB, not at every run.
  server_options.bot_model_dir = options.dir + "-bot-model";
  auto server = load::EmbeddedServer::start(server_options);
  if (!server) {
    std::cerr << "e2e_bench: " << server.error() << "\n";
    return 1;
  }
  auto closed = base_load(options, **server);
  closed.mode = load::LoopMode::closed;
  closed.duration = millis(options.seconds);
  const auto journal_before_peak = JournalCounters::of(**server);
  const auto usage_before_peak = bench::ProcessUsage::now();
  auto peak = load::run_load_test(closed, std::cerr);
  const auto peak_usage = bench::ProcessUsage::now() - usage_before_peak;
  if (!peak) {
    std::cerr << "e2e_bench: " << peak.error() << "\n";
    return 1;
  }
  const auto peak_journal = JournalCounters::of(**server) - journal_before_peak;
  const auto events = peak_journal.events;
  const double peak_rate = peak->acked_per_second();
  const double events_per_message = peak->acked ? double(events) / double(peak->acked) : 0;

  auto open = base_load(options, **server);
  open.mode = load::LoopMode::open;
  open.shape.rate = std::max(1.0, peak_rate * options.open_share);
  open.duration = millis(options.open_seconds);
  const auto journal_before_half = JournalCounters::of(**server);
  const auto usage_before_half = bench::ProcessUsage::now();
  auto half = load::run_load_test(open, std::cerr);
  const auto half_usage = bench::ProcessUsage::now() - usage_before_half;
  const auto half_journal = JournalCounters::of(**server) - journal_before_half;
  (*server)->stop();
  if (!half) {
    std::cerr << "e2e_bench: " << half.error() << "\n";
    return 1;
  }

  // The journal groups concurrent appends into one synced write; the raw loop gets the same
  // grouping bound (the calls in flight), and one write per event when nothing is synced.
  const bool sync = options.durability == runtime::DurabilityMode::sync;
  const std::size_t group =
      sync ? static_cast<std::size_t>(options.concurrency * std::max(1.0, events_per_message)) : 1;
  const auto raw = bench::raw_write_rate(options.dir + "/raw", std::max<std::uint64_t>(events, 1),
                                         group, sync, kRawEntities);
  const auto echo = bench::loopback_echo(
      kEchoDuration, static_cast<std::size_t>(options.concurrency), kEchoPayloadBytes);
  std::filesystem::remove_all(options.dir);

  const double e2e_events_per_s = peak_rate * events_per_message;
  std::cout << fmt::format("{:<52} {:>12}\n", "what", "figure");
  auto line = [](const std::string& what, const std::string& figure) {
    std::cout << fmt::format("{:<52} {:>12}\n", what, figure);
  };
  line("closed loop: delivered messages/s (peak)", fmt::format("{:.0f}", peak_rate));
  line("  p50 / p99 deliver -> ack (ms)",
       fmt::format("{:.2f} / {:.2f}", peak->ack.p50_ms, peak->ack.p99_ms));
  line("  journal events per message", fmt::format("{:.2f}", events_per_message));
  // Server and generator together (one process), drain included.
  auto per_message = [&line](const bench::ProcessUsage& usage, const JournalCounters& journal,
                             std::uint64_t messages) {
    const double n = double(std::max<std::uint64_t>(messages, 1));
    line("  journal appends / group commits per message",
         fmt::format("{:.2f} / {:.2f}", double(journal.appends) / n,
                     double(journal.group_commits) / n));
    line("  CPU per message, us (server and generator)",
         fmt::format("{:.0f}", 1e6 * usage.cpu_seconds / n));
    line("  context switches per message: waits / preempted",
         fmt::format("{:.1f} / {:.1f}", double(usage.voluntary_switches) / n,
                     double(usage.involuntary_switches) / n));
  };
  per_message(peak_usage, peak_journal, peak->acked);
  line(fmt::format("open loop at {:.0f} msg/s ({:.0f}% of peak): messages/s", open.shape.rate,
                   100 * options.open_share),
       fmt::format("{:.0f}", half->acked_per_second()));
  per_message(half_usage, half_journal, half->acked);
  line("  p50 / p99 deliver -> bot reply (ms)",
       fmt::format("{:.2f} / {:.2f}", half->bot_reply.p50_ms, half->bot_reply.p99_ms));
  line("  p99.9 / max deliver -> bot reply (ms)",
       fmt::format("{:.2f} / {:.2f}", half->bot_reply.p999_ms, half->bot_reply.max_ms));
  line(fmt::format("    first message of a visit ({}): p50 / p99", half->bot_reply_first.count),
       fmt::format("{:.2f} / {:.2f}", half->bot_reply_first.p50_ms, half->bot_reply_first.p99_ms));
  line(fmt::format("    later in the visit ({}): p50 / p99", half->bot_reply_follow_up.count),
       fmt::format("{:.2f} / {:.2f}", half->bot_reply_follow_up.p50_ms,
                   half->bot_reply_follow_up.p99_ms));
  line("  p50 / p99 send lag of the generator itself (ms)",
       fmt::format("{:.2f} / {:.2f}", half->schedule_lag.p50_ms, half->schedule_lag.p99_ms));
  line(fmt::format("raw RocksDB: {} events, {}/write, {}", raw.events, group,
                   sync ? "sync" : "no sync"),
       fmt::format("{:.0f} ev/s", raw.per_second()));
  line("plain Cap'n Proto echo over loopback", fmt::format("{:.0f} rt/s", echo.per_second()));
  line("ratio: e2e events/s / raw RocksDB events/s",
       fmt::format("{:.1f}%", 100 * e2e_events_per_s / std::max(1.0, raw.per_second())));
  line("ratio: e2e messages/s / echo round trips/s",
       fmt::format("{:.1f}%", 100 * peak_rate / std::max(1.0, echo.per_second())));
  const bool met = half->bot_reply.p99_ms <= kBotReplyP99TargetMs;
  const char* verdict = options.open_share != kTargetShareOfPeak ? "not this run"
                        : met                                    ? "met"
                                                                 : "NOT met";
  line("target: p99 deliver -> bot reply <= 10 ms at 50% of peak", verdict);

  nlohmann::json json{
      {"durability", runtime::to_string(options.durability)},
      {"concurrency", options.concurrency},
      {"batch", options.batch},
      {"peak", load::to_json(*peak)},
      {"half_peak", load::to_json(*half)},
      {"events_per_message", events_per_message},
      {"raw_rocksdb",
       {{"events", raw.events},
        {"group", group},
        {"sync", sync},
        {"events_per_second", raw.per_second()}}},
      {"echo",
       {{"round_trips_per_second", echo.per_second()}, {"in_flight", options.concurrency}}}};
  if (auto error = load::write_result_file(options.json_path, json)) {
    std::cerr << "e2e_bench: " << *error << "\n";
    return 1;
  }
  return 0;
}
