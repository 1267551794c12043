#include "actors/ticket/ticket_wire.hpp"

#include <chrono>

#include "actors/ticket/sla_clock.hpp"
#include "actors/ticket/ticket_validation.hpp"

namespace sb::ticket::wire {
namespace {

template <class E>
E read_enum(std::uint8_t raw_value, std::string_view what, bool known) {
  if (!known) fail("unknown " + std::string(what) + " value " + std::to_string(raw_value));
  return static_cast<E>(raw_value);
}

template <class Init>
void write_field(const std::optional<FieldValue>& field, Init init) {
  if (!field) return;
  auto builder = init();
  builder.setValue(field->value);
  builder.setSource(raw(field->source));
}

std::optional<FieldValue> read_field(bool present, schema::FieldValue::Reader reader) {
  if (!present) return std::nullopt;
  const auto source = static_cast<FieldSource>(reader.getSource());
  if (!is_known(source)) fail("unknown field source value " + std::to_string(reader.getSource()));
  return FieldValue{read_text(reader.getValue()), source};
}

void write_calendar(schema::BusinessCalendar::Builder builder, const BusinessCalendar& calendar) {
  builder.setUtcOffsetMinutes(calendar.utc_offset_minutes);
  auto hours = builder.initOpeningHours(static_cast<unsigned>(calendar.opening_hours.size()));
  for (unsigned i = 0; i < hours.size(); ++i) {
    hours[i].setIsoWeekday(calendar.opening_hours[i].iso_weekday);
    hours[i].setOpenMinute(calendar.opening_hours[i].open_minute);
    hours[i].setCloseMinute(calendar.opening_hours[i].close_minute);
  }
  auto holidays = builder.initHolidayDays(static_cast<unsigned>(calendar.holidays.size()));
  for (unsigned i = 0; i < holidays.size(); ++i) {
    const std::chrono::sys_days day(calendar.holidays[i]);
    holidays.set(i, static_cast<std::int32_t>(day.time_since_epoch().count()));
  }
}

BusinessCalendar read_calendar(schema::BusinessCalendar::Reader reader) {
  BusinessCalendar calendar;
  calendar.utc_offset_minutes = reader.getUtcOffsetMinutes();
  if (reader.getOpeningHours().size() > kOpeningIntervalsMax ||
      reader.getHolidayDays().size() > kHolidaysMax) {
    fail("a business calendar has more opening windows or holidays than the limits allow");
  }
  for (auto interval : reader.getOpeningHours()) {
    calendar.opening_hours.push_back(
        {interval.getIsoWeekday(), interval.getOpenMinute(), interval.getCloseMinute()});
  }
  for (std::int32_t day : reader.getHolidayDays()) {
    calendar.holidays.emplace_back(std::chrono::sys_days(std::chrono::days(day)));
  }
  return calendar;
}

}  // namespace

void fail(std::string message) { throw DecodeError{std::move(message)}; }

std::string read_text(capnp::Text::Reader text) { return std::string(text.begin(), text.size()); }

Status read_status(std::uint8_t r) {
  return read_enum<Status>(r, "status", r <= static_cast<std::uint8_t>(Status::closed));
}
Channel read_channel(std::uint8_t r) {
  return read_enum<Channel>(r, "channel", is_known(static_cast<Channel>(r)));
}
Tier read_tier(std::uint8_t r) {
  return read_enum<Tier>(r, "tier", is_known(static_cast<Tier>(r)));
}
Priority read_priority(std::uint8_t r) {
  return read_enum<Priority>(r, "priority", is_known(static_cast<Priority>(r)));
}
TicketSource read_source(std::uint8_t r) {
  return read_enum<TicketSource>(r, "ticket source", is_known(static_cast<TicketSource>(r)));
}
SlaClockKind read_clock_kind(std::uint8_t r) {
  return read_enum<SlaClockKind>(r, "SLA clock", r >= 1 && r <= kSlaClockCount);
}
ClockPhase read_clock_phase(std::uint8_t r) {
  const bool known = r >= raw(ClockPhase::idle) && r <= raw(ClockPhase::stopped);
  return read_enum<ClockPhase>(r, "SLA clock phase", known);
}

void write_fields(schema::Fields::Builder b, const Fields& f) {
  write_field(f.category, [&] { return b.initCategory(); });
  write_field(f.order_number, [&] { return b.initOrderNumber(); });
  write_field(f.phone, [&] { return b.initPhone(); });
  write_field(f.email, [&] { return b.initEmail(); });
  write_field(f.product, [&] { return b.initProduct(); });
}

Fields read_fields(schema::Fields::Reader r) {
  return Fields{read_field(r.hasCategory(), r.getCategory()),
                read_field(r.hasOrderNumber(), r.getOrderNumber()),
                read_field(r.hasPhone(), r.getPhone()), read_field(r.hasEmail(), r.getEmail()),
                read_field(r.hasProduct(), r.getProduct())};
}

void write_policy(schema::SlaPolicy::Builder b, const SlaPolicy& policy) {
  b.setName(policy.name);
  b.setFirstResponseTargetMs(policy.first_response_target.count());
  b.setNextReplyTargetMs(policy.next_reply_target.count());
  b.setResolutionTargetMs(policy.resolution_target.count());
  b.setWarnFraction(policy.warn_fraction);
  if (policy.calendar) write_calendar(b.initCalendar(), *policy.calendar);
  b.setSupervisorGroup(policy.supervisor_group);
}

SlaPolicy read_policy(schema::SlaPolicy::Reader r) {
  SlaPolicy policy;
  policy.name = read_text(r.getName());
  policy.first_response_target = Duration(r.getFirstResponseTargetMs());
  policy.next_reply_target = Duration(r.getNextReplyTargetMs());
  policy.resolution_target = Duration(r.getResolutionTargetMs());
  policy.warn_fraction = r.getWarnFraction();
  if (r.hasCalendar()) policy.calendar = read_calendar(r.getCalendar());
  policy.supervisor_group = read_text(r.getSupervisorGroup());
  return policy;
}

void write_durations(capnp::List<std::int64_t>::Builder b, const ClockDurations& durations) {
  for (unsigned i = 0; i < durations.size(); ++i) b.set(i, durations[i].count());
}

ClockDurations read_durations(capnp::List<std::int64_t>::Reader r) {
  if (r.size() != kSlaClockCount) {
    fail("expected " + std::to_string(kSlaClockCount) + " SLA clock durations, got " +
         std::to_string(r.size()));
  }
  ClockDurations durations{};
  for (unsigned i = 0; i < kSlaClockCount; ++i) durations[i] = Duration(r[i]);
  return durations;
}

}  // namespace sb::ticket::wire
