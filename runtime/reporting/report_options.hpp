#pragma once
// The options of `switchboard report`, parsed from the command line (`--name VALUE` or
// `--name=VALUE`). Every problem is a sentence naming the option.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/common/expected.hpp"
#include "actors/common/time.hpp"
#include "runtime/reporting/quality_inputs.hpp"
#include "runtime/reporting/reporting_service.hpp"

namespace sb::reporting {

struct ReportOptions {
  std::string data_dir = "./data";
  QualityFiles quality;  // accepted for older scripts; reports read violations from the log
  ReportFilter filter;
  bool json = false;
  std::optional<std::string> html_file;
  bool help = false;
};

Expected<ReportOptions, std::string> parse_report_options(const std::vector<std::string>& args);

// "2026-11-11", "2026-11-11T09:00", "2026-11-11T09:00:00Z", "2026-11-11 09:00Z" (UTC; a trailing
// "Z" is optional, other offsets are refused), or unix milliseconds ("1762851600000").
std::optional<Timestamp> parse_report_time(std::string_view text);

extern const char* const kReportUsage;

}  // namespace sb::reporting
