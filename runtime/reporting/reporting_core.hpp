#pragma once
// Everything reports are computed from, fed with the journal's feed in seq order: the analytics
// projection, and the quality violations the node's quality monitor recorded (ViolationDetected
// events, actors/quality) counted per hour, agent and rule. Pure and deterministic like the
// projection, so the live feed in the node (ProjectionFeed) and the offline `switchboard report`
// rebuild give the same figures for the same log.
//
// The rules themselves run once, in the monitor; reports only count what it recorded, so a
// rebuild gives the numbers the node saw, whatever rules are configured at rebuild time.

#include <cstdint>
#include <optional>
#include <string>

#include "actors/common/expected.hpp"
#include "runtime/analytics/projection.hpp"
#include "runtime/quality/quality_projection.hpp"
#include "runtime/quality/violation.hpp"
#include "runtime/reporting/reporting_service.hpp"

namespace sb::reporting {

class ReportingCore {
 public:
  explicit ReportingCore(analytics::ProjectionOptions options = {});
  ReportingCore(const ReportingCore&) = delete;
  ReportingCore& operator=(const ReportingCore&) = delete;

  // Applies one entry; returns the violation it records, if it is one (none for a duplicate seq).
  std::optional<quality::Violation> apply(const runtime::FeedEntry& entry);

  // The filter's window resolved against the log (see ReportFilter), or why it is invalid.
  Expected<analytics::ReportQuery, service::ServiceError> resolve(const ReportFilter& filter) const;
  Expected<analytics::Report, service::ServiceError> report(const ReportFilter& filter) const;
  Expected<RenderedReport, service::ServiceError> render(const ReportRequest& request) const;

  std::uint64_t last_seq() const { return projection_.counters().last_seq; }
  const analytics::Projection& projection() const { return projection_; }
  const quality::QualityProjection& quality() const { return quality_; }
  // Quality monitor events that did not decode (written by a newer version, or damaged).
  std::uint64_t undecodable_quality_events() const { return undecodable_quality_; }

 private:
  analytics::Projection projection_;
  quality::QualityProjection quality_;
  std::uint64_t undecodable_quality_ = 0;
  bool started_ = false;
};

}  // namespace sb::reporting
