#pragma once
// Everything reports are computed from, fed with the journal's feed in seq order: the analytics
// projection, the quality monitor run on each agent reply (and each conversation's end) with the
// conversation state before it, and the violations counted per hour, agent and rule. Pure and
// deterministic like the projection, so the live feed in the node (ProjectionFeed) and the
// offline `switchboard report` rebuild give the same figures for the same log.
//
// Violations are not persisted as events: they are a deterministic function of the log and the
// rules, so rebuilding from the log gives the same list (with the rules in force at rebuild time).

#include <cstdint>
#include <string>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/analytics/projection.hpp"
#include "runtime/quality/quality_monitor.hpp"
#include "runtime/quality/quality_projection.hpp"
#include "runtime/reporting/conversation_states.hpp"
#include "runtime/reporting/quality_inputs.hpp"
#include "runtime/reporting/reporting_service.hpp"

namespace sb::reporting {

// Conversation states are trimmed once per this many applied entries.
inline constexpr std::size_t kStateHousekeepingEvery = 4096;

class ReportingCore {
 public:
  explicit ReportingCore(QualityInputs inputs, analytics::ProjectionOptions options = {});
  ReportingCore(const ReportingCore&) = delete;
  ReportingCore& operator=(const ReportingCore&) = delete;

  // Applies one entry; returns the violations it revealed (none for a duplicate seq).
  std::vector<quality::Violation> apply(const runtime::FeedEntry& entry);

  // The filter's window resolved against the log (see ReportFilter), or why it is invalid.
  Expected<analytics::ReportQuery, service::ServiceError> resolve(const ReportFilter& filter) const;
  Expected<analytics::Report, service::ServiceError> report(const ReportFilter& filter) const;
  Expected<RenderedReport, service::ServiceError> render(const ReportRequest& request) const;

  std::uint64_t last_seq() const { return projection_.counters().last_seq; }
  const analytics::Projection& projection() const { return projection_; }
  const quality::QualityProjection& quality() const { return quality_; }

 private:
  std::vector<quality::Violation> check_conversation(const runtime::FeedEntry& entry);
  const std::string& kb_answer(const std::string& intent) const;

  QualityInputs inputs_;
  quality::QualityMonitor monitor_;
  analytics::Projection projection_;
  quality::QualityProjection quality_;
  ConversationStates states_;
  std::size_t since_housekeeping_ = 0;
  bool started_ = false;
};

}  // namespace sb::reporting
