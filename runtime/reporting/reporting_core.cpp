#include "runtime/reporting/reporting_core.hpp"

#include <variant>

#include "actors/quality/quality_codec.hpp"
#include "runtime/analytics/quality_section.hpp"

namespace sb::reporting {
namespace {

using analytics::kHourMs;

service::ServiceError invalid(std::string message) {
  return {service::ErrorCode::invalid_argument, std::move(message), {}};
}

}  // namespace

ReportingCore::ReportingCore(analytics::ProjectionOptions options) : projection_(options) {}

std::optional<quality::Violation> ReportingCore::apply(const runtime::FeedEntry& entry) {
  // The projection counts duplicates itself; the quality counts must not see them twice either.
  const bool duplicate = started_ && entry.seq <= last_seq();
  started_ = true;
  projection_.apply(entry);
  if (duplicate || entry.key.kind != EntityKind::quality_monitor) return std::nullopt;
  auto event = quality::Codec::decode_event(entry.event.payload);
  if (!event) {
    ++undecodable_quality_;
    return std::nullopt;
  }
  const auto* detected = std::get_if<quality::ViolationDetected>(&*event);
  if (detected == nullptr) return std::nullopt;  // FeedChecked: the monitor's own bookkeeping
  auto violation = quality::as_violation(*detected);
  quality_.record(violation);
  return violation;
}

Expected<analytics::ReportQuery, service::ServiceError> ReportingCore::resolve(
    const ReportFilter& filter) const {
  const auto& hours = projection_.models().hours;
  const std::int64_t watermark = projection_.counters().watermark_ms;
  const std::int64_t first_ms = hours.empty() ? watermark : hours.begin()->first * kHourMs;
  const std::int64_t end_ms = (analytics::hour_of(watermark) + 1) * kHourMs;
  analytics::ReportQuery query;
  query.from = filter.from.value_or(from_unix_ms(first_ms));
  query.to = filter.to.value_or(from_unix_ms(end_ms));
  if (query.from > query.to) {
    return unexpected(invalid("the report window starts (" +
                              std::to_string(to_unix_ms(query.from)) + " ms) after it ends (" +
                              std::to_string(to_unix_ms(query.to)) + " ms)"));
  }
  query.channel = filter.channel;
  query.skill = filter.skill;
  query.tier = filter.tier;
  query.agent = filter.agent;
  query.top = filter.top;
  return query;
}

Expected<analytics::Report, service::ServiceError> ReportingCore::report(
    const ReportFilter& filter) const {
  auto query = resolve(filter);
  if (!query) return unexpected(query.error());
  analytics::Report report = projection_.report(*query);
  analytics::attach_quality(report, quality_);
  return report;
}

Expected<RenderedReport, service::ServiceError> ReportingCore::render(
    const ReportRequest& request) const {
  auto report = this->report(request.filter);
  if (!report) return unexpected(report.error());
  RenderedReport rendered;
  rendered.json = analytics::render_json(*report);
  if (request.text) rendered.text = analytics::render_text(*report);
  if (request.html) rendered.html = analytics::render_html(*report);
  return rendered;
}

}  // namespace sb::reporting
