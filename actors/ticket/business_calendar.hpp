#pragma once
// Business-time arithmetic for SLA clocks: weekly opening hours in a fixed UTC offset (no DST, so
// the same instant always maps to the same local minute, on every node and in every replay) plus
// whole-day holidays. Pure: no clock reads, no time-zone database.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/common/expected.hpp"
#include "actors/common/time.hpp"

namespace sb::ticket {

inline constexpr std::size_t kOpeningIntervalsMax = 7 * 4;
inline constexpr std::size_t kHolidaysMax = 256;
inline constexpr std::int32_t kUtcOffsetMinutesMax = 14 * 60;
inline constexpr std::uint16_t kMinutesPerDay = 24 * 60;
// business_deadline gives up after this many calendar days: a calendar that opens a few minutes a
// week can make a long target unreachable, and the search must stay bounded.
inline constexpr std::int64_t kDeadlineSearchDaysMax = 10 * 366;

// One weekly opening window in local time, half-open: [open_minute, close_minute). A window that
// spans midnight is written as two windows on consecutive days.
struct OpeningInterval {
  std::uint8_t iso_weekday = 1;  // 1 = Monday ... 7 = Sunday
  std::uint16_t open_minute = 0;
  std::uint16_t close_minute = 0;  // (open_minute, kMinutesPerDay]
  bool operator==(const OpeningInterval&) const = default;
};

struct BusinessCalendar {
  std::int32_t utc_offset_minutes = 0;  // local = UTC + offset, fixed all year
  std::vector<OpeningInterval> opening_hours;
  std::vector<std::chrono::year_month_day> holidays;  // local dates, closed all day
  bool operator==(const BusinessCalendar&) const = default;
};

// Why `calendar` cannot be used, or nullopt when it can. Requires at least one opening window,
// windows inside one day and not overlapping, valid holiday dates, and the named limits above.
std::optional<std::string> check_calendar(const BusinessCalendar& calendar);

// Business time inside [from, to); zero when `to` is not after `from`.
// REQUIRES: check_calendar(calendar) == nullopt.
Duration business_time_between(const BusinessCalendar& calendar, Timestamp from, Timestamp to);

// The earliest instant t >= from with business_time_between(from, t) == business_time, or nullopt
// when the calendar does not open that long within kDeadlineSearchDaysMax days. A zero duration
// gives `from`; a deadline that falls on a closing time is that closing time.
// REQUIRES: check_calendar(calendar) == nullopt, business_time >= 0.
std::optional<Timestamp> business_deadline(const BusinessCalendar& calendar, Timestamp from,
                                           Duration business_time);

// The same two functions for an optional calendar: without one, every minute is business time.
Duration business_time_between(const std::optional<BusinessCalendar>& calendar, Timestamp from,
                               Timestamp to);
std::optional<Timestamp> business_deadline(const std::optional<BusinessCalendar>& calendar,
                                           Timestamp from, Duration business_time);

// Opening hours written by a person, e.g. "mon-fri 09:00-18:00, sat 10:00-16:00, utc+08:00":
// comma-separated items, each a day or a day range (mon..sun) with a time window, or the fixed
// UTC offset (default utc+00:00). "24:00" closes at midnight. The result passes check_calendar.
Expected<BusinessCalendar, std::string> parse_opening_hours(std::string_view spec);

}  // namespace sb::ticket
