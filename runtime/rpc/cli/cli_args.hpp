#pragma once
// Command-line arguments of the terminal clients: positional words and `--name value` options
// (an option may repeat), plus the connection options they all share.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runtime/rpc/client.hpp"

namespace sb::rpc::cli {

struct Args {
  std::vector<std::string> positional;
  std::multimap<std::string, std::string> options;

  std::optional<std::string> get(const std::string& name) const;
  std::vector<std::string> all(const std::string& name) const;
};

Expected<Args, std::string> parse_args(const std::vector<std::string>& args);

// Connects with --host/--port and authenticates with --token (or $SWITCHBOARD_TOKEN).
Expected<std::unique_ptr<Client>, std::string> connect_and_authenticate(const Args& args);

}  // namespace sb::rpc::cli
