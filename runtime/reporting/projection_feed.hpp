#pragma once
// The live side of reporting in a node: a ProjectionFeed actor tails the journal's feed (every
// poll_interval, in bounded pages) into a ReportingCore, pushes each new quality violation to the
// supervisors that subscribed, and answers report queries (after catching up, so a report
// includes every event durable when it was asked for). LiveReporting is its ReportingService
// face for the RPC edge.
//
// Usage (SwitchboardNode::start does this):
//   auto reporting = LiveReporting::start(system, node.journal(), load_quality_inputs(files));
//   RpcServerConfig config; config.reporting = reporting.get();

#include <atomic>
#include <chrono>
#include <memory>

#include <caf/actor.hpp>
#include <caf/actor_system.hpp>

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
  // `journal` is only read (reads may run beside the node's writer) and must stay open while
  // the feed runs.
  static std::unique_ptr<LiveReporting> start(caf::actor_system& system,
                                              std::shared_ptr<runtime::Journal> journal,
                                              QualityInputs inputs,
                                              ProjectionFeedOptions options = {});
  ~LiveReporting() override;
  LiveReporting(const LiveReporting&) = delete;
  LiveReporting& operator=(const LiveReporting&) = delete;

  void report(ReportRequest request, service::Callback<RenderedReport> done) override;
  service::SubscriptionId subscribe_violations(std::shared_ptr<ViolationSink> sink) override;
  void unsubscribe_violations(service::SubscriptionId id) override;

  // Stops the feed; later calls answer unavailable. Idempotent.
  void stop();

 private:
  explicit LiveReporting(caf::actor feed) : feed_(std::move(feed)) {}

  caf::actor feed_;
  std::atomic<service::SubscriptionId> next_subscription_{1};
  std::atomic<bool> stopped_{false};
};

}  // namespace sb::reporting
