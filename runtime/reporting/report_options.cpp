#include "runtime/reporting/report_options.hpp"

#include <charconv>
#include <chrono>
#include <functional>
#include <map>

namespace sb::reporting {
namespace {

using Setter = std::function<std::optional<std::string>(ReportOptions&, const std::string&)>;

std::optional<std::string> nonempty(const std::string& name, const std::string& value) {
  if (value.empty()) return "--" + name + " needs a value";
  return std::nullopt;
}

// Parses exactly `width` digits at `at` (a fixed-width ISO field).
std::optional<int> digits(std::string_view text, std::size_t at, std::size_t width) {
  if (at + width > text.size()) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + width, value);
  if (ec != std::errc() || end != text.data() + at + width) return std::nullopt;
  return value;
}

Setter time_setter(std::optional<Timestamp> ReportFilter::*field, std::string name) {
  return [field, name](ReportOptions& o, const std::string& v) -> std::optional<std::string> {
    auto at = parse_report_time(v);
    if (!at) {
      return "--" + name + " '" + v +
             "' is not a UTC time (2026-11-11, 2026-11-11T09:00Z) or unix milliseconds";
    }
    o.filter.*field = *at;
    return std::nullopt;
  };
}

Setter text_setter(std::optional<std::string> ReportFilter::*field, std::string name) {
  return [field, name](ReportOptions& o, const std::string& v) {
    if (auto error = nonempty(name, v)) return error;
    o.filter.*field = v;
    return std::optional<std::string>();
  };
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table = {
      {"storage.path",
       [](ReportOptions& o, const std::string& v) {
         o.data_dir = v;
         return nonempty("storage.path", v);
       }},
      {"quality.rules",
       [](ReportOptions& o, const std::string& v) {
         o.quality.rules = v;
         return nonempty("quality.rules", v);
       }},
      {"kb",
       [](ReportOptions& o, const std::string& v) {
         o.quality.knowledge_base = v;
         return nonempty("kb", v);
       }},
      {"from", time_setter(&ReportFilter::from, "from")},
      {"to", time_setter(&ReportFilter::to, "to")},
      {"skill", text_setter(&ReportFilter::skill, "skill")},
      {"agent", text_setter(&ReportFilter::agent, "agent")},
      {"channel",
       [](ReportOptions& o, const std::string& v) -> std::optional<std::string> {
         o.filter.channel = parse_channel(v);
         if (!o.filter.channel)
           return "--channel '" + v + "' is not a channel (web, app, wechat, ...)";
         return std::nullopt;
       }},
      {"tier",
       [](ReportOptions& o, const std::string& v) -> std::optional<std::string> {
         o.filter.tier = parse_tier(v);
         if (!o.filter.tier) return "--tier '" + v + "' is not a tier (new, regular, vip, ...)";
         return std::nullopt;
       }},
      {"html",
       [](ReportOptions& o, const std::string& v) {
         o.html_file = v;
         return nonempty("html", v);
       }},
  };
  return table;
}

}  // namespace

const char* const kReportUsage = R"(usage: switchboard report [options]

Rebuilds every figure from the journal (opened read-only; a running node may keep writing) and
prints tables, JSON, or writes a self-contained HTML page.

  --storage.path DIR     the node's data directory (default: ./data)
  --from TIME --to TIME  the window, UTC (2026-11-11, 2026-11-11T09:00Z) or unix ms;
                         default: every hour the log covers
  --channel NAME  --skill NAME  --tier NAME  --agent ID     slices
  --json                 print JSON instead of tables
  --html FILE            also write the HTML report with charts to FILE

Quality violations are counted from the ViolationDetected events the node's quality monitor
recorded in the journal, so they are the ones supervisors were shown. --quality.rules FILE and
--kb FILE are still accepted for older scripts and have no effect.
)";

std::optional<Timestamp> parse_report_time(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.find_first_not_of("0123456789") == std::string_view::npos) {
    std::int64_t ms = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), ms);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return from_unix_ms(ms);
  }
  if (text.back() == 'Z') text.remove_suffix(1);
  auto year = digits(text, 0, 4), month = digits(text, 5, 2), day = digits(text, 8, 2);
  if (!year || !month || !day || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(*year),
                                         std::chrono::month(static_cast<unsigned>(*month)),
                                         std::chrono::day(static_cast<unsigned>(*day))};
  if (!date.ok()) return std::nullopt;
  int hour = 0, minute = 0, second = 0;
  if (text.size() > 10) {
    if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
    auto h = digits(text, 11, 2), m = digits(text, 14, 2);
    if (!h || !m || text.size() < 16 || text[13] != ':' || *h > 23 || *m > 59) return std::nullopt;
    hour = *h;
    minute = *m;
    if (text.size() > 16) {
      auto s = digits(text, 17, 2);
      if (!s || text[16] != ':' || text.size() != 19 || *s > 59) return std::nullopt;
      second = *s;
    }
  }
  const auto at = std::chrono::sys_days(date) + std::chrono::hours(hour) +
                  std::chrono::minutes(minute) + std::chrono::seconds(second);
  return std::chrono::time_point_cast<Duration>(at);
}

Expected<ReportOptions, std::string> parse_report_options(const std::vector<std::string>& args) {
  ReportOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      options.help = true;
      continue;
    }
    if (arg == "--json") {
      options.json = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) return unexpected("unexpected argument '" + arg + "'");
    std::string name = arg.substr(2);
    std::string value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else {
      if (i + 1 >= args.size()) return unexpected("--" + name + " needs a value");
      value = args[++i];
    }
    auto setter = setters().find(name);
    if (setter == setters().end()) return unexpected("unknown option --" + name);
    if (auto error = setter->second(options, value)) return unexpected(*error);
  }
  if (options.filter.from && options.filter.to && *options.filter.from > *options.filter.to) {
    return unexpected(std::string("--from is after --to"));
  }
  return options;
}

}  // namespace sb::reporting
