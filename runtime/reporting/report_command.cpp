#include "runtime/reporting/report_command.hpp"

#include <fstream>

#include "runtime/journal/existing_journal.hpp"
#include "runtime/reporting/report_options.hpp"
#include "runtime/reporting/reporting_core.hpp"

namespace sb::reporting {
namespace {

constexpr int kExitData = 1;
constexpr int kExitUsage = 2;

// Opens the journal, or explains in one sentence why there is nothing to report on.
Expected<std::unique_ptr<runtime::RocksDbJournal>, std::string> open_journal(
    const std::string& dir) {
  // One sequential pass: a small cache is enough.
  auto journal = runtime::open_existing_journal(dir, 32u << 20);
  if (journal && (*journal)->last_seq() == 0) {
    return unexpected("the journal in " + dir + " has no events yet");
  }
  return journal;
}

Expected<void, std::string> rebuild(runtime::Journal& journal, ReportingCore& core) {
  for (;;) {
    auto page = journal.read_feed(core.last_seq(), kRebuildPageEntries);
    if (!page) return unexpected("reading the feed: " + page.error().message);
    if (page->empty()) return {};
    for (const auto& entry : *page) core.apply(entry);
  }
}

Expected<void, std::string> write_file(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return unexpected("cannot write " + path);
  file << text;
  if (!file.flush()) return unexpected("cannot write " + path);
  return {};
}

}  // namespace

int run_report(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto options = parse_report_options(args);
  if (!options) {
    err << "switchboard report: " << options.error() << "\n\n" << kReportUsage;
    return kExitUsage;
  }
  if (options->help) {
    out << kReportUsage;
    return 0;
  }
  auto journal = open_journal(options->data_dir);
  if (!journal) {
    err << "switchboard report: " << journal.error() << "\n";
    return kExitData;
  }
  ReportingCore core;
  if (auto rebuilt = rebuild(**journal, core); !rebuilt) {
    err << "switchboard report: " << rebuilt.error() << "\n";
    return kExitData;
  }
  ReportRequest request{options->filter, !options->json, options->html_file.has_value()};
  auto rendered = core.render(request);
  if (!rendered) {
    err << "switchboard report: " << rendered.error().message << "\n";
    return kExitUsage;
  }
  out << (options->json ? rendered->json : rendered->text);
  if (options->html_file) {
    if (auto written = write_file(*options->html_file, rendered->html); !written) {
      err << "switchboard report: " << written.error() << "\n";
      return kExitData;
    }
    err << "switchboard report: wrote " << *options->html_file << "\n";
  }
  return 0;
}

}  // namespace sb::reporting
