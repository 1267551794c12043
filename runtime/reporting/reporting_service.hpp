#pragma once
// What the reporting side of a node offers the RPC edge: reports over any window and slice, and
// the live feed of quality violations for supervisors. Header-only and free of CAF and RocksDB, so
// sb_rpc can depend on it the way it depends on ServiceApi. Implemented by LiveReporting
// (projection_feed.hpp).
//
// Threading: like ServiceApi, every method may be called from any thread and returns at once;
// the callback runs later, exactly once, on a CAF worker. Sinks are called from a CAF worker and
// must be thread-safe and quick.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "actors/common/channel.hpp"
#include "actors/common/time.hpp"
#include "runtime/analytics/report.hpp"
#include "runtime/quality/violation.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::reporting {

// A report's window and slice as a caller asks for it. An unset end is the log's extent: from
// the first hour with events, to the end of the hour of the latest event.
struct ReportFilter {
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
  std::optional<Channel> channel;
  std::optional<std::string> skill;
  std::optional<Tier> tier;
  std::optional<std::string> agent;
  std::size_t top = analytics::kTopDefault;
};

// JSON is always rendered (it carries every figure); text and HTML on request.
struct ReportRequest {
  ReportFilter filter;
  bool text = false;
  bool html = false;
};

struct RenderedReport {
  std::string json;
  std::string text;  // empty unless requested
  std::string html;  // empty unless requested
};

class ViolationSink {
 public:
  virtual ~ViolationSink() = default;
  virtual void push(const quality::Violation& violation) = 0;
};

class ReportingService {
 public:
  virtual ~ReportingService() = default;

  // Bad windows (from after to) are invalid_argument; a stopped feed is unavailable.
  virtual void report(ReportRequest request, service::Callback<RenderedReport> done) = 0;

  // Every violation found from now on (not the past ones: reports count those).
  virtual service::SubscriptionId subscribe_violations(std::shared_ptr<ViolationSink> sink) = 0;
  virtual void unsubscribe_violations(service::SubscriptionId id) = 0;
};

}  // namespace sb::reporting
