#pragma once
// The live side of reporting in a node: the quality monitor (actors/quality) checks every agent
// reply in the journal's feed and records each violation as an event; a ProjectionFeed actor
// tails the feed (every poll_interval, in bounded pages, and at once when the monitor recorded
// something) into a ReportingCore, pushes each newly recorded violation to the supervisors that
// subscribed (so only durable ones), and answers report queries (after catching up, so a report
// includes every event durable when it was asked for). LiveReporting is its ReportingService
// face for the RPC edge.
//
// Usage (SwitchboardNode::start does this):
//   auto reporting = LiveReporting::start(system, node.journal(), entity_context,
//                                         load_quality_inputs(files));
//   RpcServerConfig config; config.reporting = reporting.get();

#include <atomic>
#include <chrono>
#include <memory>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

#include "runtime/entity/entity_context.hpp"
#include "runtime/journal/journal.hpp"
#include "runtime/reporting/quality_inputs.hpp"
#include "runtime/reporting/reporting_service.hpp"

namespace sb::reporting {

struct ProjectionFeedOptions {
  std::chrono::milliseconds poll_interval{200};
  std::size_t page_entries = 1024;
  // Pages applied per turn before the actor yields to queries (then it continues at once).
  std::size_t pages_per_turn = 8;
};

class LiveReporting final : public ReportingService {
 public:
  // `journal` is read (reads may run beside the node's writer) and must stay open while the
  // feed runs; the quality monitor appends through `monitor_context.writer` (the node's journal
  // writer, so its durability mode applies), which must run until stop() returns.
  static std::unique_ptr<LiveReporting> start(caf::actor_system& system,
                                              std::shared_ptr<runtime::Journal> journal,
                                              runtime::EntityContext monitor_context,
                                              QualityInputs inputs,
                                              ProjectionFeedOptions options = {});
  ~LiveReporting() override;
  LiveReporting(const LiveReporting&) = delete;
  LiveReporting& operator=(const LiveReporting&) = delete;

  void report(ReportRequest request, service::Callback<RenderedReport> done) override;
  service::SubscriptionId subscribe_violations(std::shared_ptr<ViolationSink> sink) override;
  void unsubscribe_violations(service::SubscriptionId id) override;

  // Lets the quality monitor check and record the rest of the feed (bounded wait), then stops it
  // and the feed; later calls answer unavailable. Idempotent.
  void stop();

  // The feed position up to which every quality violation is recorded in the log.
  std::uint64_t quality_recorded_through() const;

 private:
  LiveReporting(caf::actor_system& system, caf::actor feed, caf::actor monitor,
                std::shared_ptr<std::atomic<std::uint64_t>> recorded_through)
      : system_(&system),
        feed_(std::move(feed)),
        monitor_(std::move(monitor)),
        recorded_through_(std::move(recorded_through)) {}

  caf::actor_system* system_;
  caf::actor feed_;
  caf::actor monitor_;
  std::shared_ptr<std::atomic<std::uint64_t>> recorded_through_;
  std::atomic<service::SubscriptionId> next_subscription_{1};
  std::atomic<bool> stopped_{false};
};

}  // namespace sb::reporting
