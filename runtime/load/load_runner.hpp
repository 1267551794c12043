#pragma once
// Runs one load test against a server over RPC: registers and logs in the simulated agents,
// connects one adapter per channel of the mix, sends for the configured duration (open or closed
// loop), waits for the last replies and offers (the drain), ends the agents' shift and collects
// the figures. A progress line goes to `progress` once per second.

#include <functional>
#include <ostream>

#include <nlohmann/json.hpp>

#include "runtime/load/load_options.hpp"
#include "runtime/load/load_result.hpp"

namespace sb::load {

// Extra server counters an in-process caller can read (journal, RPC server); called at the end.
using ServerProbe = std::function<nlohmann::json()>;

Expected<LoadResult, std::string> run_load_test(const LoadOptions& options, std::ostream& progress,
                                                const ServerProbe& probe = {});

}  // namespace sb::load
