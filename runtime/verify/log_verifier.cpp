#include "runtime/verify/log_verifier.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "actors/agent/agent_codec.hpp"
#include "actors/agent/agent_decider.hpp"
#include "actors/configuration/configuration_codec.hpp"
#include "actors/configuration/configuration_decider.hpp"
#include "actors/conversation/conversation_codec.hpp"
#include "actors/conversation/conversation_decider.hpp"
#include "actors/customer/customer_codec.hpp"
#include "actors/customer/customer_decider.hpp"
#include "actors/knowledge_base/kb_codec.hpp"
#include "actors/knowledge_base/kb_decider.hpp"
#include "actors/quality/quality_codec.hpp"
#include "actors/quality/quality_decider.hpp"
#include "actors/ticket/ticket_codec.hpp"
#include "actors/ticket/ticket_decider.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/placement/placement.hpp"

namespace sb::verify {
namespace {

using Clock = std::chrono::steady_clock;
using Replay = Expected<void, std::string> (*)(const runtime::Recovery&);

constexpr std::size_t kFeedPageEntries = 4096;

// Rebuilds one entity's state as its actor does; the state is dropped afterwards.
template <class D, class C>
Expected<void, std::string> replay_as(const runtime::Recovery& recovery) {
  runtime::EntityState<D, C> state;
  return runtime::detail::apply_recovery<D, C>(state, recovery);
}

// nullptr: no entity of this kind keeps a history of its own (its events are only read).
Replay replay_for(EntityKind kind) {
  switch (kind) {
    case EntityKind::customer:
      return replay_as<customer::Decider, customer::Codec>;
    case EntityKind::conversation:
      return replay_as<conversation::Decider, conversation::Codec>;
    case EntityKind::agent:
      return replay_as<agent::Decider, agent::Codec>;
    case EntityKind::ticket:
      return replay_as<ticket::Decider, ticket::Codec>;
    case EntityKind::knowledge_base:
      return replay_as<knowledge_base::Decider, knowledge_base::Codec>;
    case EntityKind::configuration:
      return replay_as<configuration::Decider, configuration::Codec>;
    case EntityKind::quality_monitor:
      return replay_as<quality::Decider, quality::Codec>;
    case EntityKind::router:
    case EntityKind::identity:
      return nullptr;
  }
  return nullptr;
}

// One reader thread's share: its tallies and problems, merged into the report at the end.
struct Share {
  std::map<EntityKind, KindTally> kinds;
  std::uint64_t damaged = 0;
  std::vector<std::string> problems;
  std::optional<std::string> failure;  // the database could not be read
};

Share verify_range(runtime::RocksDbJournal& journal, std::uint32_t first, std::uint32_t end,
                   std::size_t problems_kept) {
  Share share;
  auto visit = [&](const runtime::EntityKey& key,
                   Expected<runtime::Recovery, runtime::JournalError>&& recovery) {
    auto& tally = share.kinds[key.kind];
    ++tally.entities;
    Expected<void, std::string> replayed =
        recovery ? Expected<void, std::string>{} : unexpected(recovery.error().message);
    if (recovery) {
      tally.events += recovery->events.size();
      if (recovery->snapshot) ++tally.snapshots;
      replayed = replay_history(key.kind, *recovery);
    }
    if (!replayed) {
      ++share.damaged;
      if (share.problems.size() < problems_kept) {
        share.problems.push_back(runtime::to_string(key) + ": " + replayed.error());
      }
    }
    return true;
  };
  if (auto scanned = journal.scan_recoveries(first, end, visit); !scanned) {
    share.failure = scanned.error().message;
  }
  return share;
}

void verify_feed(runtime::RocksDbJournal& journal, VerifyReport& report) {
  const auto start = Clock::now();
  std::uint64_t after = 0;
  for (;;) {
    auto page = journal.read_feed(after, kFeedPageEntries);
    if (!page) {
      report.feed_problem = "after seq " + std::to_string(after) + ": " + page.error().message;
      break;
    }
    report.feed_entries += page->size();
    if (page->size() < kFeedPageEntries) break;
    after = page->back().seq;
  }
  report.feed_seconds = std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

Expected<void, std::string> replay_history(EntityKind kind, const runtime::Recovery& recovery) {
  const auto replay = replay_for(kind);
  return replay ? replay(recovery) : Expected<void, std::string>{};
}

std::uint64_t VerifyReport::entities() const {
  std::uint64_t total = 0;
  for (const auto& [kind, tally] : kinds) total += tally.entities;
  return total;
}

std::uint64_t VerifyReport::events() const {
  std::uint64_t total = 0;
  for (const auto& [kind, tally] : kinds) total += tally.events;
  return total;
}

Expected<VerifyReport, std::string> verify_log(runtime::RocksDbJournal& journal,
                                               const VerifyOptions& options) {
  VerifyReport report;
  const std::size_t threads = std::clamp<std::size_t>(options.threads, 1, 64);
  std::vector<Share> shares(threads);
  const auto start = Clock::now();
  {
    std::vector<std::jthread> readers;
    for (std::size_t t = 0; t < threads; ++t) {
      const auto first = static_cast<std::uint32_t>(runtime::kVshardCount * t / threads);
      const auto end = static_cast<std::uint32_t>(runtime::kVshardCount * (t + 1) / threads);
      readers.emplace_back([&, t, first, end] {
        shares[t] = verify_range(journal, first, end, options.problems_kept);
      });
    }
  }
  report.entity_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (auto& share : shares) {
    if (share.failure) return unexpected(*share.failure);
    for (const auto& [kind, tally] : share.kinds) {
      auto& total = report.kinds[kind];
      total.entities += tally.entities;
      total.events += tally.events;
      total.snapshots += tally.snapshots;
    }
    report.damaged += share.damaged;
    for (auto& problem : share.problems) {
      if (report.problems.size() < options.problems_kept)
        report.problems.push_back(std::move(problem));
    }
  }
  if (options.feed) verify_feed(journal, report);
  return report;
}

}  // namespace sb::verify
