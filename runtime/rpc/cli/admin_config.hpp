#pragma once
// switchboard admin sla|tiers|skills: show and change the node configuration over Admin.

#include <iosfwd>
#include <string>
#include <vector>

#include "runtime/rpc/cli/cli_args.hpp"

namespace sb::rpc::cli {

extern const char kConfigurationUsage[];

// True when the positional words name a configuration command (checked before connecting).
bool is_configuration_command(const std::vector<std::string>& words);

// REQUIRES: is_configuration_command(args.positional). Returns the process exit code.
int run_configuration_command(Client& client, const Args& args, std::ostream& out);

// "250ms", "30s", "5m", "2h", "7d" or plain milliseconds; nullopt for anything else (negative
// values included: the service would refuse them anyway, this says why sooner).
std::optional<std::int64_t> parse_duration_ms(const std::string& text);
// The largest whole unit: 90000 -> "90s", 1800000 -> "30m", 0 -> "0".
std::string format_duration_ms(std::int64_t ms);

}  // namespace sb::rpc::cli
