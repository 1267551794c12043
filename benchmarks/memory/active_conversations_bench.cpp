// Memory of active conversations (issue 6 target: 1,000,000 active conversations in <= 4 GiB
// on the 2-core machine, <= 4 KiB each). A whole node runs in this process (RocksDB journal,
// entity registry, bot on the shipped KB, routing, reporting feed); N customers each deliver a
// few messages through ServiceApi::deliver, so N Customer and N Conversation entity actors come
// to life through the registry. The conversations stay there (their idle timeout is raised for
// the run, so none passivates); the customers passivate after their idle timeout, as in
// production (entity.customer-idle-timeout, 30 s), and the figures are taken twice: right after
// the fill (customers resident too) and once they are gone. Durability `none` for the fill
// (nothing here depends on fsync). With --conversation-idle-seconds the conversations passivate
// too, and a last figure shows what an open conversation costs while nobody talks in it (it is
// on disk, and comes back on the customer's next message).
// Prints RSS (VmRSS, VmHWM) and the live heap before and after, per conversation, the registry's
// count of active entities, and the CAF floor (an idle actor's heap) to show where it goes. RSS
// is read after the allocator returned its free pages, so pages kept from freed customers are
// not counted.
//
// usage: active_conversations_bench [--conversations N (100000)] [--messages M (3)]
//                                   [--in-flight W (256)] [--dir DIR] [--keep]
//                                   [--customer-idle-seconds S (30)]
//                                   [--conversation-idle-seconds S (0: never)]
//                                   [--probe-actors K (100000; 0: skip)]
// Every figure is measured in this run, on this machine.

#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include <caf/all.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "actors/conversation/conversation_codec.hpp"
#include "actors/conversation/conversation_decider.hpp"
#include "actors/customer/customer_codec.hpp"
#include "actors/customer/customer_decider.hpp"
#include "benchmarks/bench_flags.hpp"
#include "benchmarks/memory/conversation_fill.hpp"
#include "benchmarks/memory/idle_actor_probe.hpp"
#include "benchmarks/memory/process_memory.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/journal/rocksdb_journal.hpp"
#include "runtime/load/question_mix.hpp"
#include "runtime/messages.hpp"
#include "runtime/service/switchboard_node.hpp"

namespace {

using namespace sb;
namespace fs = std::filesystem;

constexpr double kTargetBytesFor1M = 4.0 * 1024 * 1024 * 1024;
constexpr std::uint64_t kTargetConversations = 1'000'000;
constexpr auto kNoPassivation = std::chrono::hours(24);  // longer than any run

struct Options {
  bench::ConversationFillOptions fill;
  std::string dir = "/tmp/switchboard-memory-bench";
  bool keep = false;
  std::size_t probe_actors = 100'000;
  std::uint64_t customer_idle_seconds = 30;  // the production default
  std::uint64_t conversation_idle_seconds = 0;  // 0: conversations stay resident
};

Options parse(int argc, char** argv) {
  Options o;
  bench::BenchFlags(
      "active_conversations_bench [--conversations N] [--messages M] "
      "[--in-flight W] [--dir DIR] [--keep] [--customer-idle-seconds S] "
      "[--conversation-idle-seconds S] [--probe-actors K]")
      .value("--conversations", o.fill.conversations)
      .value("--messages", o.fill.messages)
      .value("--in-flight", o.fill.in_flight)
      .value("--dir", o.dir)
      .toggle("--keep", o.keep)
      .value("--probe-actors", o.probe_actors)
      .value("--customer-idle-seconds", o.customer_idle_seconds)
      .value("--conversation-idle-seconds", o.conversation_idle_seconds)
      .parse(argc, argv);
  return o;
}

void line(const std::string& what, const std::string& figure) {
  std::printf("%-60s %s\n", what.c_str(), figure.c_str());
  std::fflush(stdout);
}

std::string memory_line(const bench::ProcessMemory& m) {
  return fmt::format("RSS {:.0f} MiB, peak {:.0f} MiB, live heap {:.0f} MiB",
                     bench::mib(m.rss_bytes), bench::mib(m.hwm_bytes),
                     bench::mib(m.heap_in_use_bytes));
}

runtime::RegistryStats registry_stats(caf::actor_system& system, const caf::actor& registry) {
  runtime::RegistryStats stats;
  caf::scoped_actor self{system};
  self->request(registry, std::chrono::seconds(30), runtime::stats_atom::value)
      .receive([&](runtime::RegistryStats& s) { stats = s; }, [](caf::error&) {});
  return stats;
}

// Stops the registry and every entity, and waits until CAF counts `running_before` actors or
// fewer again (the entities are gone, not just told to go).
void stop_entities(caf::actor_system& system, const caf::actor& registry, std::size_t running_before) {
  {
    caf::scoped_actor self{system};
    self->request(registry, std::chrono::seconds(60), runtime::stop_atom::value)
        .receive([] {}, [](caf::error&) {});
  }
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (system.registry().running() > running_before && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

// Waits until the live heap stops shrinking (actors are destroyed asynchronously after their
// exit message, a few hundred thousand of them take a while); returns the memory then.
bench::ProcessMemory settled_memory() {
  constexpr std::uint64_t kStillBytes = 1 << 20;
  constexpr int kChecksMax = 120;
  constexpr int kStillChecks = 3;  // in a row: a busy machine destroys actors in bursts
  auto last = bench::process_memory();
  int still_in_a_row = 0;
  for (int i = 0; i < kChecksMax && still_in_a_row < kStillChecks; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const auto now = bench::process_memory();
    const bool still = now.heap_in_use_bytes + kStillBytes > last.heap_in_use_bytes &&
                       last.heap_in_use_bytes + kStillBytes > now.heap_in_use_bytes;
    last = now;
    still_in_a_row = still ? still_in_a_row + 1 : 0;
  }
  return last;
}

double freed_per(const bench::ProcessMemory& before, const bench::ProcessMemory& after, double n) {
  return (static_cast<double>(before.heap_in_use_bytes) -
          static_cast<double>(after.heap_in_use_bytes)) /
         n;
}

// RSS once the allocator has returned its free pages, and the live heap.
bench::ProcessMemory trimmed_memory() {
  bench::release_free_memory();
  return bench::process_memory();
}

struct Phase {
  bench::ProcessMemory memory;
  runtime::StorageMemory storage;
};

// RocksDB's write buffers and block cache as they are now.
std::uint64_t buffer_bytes(const runtime::StorageMemory& s) { return s.memtables_bytes + s.block_cache_bytes; }

double per(std::uint64_t now, std::uint64_t base, double n) {
  return (static_cast<double>(now) - static_cast<double>(base)) / n;
}

// RocksDB's write buffers and block cache fill with whatever is written and stop at their
// configured size; they are reported apart and added at their limit in the projection, where
// scaling them with the conversations would overstate a million by gigabytes.
Phase report_phase(const std::string& phase, const Phase& baseline,
                   const runtime::StorageMemory& storage, const runtime::RegistryStats& stats,
                   double n) {
  const Phase now{trimmed_memory(), storage};
  line(phase + ": active / spawned / passivated entities",
       fmt::format("{} / {} / {}", stats.active, stats.spawned, stats.passivated));
  line(phase, memory_line(now.memory));
  line("  RocksDB memtables / block cache (bounded by configuration)",
       fmt::format("{:.0f} / {:.0f} MiB (at most {:.0f} / {:.0f})", bench::mib(storage.memtables_bytes),
                   bench::mib(storage.block_cache_bytes), bench::mib(storage.memtables_limit_bytes),
                   bench::mib(storage.block_cache_limit_bytes)));
  const double buffers = per(buffer_bytes(storage), buffer_bytes(baseline.storage), n);
  line("  RSS per active conversation (without RocksDB's buffers)",
       fmt::format("{:.0f} bytes ({:.0f})", per(now.memory.rss_bytes, baseline.memory.rss_bytes, n),
                   per(now.memory.rss_bytes, baseline.memory.rss_bytes, n) - buffers));
  line("  live heap per active conversation (without RocksDB's buffers)",
       fmt::format("{:.0f} bytes ({:.0f})",
                   per(now.memory.heap_in_use_bytes, baseline.memory.heap_in_use_bytes, n),
                   per(now.memory.heap_in_use_bytes, baseline.memory.heap_in_use_bytes, n) - buffers));
  return now;
}

// The node at start, RocksDB's buffers at their limit, and what each conversation adds.
std::string projection(const Phase& baseline, const Phase& now, double n) {
  const auto without_buffers = [](const Phase& p) {
    return static_cast<double>(p.memory.rss_bytes) - static_cast<double>(buffer_bytes(p.storage));
  };
  const double per_conversation = (without_buffers(now) - without_buffers(baseline)) / n;
  const double limits =
      static_cast<double>(now.storage.memtables_limit_bytes + now.storage.block_cache_limit_bytes);
  const double projected = without_buffers(baseline) + limits + per_conversation * kTargetConversations;
  return fmt::format("{:.2f} GiB (target <= 4 GiB: {})", projected / (1024.0 * 1024 * 1024),
                     projected <= kTargetBytesFor1M ? "met" : "NOT met");
}

// Waits until `count` entities passivated (the customers: nothing else idles out in the run),
// at most the idle timeout and a minute more; returns the seconds waited.
double wait_for_passivations(caf::actor_system& system, const caf::actor& registry,
                             std::uint64_t count, std::chrono::seconds idle_timeout) {
  const auto start = std::chrono::steady_clock::now();
  const auto give_up = start + idle_timeout + std::chrono::minutes(1);
  while (registry_stats(system, registry).passivated < count &&
         std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const auto options = parse(argc, argv);
  spdlog::set_level(spdlog::level::warn);
  fs::remove_all(options.dir);
  fs::create_directories(options.dir);
  auto questions = load::QuestionMix::from_file("config/kb/default_kb.jsonl");
  if (!questions) {
    std::fprintf(stderr, "active_conversations_bench: %s\n", questions.error().c_str());
    return 1;
  }

  caf::actor_system_config config;
  caf::actor_system system{config};
  runtime::NodeSettings settings;
  settings.data_dir = options.dir + "/node";
  settings.durability = runtime::DurabilityMode::none;
  settings.entity.idle_timeout = options.conversation_idle_seconds > 0
                                    ? std::chrono::seconds(options.conversation_idle_seconds)
                                    : kNoPassivation;
  settings.customer_idle_timeout = std::chrono::seconds(options.customer_idle_seconds);
  auto node = service::SwitchboardNode::start(system, settings, service::BotFiles{});
  if (!node) {
    std::fprintf(stderr, "active_conversations_bench: %s\n", node.error().c_str());
    return 1;
  }
  std::printf(
      "active_conversations_bench: %llu conversations x %d messages, %zu customers at a time, "
      "durability none, conversation idle timeout %s, customer idle timeout %llu s, block cache "
      "%zu MiB\n",
      static_cast<unsigned long long>(options.fill.conversations), options.fill.messages,
      options.fill.in_flight,
      options.conversation_idle_seconds > 0
          ? fmt::format("{} s", options.conversation_idle_seconds).c_str()
          : "24 h (none passivates)",
      static_cast<unsigned long long>(options.customer_idle_seconds),
      settings.block_cache_mb);
  auto* storage = dynamic_cast<runtime::RocksDbJournal*>((*node)->node().journal().get());
  const Phase baseline{trimmed_memory(), storage->memory()};
  const std::size_t running_at_start = system.registry().running();
  line("node started (bot trained, nothing active)", memory_line(baseline.memory));

  const auto filled = bench::fill_conversations((*node)->service(), *questions, options.fill);
  settled_memory();  // fire-and-forget effects (a customer's timeline entry) land
  const auto n = static_cast<double>(options.fill.conversations);
  line("fill: messages delivered / failed",
       fmt::format("{} / {}{}", filled.delivered, filled.failed,
                   filled.first_error.empty() ? "" : " (first: " + filled.first_error + ")"));
  line("fill: time, rate",
       fmt::format("{:.1f} s, {:.0f} messages/s, {:.0f} conversations/s", filled.seconds,
                   filled.delivered / filled.seconds, n / filled.seconds));
  const auto& registry = (*node)->node().registry();
  const auto with_customers = report_phase("right after the fill", baseline,
                                           storage->memory(), registry_stats(system, registry), n);

  // The customers' idle timeout passes; a conversation is resident until its own.
  const auto waited = wait_for_passivations(system, registry, options.fill.conversations,
                                            std::chrono::seconds(options.customer_idle_seconds));
  line("customers passivated after", fmt::format("{:.1f} s", waited));
  settled_memory();
  const auto after = report_phase("once every customer passivated (conversations resident)", baseline,
                                  storage->memory(), registry_stats(system, registry), n);
  if (options.conversation_idle_seconds == 0) {
    line("projected RSS for 1,000,000 active conversations, right after the fill",
         projection(baseline, with_customers, n));
    line("projected RSS for 1,000,000 active conversations", projection(baseline, after, n));
  }

  line("sizeof conversation actor / state",
       fmt::format("{} / {} bytes",
                   sizeof(runtime::EntityActor<conversation::Decider, conversation::Codec>),
                   sizeof(conversation::State)));
  line(
      "sizeof customer actor / state",
      fmt::format("{} / {} bytes", sizeof(runtime::EntityActor<customer::Decider, customer::Codec>),
                  sizeof(customer::State)));
  if (options.conversation_idle_seconds > 0) {
    // Open conversations nobody talks in: on disk, nothing resident but what the node indexes.
    const auto all_waited =
        wait_for_passivations(system, registry, 2 * options.fill.conversations,
                              std::chrono::seconds(options.conversation_idle_seconds));
    line("conversations passivated after", fmt::format("{:.1f} s more", all_waited));
    settled_memory();
    const auto idle = report_phase("conversations passivated too (open, idle)", baseline,
                                   storage->memory(), registry_stats(system, registry), n);
    line("projected RSS for 1,000,000 open idle conversations", projection(baseline, idle, n));
    // What passivation costs: a customer coming back finds the conversation on disk.
    const auto resumed = bench::resume_conversations((*node)->service(), *questions, options.fill, 1000);
    const auto& took = resumed.latency;
    line("a customer returns to a passivated conversation: deliver -> result",
         fmt::format("p50 {:.2f} ms, p99 {:.2f} ms, max {:.2f} ms ({} messages, {} failed{})",
                     took.p50_ms, took.p99_ms, took.max_ms, took.count, resumed.failed,
                     resumed.first_error.empty() ? "" : ": " + resumed.first_error));
  }
  // Where it goes: release the parts one after the other and see how much live heap each frees.
  // Freed heap is measured, not RSS: glibc keeps freed pages mapped.
  const auto with_everything = settled_memory();
  (*node)->reporting().stop();
  const auto without_reporting = settled_memory();
  line("  held by the reporting feed (projections), per conversation",
       fmt::format("{:.0f} bytes", freed_per(with_everything, without_reporting, n)));
  stop_entities(system, (*node)->node().registry(), running_at_start);
  const auto without_entities = settled_memory();
  line("  held by the entity actors and the registry, per conversation",
       fmt::format("{:.0f} bytes", freed_per(without_reporting, without_entities, n)));
  const auto rest = storage->memory();
  const double buffers = per(buffer_bytes(rest), buffer_bytes(baseline.storage), n);
  line("  RocksDB memtables and block cache (bounded), per conversation",
       fmt::format("{:.0f} bytes", buffers));
  line("  the rest (journal version cache, sink hub, router ...), per conversation",
       fmt::format("{:.0f} bytes",
                   per(without_entities.heap_in_use_bytes, baseline.memory.heap_in_use_bytes, n) -
                       buffers));
  if (options.probe_actors > 0) {
    const double floor = bench::idle_actor_heap_bytes(system, options.probe_actors, kNoPassivation);
    line(fmt::format("CAF floor: live heap per idle actor ({} probes)", options.probe_actors),
         fmt::format("{:.0f} bytes", floor));
  }
  (*node)->shutdown();
  if (!options.keep) fs::remove_all(options.dir);
  return filled.failed == 0 ? 0 : 1;
}
