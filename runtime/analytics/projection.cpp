#include "runtime/analytics/projection.hpp"

#include <algorithm>

#include "actors/agent/agent_codec.hpp"
#include "actors/conversation/conversation_codec.hpp"
#include "actors/customer/customer_codec.hpp"
#include "actors/ticket/ticket_codec.hpp"
#include "runtime/analytics/report_builder.hpp"

namespace sb::analytics {
namespace {

template <class Event>
std::int64_t event_ms(const Event& event) {
  return to_unix_ms(std::visit([](const auto& e) { return e.at; }, event));
}

}  // namespace

Projection::Projection(ProjectionOptions options) : options_(options) {}

void Projection::apply(const runtime::FeedEntry& entry) {
  if (started_ && entry.seq <= counters_.last_seq) {
    ++counters_.duplicates;
    return;
  }
  started_ = true;
  counters_.last_seq = entry.seq;
  switch (dispatch(entry)) {
    case Outcome::applied:
      ++counters_.applied;
      break;
    case Outcome::ignored:
      ++counters_.ignored_kinds;
      return;
    case Outcome::undecodable:
      ++counters_.undecodable;
      return;
  }
  if (++since_housekeeping_ >= options_.housekeeping_every) housekeeping();
}

template <class Codec, class Tracker>
Projection::Outcome Projection::decode_into(const runtime::FeedEntry& entry, Tracker& tracker) {
  auto event = Codec::decode_event(entry.event.payload);
  if (!event) return Outcome::undecodable;
  advance_watermark(event_ms(*event));
  tracker.apply(entry.key.id, *event);
  return Outcome::applied;
}

Projection::Outcome Projection::dispatch(const runtime::FeedEntry& entry) {
  switch (entry.key.kind) {
    case EntityKind::conversation:
      return decode_into<conversation::Codec>(entry, conversations_);
    case EntityKind::agent:
      return decode_into<agent::Codec>(entry, agents_);
    case EntityKind::ticket:
      return decode_into<ticket::Codec>(entry, tickets_);
    case EntityKind::customer:
      // No report reads customer events yet; decoding still vets the payload.
      return customer::Codec::decode_event(entry.event.payload) ? Outcome::applied
                                                                : Outcome::undecodable;
    case EntityKind::router:
    case EntityKind::knowledge_base:
    case EntityKind::identity:
    case EntityKind::configuration:
    case EntityKind::quality_monitor:  // counted by the quality projection (runtime/reporting)
      return Outcome::ignored;
  }
  return Outcome::ignored;  // a kind byte this build does not know
}

void Projection::advance_watermark(std::int64_t at_ms) {
  counters_.watermark_ms = std::max(counters_.watermark_ms, at_ms);
}

void Projection::housekeeping() {
  since_housekeeping_ = 0;
  const std::int64_t now = counters_.watermark_ms;
  conversations_.evict_closed_before(now - options_.closed_conversation_retention.count());
  agents_.flush(now);
  models_.drop_before(hour_of(now) - options_.hours_kept);
}

Report Projection::report(const ReportQuery& query) const {
  Report report = build_report(models_, agents_, counters_.watermark_ms, query);
  report.feed = counters_;
  return report;
}

}  // namespace sb::analytics
