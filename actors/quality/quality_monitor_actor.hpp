#pragma once
// The quality monitor actor: the generic entity host around the monitor's core (recovery,
// decide -> append through the node's journal writer -> durable -> evolve), plus the loop that
// tails the journal's feed, runs the quality rules (ConversationChecker) on each conversation
// event and records what it found as RecordCheck commands.
//
// Exactly once: every record carries the feed position it checked through, in the same append as
// its violations, and the loop resumes after the recovered position. Entries checked but not yet
// recorded (no findings) are simply checked again after a restart; the rules are deterministic,
// so they find nothing again.
//
// One per node, spawned outside the registry (it must never run twice) and never passivated.
// Protocol: (quality_drain_atom) -> uint64_t: checks and records everything in the feed, answers
// the position and stops; for a clean shutdown, before the journal writer stops.

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>
#include <caf/atom.hpp>

#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/journal.hpp"
#include "runtime/quality/quality_config.hpp"

namespace sb::quality {

using quality_drain_atom = caf::atom_constant<caf::atom("qm_drain")>;

struct QualityRules {
  QualityConfig config;
  // intent -> its knowledge-base answer (both languages), for the kb_contradiction rule.
  std::unordered_map<std::string, std::string> kb_answers;
};

struct QualityMonitorOptions {
  std::chrono::milliseconds poll_interval{200};  // Default: look for new entries every 200 ms
  std::size_t page_entries = 1024;               // Default: feed entries read at a time
  // Runs on the monitor's thread after each durable record (e.g. wake the reporting feed).
  std::function<void()> after_record;
  // Set to the position up to which every violation is durable, as it advances (optional).
  std::shared_ptr<std::atomic<std::uint64_t>> recorded_through;
};

// `journal` is read directly (feed pages, conversation histories); appends go through
// `context.writer`, so the node's durability mode applies. `context.registry` is ignored.
caf::actor spawn_quality_monitor(caf::actor_system& system,
                                 std::shared_ptr<runtime::Journal> journal,
                                 runtime::EntityContext context, QualityRules rules,
                                 QualityMonitorOptions options = {});

}  // namespace sb::quality
