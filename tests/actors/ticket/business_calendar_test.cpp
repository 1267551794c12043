// Business-time arithmetic: opening hours, nights, weekends, holidays, fixed UTC offsets.

#include "actors/ticket/business_calendar.hpp"

#include <random>

#include <gtest/gtest.h>

namespace sb::ticket {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

constexpr std::int32_t kShanghai = 8 * 60;
constexpr std::uint16_t k0900 = 9 * 60;
constexpr std::uint16_t k1800 = 18 * 60;

// Local wall-clock time in a fixed offset, as a UTC instant.
Timestamp local(int y, unsigned m, unsigned d, int hour, int minute, std::int32_t offset_minutes) {
  const sys_days date = year{y} / month{m} / std::chrono::day{d};
  return Timestamp(duration_cast<Duration>(date.time_since_epoch()) + hours(hour) +
                   minutes(minute) - minutes(offset_minutes));
}
Timestamp sh(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  return local(y, m, d, hour, minute, kShanghai);
}

// Monday to Friday 09:00-18:00 in UTC+08:00. 2024-03-04 is a Monday.
BusinessCalendar office_hours(std::int32_t offset = kShanghai) {
  BusinessCalendar calendar;
  calendar.utc_offset_minutes = offset;
  for (std::uint8_t weekday = 1; weekday <= 5; ++weekday) {
    calendar.opening_hours.push_back({weekday, k0900, k1800});
  }
  return calendar;
}

TEST(BusinessCalendar, ValidCalendarPasses) {
  EXPECT_EQ(check_calendar(office_hours()), std::nullopt);
}

TEST(BusinessCalendar, RejectsCalendarsThatCannotBeUsed) {
  BusinessCalendar none;
  EXPECT_EQ(check_calendar(none), "a business calendar needs at least one opening window");

  auto bad_weekday = office_hours();
  bad_weekday.opening_hours.push_back({8, 0, 60});
  EXPECT_EQ(check_calendar(bad_weekday),
            "opening hours name weekday 8; weekdays are 1 (Monday) to 7 (Sunday)");

  auto empty_window = office_hours();
  empty_window.opening_hours.push_back({6, 600, 600});
  EXPECT_EQ(check_calendar(empty_window),
            "opening window 600-600 is not a non-empty range of minutes inside one day (0-1440)");

  auto past_midnight = office_hours();
  past_midnight.opening_hours.push_back({6, 600, 1441});
  EXPECT_TRUE(check_calendar(past_midnight).has_value());

  auto overlap = office_hours();
  overlap.opening_hours.push_back({3, 17 * 60, 20 * 60});
  EXPECT_EQ(check_calendar(overlap), "opening windows overlap on weekday 3");

  auto offset = office_hours(15 * 60);
  EXPECT_EQ(check_calendar(offset), "UTC offset 900 minutes is outside -840..840");

  auto bad_holiday = office_hours();
  bad_holiday.holidays.push_back(year{2024} / February / 30);
  EXPECT_EQ(check_calendar(bad_holiday), "a holiday is not a valid calendar date");

  auto too_many = office_hours();
  too_many.opening_hours.assign(kOpeningIntervalsMax + 1, {6, 0, 1});
  EXPECT_EQ(check_calendar(too_many),
            "a business calendar has 29 opening windows; the limit is 28");

  auto many_holidays = office_hours();
  many_holidays.holidays.assign(kHolidaysMax + 1, year{2024} / May / 1);
  EXPECT_TRUE(check_calendar(many_holidays).has_value());
}

TEST(BusinessCalendar, TimeWithinOneDay) {
  EXPECT_EQ(business_time_between(office_hours(), sh(2024, 3, 4, 10), sh(2024, 3, 4, 12)), 2h);
  // Before opening and after closing do not count.
  EXPECT_EQ(business_time_between(office_hours(), sh(2024, 3, 4, 7), sh(2024, 3, 4, 20)), 9h);
}

TEST(BusinessCalendar, EmptyOrBackwardsSpanIsZero) {
  EXPECT_EQ(business_time_between(office_hours(), sh(2024, 3, 4, 12), sh(2024, 3, 4, 12)), 0ms);
  EXPECT_EQ(business_time_between(office_hours(), sh(2024, 3, 4, 12), sh(2024, 3, 4, 10)), 0ms);
}

TEST(BusinessCalendar, OvernightSkipsTheClosedHours) {
  EXPECT_EQ(business_time_between(office_hours(), sh(2024, 3, 4, 17), sh(2024, 3, 5, 10)), 2h);
}

TEST(BusinessCalendar, WeekendDoesNotCount) {
  // Friday 17:00 to Monday 10:00.
  EXPECT_EQ(business_time_between(office_hours(), sh(2024, 3, 8, 17), sh(2024, 3, 11, 10)), 2h);
  EXPECT_EQ(business_time_between(office_hours(), sh(2024, 3, 9, 10), sh(2024, 3, 10, 20)), 0ms);
}

TEST(BusinessCalendar, HolidaysAreClosedAllDay) {
  auto calendar = office_hours();
  calendar.holidays = {year{2024} / March / 5};  // Tuesday
  EXPECT_EQ(business_time_between(calendar, sh(2024, 3, 4, 17), sh(2024, 3, 6, 10)), 2h);
  EXPECT_EQ(business_time_between(calendar, sh(2024, 3, 5, 9), sh(2024, 3, 5, 18)), 0ms);
}

TEST(BusinessCalendar, FullWeekCountsFortyFiveHours) {
  EXPECT_EQ(business_time_between(office_hours(), sh(2024, 3, 4, 0), sh(2024, 3, 11, 0)), 45h);
}

TEST(BusinessCalendar, DeadlineWithinOpeningHours) {
  EXPECT_EQ(business_deadline(office_hours(), sh(2024, 3, 4, 10), 90min), sh(2024, 3, 4, 11, 30));
}

TEST(BusinessCalendar, ZeroDurationDeadlineIsTheStart) {
  EXPECT_EQ(business_deadline(office_hours(), sh(2024, 3, 9, 3), 0ms), sh(2024, 3, 9, 3));
}

TEST(BusinessCalendar, DeadlineOnClosingTimeIsTheClosingTime) {
  EXPECT_EQ(business_deadline(office_hours(), sh(2024, 3, 4, 16), 2h), sh(2024, 3, 4, 18));
}

TEST(BusinessCalendar, DeadlineRollsOverNightAndWeekend) {
  EXPECT_EQ(business_deadline(office_hours(), sh(2024, 3, 4, 17), 2h), sh(2024, 3, 5, 10));
  EXPECT_EQ(business_deadline(office_hours(), sh(2024, 3, 8, 17), 2h), sh(2024, 3, 11, 10));
  // Starting on a Saturday: the clock waits for Monday's opening.
  EXPECT_EQ(business_deadline(office_hours(), sh(2024, 3, 9, 12), 30min), sh(2024, 3, 11, 9, 30));
}

TEST(BusinessCalendar, DeadlineSkipsHolidays) {
  auto calendar = office_hours();
  calendar.holidays = {year{2024} / March / 11, year{2024} / March / 12};  // Monday, Tuesday
  EXPECT_EQ(business_deadline(calendar, sh(2024, 3, 8, 17), 2h), sh(2024, 3, 13, 10));
}

TEST(BusinessCalendar, WindowsAcrossMidnightAreTwoWindows) {
  BusinessCalendar night;
  night.utc_offset_minutes = kShanghai;
  night.opening_hours = {{1, 22 * 60, 24 * 60}, {2, 0, 2 * 60}};
  EXPECT_EQ(check_calendar(night), std::nullopt);
  EXPECT_EQ(business_time_between(night, sh(2024, 3, 4, 23), sh(2024, 3, 5, 1)), 2h);
  EXPECT_EQ(business_deadline(night, sh(2024, 3, 4, 23, 30), 1h), sh(2024, 3, 5, 0, 30));
  EXPECT_EQ(business_deadline(night, sh(2024, 3, 5, 1), 2h), sh(2024, 3, 11, 23));
}

TEST(BusinessCalendar, FixedOffsetDecidesTheLocalDay) {
  // Sunday 20:00 UTC is Monday 04:00 in UTC+08:00: closed, then Monday 09:00 local opens.
  const Timestamp sunday_evening_utc = local(2024, 3, 10, 20, 0, 0);
  EXPECT_EQ(business_deadline(office_hours(), sunday_evening_utc, 1h), sh(2024, 3, 11, 10));
  // The same instant is still Sunday 15:00 in UTC-05:00, so nothing is open until Monday.
  EXPECT_EQ(business_deadline(office_hours(-5 * 60), sunday_evening_utc, 1h),
            local(2024, 3, 11, 10, 0, -5 * 60));
  // Offsets are fixed: no daylight-saving shift around the US change on 2024-03-10.
  EXPECT_EQ(business_time_between(office_hours(-5 * 60), local(2024, 3, 8, 9, 0, -5 * 60),
                                  local(2024, 3, 11, 18, 0, -5 * 60)),
            18h);
}

TEST(BusinessCalendar, UnreachableDeadlineIsNullopt) {
  BusinessCalendar sparse;
  sparse.opening_hours = {{1, 0, 1}};  // one minute a week
  EXPECT_EQ(business_deadline(sparse, sh(2024, 3, 4, 0), 24h * 365), std::nullopt);
  EXPECT_EQ(business_deadline(sparse, sh(2024, 3, 4, 0), 2min), local(2024, 3, 11, 0, 1, 0));
}

TEST(BusinessCalendar, WithoutCalendarEveryMinuteCounts) {
  const std::optional<BusinessCalendar> none;
  EXPECT_EQ(business_time_between(none, sh(2024, 3, 9, 10), sh(2024, 3, 10, 10)), 24h);
  EXPECT_EQ(business_time_between(none, sh(2024, 3, 9, 10), sh(2024, 3, 9, 9)), 0ms);
  EXPECT_EQ(business_deadline(none, sh(2024, 3, 9, 10), 3h), sh(2024, 3, 9, 13));
  const std::optional<BusinessCalendar> office = office_hours();
  EXPECT_EQ(business_deadline(office, sh(2024, 3, 9, 10), 3h), sh(2024, 3, 11, 12));
}

// For random spans: business time is additive, and a deadline is the earliest instant at which
// exactly that much business time has passed.
TEST(BusinessCalendar, RandomSpansAreAdditiveAndDeadlinesAreTight) {
  auto calendar = office_hours();
  calendar.opening_hours.push_back({6, 10 * 60, 12 * 60 + 30});  // Saturday morning
  calendar.holidays = {year{2024} / March / 13, year{2024} / April / 1};
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    SCOPED_TRACE("seed=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::int64_t> offset_ms(0, 40LL * 24 * 3600 * 1000);
    for (int i = 0; i < 50; ++i) {
      Timestamp a = sh(2024, 3, 1, 0) + Duration(offset_ms(rng));
      Timestamp b = sh(2024, 3, 1, 0) + Duration(offset_ms(rng));
      if (b < a) std::swap(a, b);
      const Timestamp m = a + (b - a) / 3;
      ASSERT_EQ(business_time_between(calendar, a, b),
                business_time_between(calendar, a, m) + business_time_between(calendar, m, b));
      const Duration amount = Duration(offset_ms(rng) / 20);
      const auto deadline = business_deadline(calendar, a, amount);
      ASSERT_TRUE(deadline.has_value());
      ASSERT_EQ(business_time_between(calendar, a, *deadline), amount);
      if (amount > 0ms) {
        ASSERT_LT(business_time_between(calendar, a, *deadline - 1ms), amount);
      }
    }
  }
}

TEST(BusinessCalendar, OpeningHoursAreReadFromAPersonsSpec) {
  auto hours = parse_opening_hours("Mon-Fri 09:00-18:00, sat 10:00-24:00, UTC+08:00");
  ASSERT_TRUE(hours) << hours.error();
  EXPECT_EQ(hours->utc_offset_minutes, 8 * 60);
  ASSERT_EQ(hours->opening_hours.size(), 6u);
  EXPECT_EQ(hours->opening_hours.front(), (OpeningInterval{1, 9 * 60, 18 * 60}));
  EXPECT_EQ(hours->opening_hours.back(), (OpeningInterval{6, 10 * 60, 24 * 60}));
  EXPECT_EQ(parse_opening_hours("sun 08:30-12:00, utc-05:30")->utc_offset_minutes, -(5 * 60 + 30));
  for (const char* bad : {"", "utc+08:00", "mon", "fri-mon 09:00-18:00", "mon 18:00-09:00", "mon 9:00-18:00",
                          "mon 09:00-24:30", "xyz 09:00-10:00", "mon 09:00-18:00, utc+15:00",
                          "mon 09:00-12:00, mon 11:00-13:00"}) {
    auto parsed = parse_opening_hours(bad);
    EXPECT_FALSE(parsed) << "'" << bad << "' was accepted";
    if (!parsed) {
      EXPECT_EQ(parsed.error().rfind("opening hours: ", 0), 0u) << parsed.error();
    }
  }
}

}  // namespace
}  // namespace sb::ticket
