#include "actors/ticket/business_calendar.hpp"

#include <algorithm>
#include <cctype>
#include <array>

namespace sb::ticket {
namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kDayMs = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}

// 1970-01-01 (day 0) was a Thursday, ISO weekday 4.
int iso_weekday_of_day(std::int64_t day) {
  return static_cast<int>(((day % 7 + 7) % 7 + 3) % 7) + 1;
}

std::int64_t day_number(std::chrono::year_month_day date) {
  return std::chrono::sys_days(date).time_since_epoch().count();
}

struct Window {
  std::int64_t begin_ms;  // local, from the day's midnight
  std::int64_t end_ms;
};

// The calendar rearranged for scanning day by day: windows per weekday in order, holidays as
// sorted day numbers, all in local milliseconds.
class Schedule {
 public:
  explicit Schedule(const BusinessCalendar& calendar)
      : offset_ms_(static_cast<std::int64_t>(calendar.utc_offset_minutes) * kMinuteMs) {
    for (const OpeningInterval& interval : calendar.opening_hours) {
      weekly_[interval.iso_weekday - 1].push_back(
          {interval.open_minute * kMinuteMs, interval.close_minute * kMinuteMs});
    }
    for (auto& windows : weekly_) {
      std::sort(windows.begin(), windows.end(),
                [](const Window& a, const Window& b) { return a.begin_ms < b.begin_ms; });
    }
    for (const auto& date : calendar.holidays) holidays_.push_back(day_number(date));
    std::sort(holidays_.begin(), holidays_.end());
  }

  std::int64_t to_local_ms(Timestamp t) const { return to_unix_ms(t) + offset_ms_; }
  Timestamp from_local_ms(std::int64_t local_ms) const {
    return from_unix_ms(local_ms - offset_ms_);
  }

  // The day's windows relative to its midnight; none on a holiday.
  const std::vector<Window>& windows_of(std::int64_t day) const {
    static const std::vector<Window> kClosed;
    if (std::binary_search(holidays_.begin(), holidays_.end(), day)) return kClosed;
    return weekly_[iso_weekday_of_day(day) - 1];
  }

 private:
  std::int64_t offset_ms_;
  std::array<std::vector<Window>, 7> weekly_;
  std::vector<std::int64_t> holidays_;
};

std::optional<std::string> check_interval(const OpeningInterval& interval) {
  if (interval.iso_weekday < 1 || interval.iso_weekday > 7) {
    return "opening hours name weekday " + std::to_string(interval.iso_weekday) +
           "; weekdays are 1 (Monday) to 7 (Sunday)";
  }
  if (interval.open_minute >= interval.close_minute || interval.close_minute > kMinutesPerDay) {
    return "opening window " + std::to_string(interval.open_minute) + "-" +
           std::to_string(interval.close_minute) +
           " is not a non-empty range of minutes inside one day (0-1440)";
  }
  return std::nullopt;
}

std::optional<std::string> check_no_overlap(const BusinessCalendar& calendar) {
  std::vector<OpeningInterval> sorted = calendar.opening_hours;
  std::sort(sorted.begin(), sorted.end(), [](const OpeningInterval& a, const OpeningInterval& b) {
    return a.iso_weekday != b.iso_weekday ? a.iso_weekday < b.iso_weekday
                                          : a.open_minute < b.open_minute;
  });
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i].iso_weekday == sorted[i - 1].iso_weekday &&
        sorted[i].open_minute < sorted[i - 1].close_minute) {
      return "opening windows overlap on weekday " + std::to_string(sorted[i].iso_weekday);
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> check_calendar(const BusinessCalendar& calendar) {
  if (calendar.utc_offset_minutes < -kUtcOffsetMinutesMax ||
      calendar.utc_offset_minutes > kUtcOffsetMinutesMax) {
    return "UTC offset " + std::to_string(calendar.utc_offset_minutes) +
           " minutes is outside -840..840";
  }
  if (calendar.opening_hours.empty())
    return "a business calendar needs at least one opening window";
  if (calendar.opening_hours.size() > kOpeningIntervalsMax) {
    return "a business calendar has " + std::to_string(calendar.opening_hours.size()) +
           " opening windows; the limit is " + std::to_string(kOpeningIntervalsMax);
  }
  for (const OpeningInterval& interval : calendar.opening_hours) {
    if (auto why = check_interval(interval)) return why;
  }
  if (auto why = check_no_overlap(calendar)) return why;
  if (calendar.holidays.size() > kHolidaysMax) {
    return "a business calendar has " + std::to_string(calendar.holidays.size()) +
           " holidays; the limit is " + std::to_string(kHolidaysMax);
  }
  for (const auto& date : calendar.holidays) {
    if (!date.ok()) return "a holiday is not a valid calendar date";
  }
  return std::nullopt;
}

Duration business_time_between(const BusinessCalendar& calendar, Timestamp from, Timestamp to) {
  if (to <= from) return Duration(0);
  const Schedule schedule(calendar);
  const std::int64_t from_local = schedule.to_local_ms(from);
  const std::int64_t to_local = schedule.to_local_ms(to);
  std::int64_t total_ms = 0;
  const std::int64_t last_day = floor_div(to_local - 1, kDayMs);
  for (std::int64_t day = floor_div(from_local, kDayMs); day <= last_day; ++day) {
    const std::int64_t midnight = day * kDayMs;
    for (const Window& window : schedule.windows_of(day)) {
      const std::int64_t lo = std::max(from_local, midnight + window.begin_ms);
      const std::int64_t hi = std::min(to_local, midnight + window.end_ms);
      if (hi > lo) total_ms += hi - lo;
    }
  }
  return Duration(total_ms);
}

std::optional<Timestamp> business_deadline(const BusinessCalendar& calendar, Timestamp from,
                                           Duration business_time) {
  if (business_time <= Duration(0)) return from;
  const Schedule schedule(calendar);
  const std::int64_t from_local = schedule.to_local_ms(from);
  std::int64_t remaining_ms = business_time.count();
  const std::int64_t first_day = floor_div(from_local, kDayMs);
  for (std::int64_t day = first_day; day <= first_day + kDeadlineSearchDaysMax; ++day) {
    const std::int64_t midnight = day * kDayMs;
    for (const Window& window : schedule.windows_of(day)) {
      const std::int64_t start = std::max(from_local, midnight + window.begin_ms);
      const std::int64_t end = midnight + window.end_ms;
      if (end <= start) continue;
      if (remaining_ms <= end - start) return schedule.from_local_ms(start + remaining_ms);
      remaining_ms -= end - start;
    }
  }
  return std::nullopt;
}

Duration business_time_between(const std::optional<BusinessCalendar>& calendar, Timestamp from,
                               Timestamp to) {
  if (calendar) return business_time_between(*calendar, from, to);
  return to > from ? to - from : Duration(0);
}

std::optional<Timestamp> business_deadline(const std::optional<BusinessCalendar>& calendar,
                                           Timestamp from, Duration business_time) {
  if (calendar) return business_deadline(*calendar, from, business_time);
  return business_time > Duration(0) ? from + business_time : from;
}

}  // namespace sb::ticket

namespace sb::ticket {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::optional<std::uint8_t> weekday_of(std::string_view name) {
  static constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (std::uint8_t i = 0; i < 7; ++i) {
    if (name == kDays[i]) return static_cast<std::uint8_t>(i + 1);
  }
  return std::nullopt;
}

// "HH:MM" as minutes of the day, 00:00..24:00.
std::optional<std::uint16_t> minute_of(std::string_view hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return std::nullopt;
  for (std::size_t i : {0u, 1u, 3u, 4u}) {
    if (hhmm[i] < '0' || hhmm[i] > '9') return std::nullopt;
  }
  const int hours = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
  const int minutes = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return std::nullopt;
  return static_cast<std::uint16_t>(hours * 60 + minutes);
}

std::optional<std::string> parse_offset(std::string_view item, BusinessCalendar& calendar) {
  // "utc+08:00" / "utc-05:30"
  if (item.size() != 9 || (item[3] != '+' && item[3] != '-')) return "a UTC offset is written utc+HH:MM";
  auto minutes = minute_of(item.substr(4));
  if (!minutes || *minutes > kUtcOffsetMinutesMax) return "a UTC offset is at most 14:00";
  calendar.utc_offset_minutes = item[3] == '-' ? -static_cast<std::int32_t>(*minutes) : *minutes;
  return std::nullopt;
}

std::optional<std::string> parse_window(std::string_view item, BusinessCalendar& calendar) {
  const auto space = item.find(' ');
  if (space == std::string_view::npos) return "'" + std::string(item) + "' is not 'days HH:MM-HH:MM'";
  const auto days = item.substr(0, space);
  const auto times = trim(item.substr(space + 1));
  const auto dash = days.find('-');
  const auto first = weekday_of(days.substr(0, dash));
  const auto last = dash == std::string_view::npos ? first : weekday_of(days.substr(dash + 1));
  if (!first || !last || *last < *first) return "'" + std::string(days) + "' is not a day or a day range (mon..sun)";
  if (times.size() != 11 || times[5] != '-') return "'" + std::string(times) + "' is not HH:MM-HH:MM";
  const auto open = minute_of(times.substr(0, 5));
  const auto close = minute_of(times.substr(6));
  if (!open || !close || *close <= *open) return "'" + std::string(times) + "' is not an opening window within a day";
  for (auto day = *first; day <= *last; ++day) calendar.opening_hours.push_back({day, *open, *close});
  return std::nullopt;
}

}  // namespace

Expected<BusinessCalendar, std::string> parse_opening_hours(std::string_view spec) {
  BusinessCalendar calendar;
  std::string lower(spec);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view rest = lower;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    const auto item = trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (item.empty()) continue;
    auto problem = item.starts_with("utc") ? parse_offset(item, calendar) : parse_window(item, calendar);
    if (problem) return unexpected("opening hours: " + *problem);
  }
  if (auto problem = check_calendar(calendar)) return unexpected("opening hours: " + *problem);
  return calendar;
}

}  // namespace sb::ticket
