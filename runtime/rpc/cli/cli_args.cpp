#include "runtime/rpc/cli/cli_args.hpp"

#include <charconv>
#include <cstdlib>

namespace sb::rpc::cli {

constexpr char kTokenEnvironment[] = "SWITCHBOARD_TOKEN";

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Args::all(const std::string& name) const {
  std::vector<std::string> values;
  auto [first, last] = options.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

Expected<Args, std::string> parse_args(const std::vector<std::string>& args) {
  Args parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!args[i].starts_with("--")) {
      parsed.positional.push_back(args[i]);
      continue;
    }
    if (i + 1 >= args.size()) return unexpected("option " + args[i] + " needs a value");
    parsed.options.emplace(args[i].substr(2), args[i + 1]);
    ++i;
  }
  return parsed;
}

Expected<std::unique_ptr<Client>, std::string> connect_and_authenticate(const Args& args) {
  ClientOptions options;
  if (auto host = args.get("host")) options.host = *host;
  if (auto port = args.get("port")) {
    unsigned value = 0;
    auto [end, error] = std::from_chars(port->data(), port->data() + port->size(), value);
    if (error != std::errc() || end != port->data() + port->size() || value > 65535) {
      return unexpected("--port is a number 0..65535, not '" + *port + "'");
    }
    options.port = static_cast<std::uint16_t>(value);
  }
  auto token = args.get("token");
  if (!token) {
    if (const char* from_environment = std::getenv(kTokenEnvironment)) token = from_environment;
  }
  if (!token) return unexpected(std::string("give --token or set ") + kTokenEnvironment);
  auto client = Client::connect(options);
  if (!client) return unexpected(client.error());
  auto session = (*client)->authenticate(*token);
  if (!session) return unexpected("authentication failed: " + session.error().message);
  return std::move(*client);
}

}  // namespace sb::rpc::cli
