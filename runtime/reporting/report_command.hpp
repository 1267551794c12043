#pragma once
// `switchboard report`: opens a node's journal read-only, rebuilds the figures from the whole
// feed (ReportingCore, the same code the live node runs) and prints them. Options:
// report_options.hpp.
//
// Exit codes: 0 done, 1 the data directory cannot be read (missing, empty, not a journal, I/O),
// 2 bad options.

#include <ostream>
#include <string>
#include <vector>

namespace sb::reporting {

// Feed entries read per page while rebuilding (bounds memory whatever the log's size).
inline constexpr std::size_t kRebuildPageEntries = 4096;

int run_report(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace sb::reporting
