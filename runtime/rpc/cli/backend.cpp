// switchboard backend --orders FILE: an integrator's business backend served from an orders file
// (the format of config/kb/sample_orders.jsonl), registered with a running node for as long as
// this process runs. A reference for integrators, and a way to try the bot on one's own orders.

#include <iostream>
#include <memory>

#include "runtime/bot/sample_backend.hpp"
#include "runtime/rpc/cli/cli_args.hpp"
#include "runtime/rpc/cli/format.hpp"
#include "runtime/rpc/cli/terminal_clients.hpp"

namespace sb::rpc::cli {

int run_backend(const std::vector<std::string>& args, std::istream& in, std::ostream& out) {
  auto parsed = parse_args(args);
  if (!parsed) return out << parsed.error() << '\n', 2;
  const auto file = parsed->get("orders");
  if (!file) {
    out << "usage: backend --orders FILE [--token T]   (FILE: one order per line, as "
           "config/kb/sample_orders.jsonl)\n";
    return 2;
  }
  auto orders = bot::SampleBackend::load(*file);
  if (!orders) return out << *file << ": " << orders.error().to_string() << '\n', 1;
  auto client = connect_and_authenticate(*parsed);
  if (!client) return out << client.error() << '\n', 1;
  auto registered = (*client)->register_business_backend(
      std::make_shared<const bot::SampleBackend>(std::move(*orders)));
  if (!registered) return out << describe(registered.error()) << '\n', 1;
  out << "the bot now looks orders up in " << *file
      << "; end of input (Ctrl-D) or /quit unregisters" << std::endl;
  for (std::string line; std::getline(in, line);) {
    if (line == "/quit") break;
  }
  return 0;
}

}  // namespace sb::rpc::cli
