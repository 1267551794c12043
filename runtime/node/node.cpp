#include "runtime/node/node.hpp"

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "runtime/journal/rocksdb_journal.hpp"
#include "runtime/messages.hpp"
#include "runtime/node/wake_scheduler.hpp"

namespace sb::runtime {
namespace {

// How late an append's timeout (10 s by default) may fire at most.
constexpr auto kDeadlineSweepPeriod = std::chrono::milliseconds(100);

}  // namespace

Node::Node(caf::actor_system& system, std::shared_ptr<Journal> journal, JournalActors actors,
           caf::actor registry, std::chrono::milliseconds wake_scan_interval,
           std::shared_ptr<RequestDeadlines> deadlines, caf::actor deadline_sweeper)
    : system_(system),
      journal_(std::move(journal)),
      journal_actors_(std::move(actors)),
      registry_(std::move(registry)),
      wake_scan_interval_(wake_scan_interval),
      deadlines_(std::move(deadlines)),
      deadline_sweeper_(std::move(deadline_sweeper)) {}

void Node::start_wake_scheduler() {
  if (wake_scheduler_) return;
  WakeSchedulerOptions options;
  options.rescan_interval = wake_scan_interval_;
  wake_scheduler_ = spawn_wake_scheduler(system_, journal_, registry_, options);
}

Node::~Node() { shutdown(); }

Expected<std::unique_ptr<Node>, std::string> Node::start(caf::actor_system& system,
                                                        const NodeSettings& settings,
                                                        EntityFactories factories) {
  RocksDbJournalOptions journal_options;
  journal_options.path = settings.data_dir;
  journal_options.block_cache_bytes = settings.block_cache_mb << 20;
  auto opened = RocksDbJournal::open(journal_options);
  if (!opened) return unexpected(opened.error().message);
  std::shared_ptr<Journal> journal = std::move(*opened);
  if (settings.durability == DurabilityMode::none) {
    spdlog::warn("storage.durability=none: acknowledged events are NOT fsynced; a power cut "
                 "loses them. Use it for tests and benchmarks only.");
  }
  JournalWriterOptions writer_options{settings.durability, settings.journal_group_max,
                                      settings.batched_sync_interval};
  auto actors = spawn_journal_actors(system, journal, writer_options, settings.journal_readers,
                                     /*detached=*/true);
  EntityContext context{actors.writer, actors.reader, caf::actor{}, settings.entity};
  context.options.timer_horizon = settings.wake_scan_interval;  // the scheduler covers the rest
  context.journal = journal;
  context.deadlines = std::make_shared<RequestDeadlines>();
  auto sweeper = spawn_deadline_sweeper(system, context.deadlines, kDeadlineSweepPeriod);
  auto registry = spawn_entity_registry(system, context, std::move(factories));
  spdlog::info("node started: data in {}, durability {}, {} events in the feed", settings.data_dir,
               to_string(settings.durability), journal->last_seq());
  return std::unique_ptr<Node>(new Node(system, journal, std::move(actors), std::move(registry),
                                        settings.wake_scan_interval, context.deadlines,
                                        std::move(sweeper)));
}

void Node::shutdown() {
  if (stopped_) return;
  stopped_ = true;
  caf::scoped_actor self{system_};
  if (wake_scheduler_) self->send(wake_scheduler_, stop_atom::value);
  // Entities first: no new appends. Then the writer: `stop` is queued behind every append it
  // already received, so each of those is written (and synced) before it quits.
  self->request(registry_, std::chrono::seconds(10), stop_atom::value)
      .receive([] {}, [](caf::error&) {});
  self->request(journal_actors_.writer, std::chrono::seconds(30), stop_atom::value)
      .receive([] {}, [](caf::error& error) {
        spdlog::error("journal writer did not stop cleanly: {}", caf::to_string(error));
      });
  self->send_exit(journal_actors_.reader, caf::exit_reason::user_shutdown);
  self->send_exit(deadline_sweeper_, caf::exit_reason::user_shutdown);
  spdlog::info("node stopped; {} events in the feed", journal_->last_seq());
}

}  // namespace sb::runtime
