#pragma once
// The analytics projection: fed with the journal's feed entries in seq order, it keeps the read
// models every report is computed from. Pure and deterministic: no clock (time is the events'
// own), no I/O; the same entries in the same order give the same reports, which is what makes
// "rebuild from the log" equal to the live projection.
//
// Usage:
//   Projection projection;
//   for (const auto& entry : journal.read_feed(after, max)) projection.apply(entry);
//   Report report = projection.report(ReportQuery{from, to});

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "runtime/analytics/agent_tracker.hpp"
#include "runtime/analytics/conversation_tracker.hpp"
#include "runtime/analytics/read_models.hpp"
#include "runtime/analytics/report.hpp"
#include "runtime/analytics/ticket_tracker.hpp"
#include "runtime/journal/journal_types.hpp"

namespace sb::analytics {

struct ProjectionOptions {
  // Hour buckets older than this before the watermark are dropped.
  std::int64_t hours_kept = 24 * 400;
  // A closed conversation is forgotten this long after its close (longer than any reopen window,
  // so a reopen still finds it and can retract its first-contact resolution).
  Duration closed_conversation_retention = std::chrono::hours(48);
  // Retention work runs once per this many applied entries.
  std::size_t housekeeping_every = 4096;
};

class Projection {
 public:
  explicit Projection(ProjectionOptions options = {});
  Projection(const Projection&) = delete;
  Projection& operator=(const Projection&) = delete;

  // Entries at or below the last applied seq are counted as duplicates and skipped; unknown kinds
  // and undecodable payloads are counted and skipped.
  void apply(const runtime::FeedEntry& entry);

  Report report(const ReportQuery& query) const;

  const FeedCounters& counters() const { return counters_; }
  const ReadModels& models() const { return models_; }
  std::size_t conversations_tracked() const { return conversations_.tracked(); }

 private:
  enum class Outcome { applied, ignored, undecodable };
  Outcome dispatch(const runtime::FeedEntry& entry);
  template <class Codec, class Tracker>
  Outcome decode_into(const runtime::FeedEntry& entry, Tracker& tracker);
  void housekeeping();
  void advance_watermark(std::int64_t at_ms);

  ProjectionOptions options_;
  ReadModels models_;
  ConversationTracker conversations_{models_};
  AgentTracker agents_{models_};
  TicketTracker tickets_{models_};
  FeedCounters counters_;
  std::size_t since_housekeeping_ = 0;
  bool started_ = false;
};

}  // namespace sb::analytics
