#include "runtime/reporting/reporting_core.hpp"

#include <variant>

#include "actors/conversation/conversation_codec.hpp"
#include "runtime/analytics/quality_section.hpp"
#include "runtime/quality/reply_context.hpp"

namespace sb::reporting {
namespace {

using analytics::kHourMs;

service::ServiceError invalid(std::string message) {
  return {service::ErrorCode::invalid_argument, std::move(message), {}};
}

}  // namespace

ReportingCore::ReportingCore(QualityInputs inputs, analytics::ProjectionOptions options)
    : inputs_(std::move(inputs)), monitor_(inputs_.config), projection_(options) {}

std::vector<quality::Violation> ReportingCore::apply(const runtime::FeedEntry& entry) {
  // The projection counts duplicates itself; the monitor must not see them twice either.
  const bool duplicate = started_ && entry.seq <= last_seq();
  started_ = true;
  projection_.apply(entry);
  if (duplicate) return {};
  auto violations = check_conversation(entry);
  for (const auto& violation : violations) quality_.record(violation);
  if (++since_housekeeping_ >= kStateHousekeepingEvery) {
    since_housekeeping_ = 0;
    states_.evict(from_unix_ms(projection_.counters().watermark_ms));
  }
  return violations;
}

const std::string& ReportingCore::kb_answer(const std::string& intent) const {
  static const std::string kNone;
  auto it = inputs_.kb_answers.find(intent);
  return it == inputs_.kb_answers.end() ? kNone : it->second;
}

std::vector<quality::Violation> ReportingCore::check_conversation(const runtime::FeedEntry& entry) {
  if (entry.key.kind != EntityKind::conversation) return {};
  auto event = conversation::Codec::decode_event(entry.event.payload);
  if (!event) return {};  // counted by the projection as undecodable
  const std::string& id = entry.key.id;
  const conversation::State& before = states_.before(id, *event);
  if (const auto* replied = std::get_if<conversation::AgentReplied>(&*event)) {
    return monitor_.check_reply(
        quality::reply_context(id, before, *replied, kb_answer(before.intent)));
  }
  // A conversation's end is checked once per episode: when an agent resolves it, or when it is
  // closed while still assigned (closing after a resolution was checked at the resolution).
  if (const auto* resolved = std::get_if<conversation::Resolved>(&*event)) {
    if (resolved->by_agent_id.empty()) return {};
    return monitor_.check_conversation_end(
        quality::end_context(id, before, resolved->by_agent_id, resolved->at));
  }
  if (const auto* closed = std::get_if<conversation::Closed>(&*event)) {
    if (before.phase != conversation::Phase::assigned || !before.assignment) return {};
    return monitor_.check_conversation_end(
        quality::end_context(id, before, before.assignment->agent_id, closed->at));
  }
  return {};
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
