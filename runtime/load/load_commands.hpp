#pragma once
// The `switchboard load` and `switchboard demo` commands; the CLI dispatches to them. Each
// returns a process exit code: 0 done, 1 the run failed, 2 bad options.

#include <ostream>
#include <string>
#include <vector>

namespace sb::load {

// switchboard load [options]: drives a running server (see kLoadUsage), prints the summary to
// `out`, the progress line to `err`, and writes --json FILE.
int run_load(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// switchboard demo [--storage.path DIR] [--storage.durability MODE] [load options]: starts an
// embedded server with the shipped knowledge base and sample agents, runs a short peak, prints a
// manager's summary, and leaves the data in place for `switchboard report`.
int run_demo(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace sb::load
