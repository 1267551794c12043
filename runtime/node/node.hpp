#pragma once
// One switchboard node: the journal (RocksDB), its actors and the entity registry, wired once.
// The composition root (switchboard_main.cpp) builds it with the entity factories.

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include <memory>

#include "runtime/entity/entity_registry.hpp"
#include "runtime/journal/journal.hpp"
#include "runtime/journal/journal_actor.hpp"
#include "runtime/node/settings.hpp"

namespace sb::runtime {

class Node {
 public:
  // Opens the journal under settings.data_dir and spawns the node's actors. A directory that
  // cannot be opened (read-only, locked by another node, corrupt) is an error, not a crash.
  static Expected<std::unique_ptr<Node>, std::string> start(caf::actor_system& system,
                                                            const NodeSettings& settings,
                                                            EntityFactories factories);
  ~Node();

  caf::actor registry() const { return registry_; }
  const JournalActors& journal_actors() const { return journal_actors_; }
  const std::shared_ptr<Journal>& journal() const { return journal_; }
  // Keeps the timeouts of the hot path's requests off CAF's clock (request_deadlines.hpp).
  const std::shared_ptr<RequestDeadlines>& deadlines() const { return deadlines_; }

  // Starts waking entities whose timers fall due (wake_scheduler.hpp). Call once whatever the
  // entities use is assembled: a woken entity runs its effects at once. Entities leave timers
  // further out than settings.wake_scan_interval to it, so a node without it never fires those.
  void start_wake_scheduler();

  // Stops the entities, lets the writer finish every append it has accepted, then stops it.
  void shutdown();

 private:
  Node(caf::actor_system& system, std::shared_ptr<Journal> journal, JournalActors actors,
       caf::actor registry, std::chrono::milliseconds wake_scan_interval,
       std::shared_ptr<RequestDeadlines> deadlines, caf::actor deadline_sweeper);

  caf::actor_system& system_;
  std::shared_ptr<Journal> journal_;
  JournalActors journal_actors_;
  caf::actor registry_;
  std::chrono::milliseconds wake_scan_interval_;
  caf::actor wake_scheduler_;  // wakes entities whose timers fall due (wake_scheduler.hpp)
  std::shared_ptr<RequestDeadlines> deadlines_;
  caf::actor deadline_sweeper_;  // times out overdue requests (request_deadlines.hpp)
  bool stopped_ = false;
};

}  // namespace sb::runtime
