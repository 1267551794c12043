// The composition root: the `switchboard` command. It parses the subcommand, builds the node
// from settings and the entity factories, and wires everything explicitly (no singletons).

#include <csignal>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <caf/all.hpp>
#include <caf/io/middleman.hpp>
#include <spdlog/spdlog.h>

#include "runtime/load/load_commands.hpp"
#include "runtime/node/settings.hpp"
#include "runtime/reporting/report_command.hpp"
#include "runtime/rpc/cli/terminal_clients.hpp"
#include "runtime/rpc/rpc_server.hpp"
#include "runtime/service/switchboard_node.hpp"
#include "runtime/verify/verify_command.hpp"

namespace {

constexpr const char* kVersion = "0.1.0";
constexpr const char* kDefaultConfigFile = "config/switchboard.ini";

constexpr const char* kUsage = R"(switchboard — an omnichannel customer-service engine

usage: switchboard <command> [options]

commands:
  demo       an embedded node with sample agents, a short peak through the load generator, and a
             summary; the data stays in ./data for `report`
  serve      run a node: RocksDB under ./data, RPC on 127.0.0.1:7400 (see config/switchboard.ini)
  load       drive a running node over RPC (load --help)
  chat       a customer chat in the terminal:  chat --channel web --user ID [--token T]
  desk       an agent desk in the terminal:    desk --agent ID [--token T]
  admin      administration:                   admin kb import FILE | agent add ID --skill orders:3 | queues
             node configuration (durable):     admin sla list | sla set TIER PRIORITY --first-response 30m
                                                 --next-reply 1h --resolution 1d [--warn 0.8] | sla remove TIER PRIORITY
                                               admin tiers show | tiers set [--regular-after-age 30d]
                                                 [--regular-after-orders N] [--vip-after-spend CENTS]
                                               admin skills list | skills define NAME [--offer-timeout 20s]
                                                 [--overflow GROUP] [--overflow-after 2m] [--relax-every 1m]
                                                 [--reserve PERMILLE] | skills remove NAME   (admin --help: all)
  kb         kb import FILE (the same as admin kb import FILE)
  backend    serve an orders file as the bot's business backend: backend --orders FILE [--token T]
             (until Ctrl-D; an integrator's own system registers with Admin.registerBusinessBackend)
  report     figures from the journal (read-only; a node may be running):
             report [--storage.path DIR] [--from T --to T] [--channel C --skill S --tier T --agent A]
                    [--json] [--html FILE]
  verify     replay every stored history through its entity's rules and read the feed end to end
             (read-only): verify [--storage.path DIR] [--threads N]; exit 1 names damaged entities
  version    print the version
  help       print this text

options (any command; CAF syntax, every option in config/switchboard.ini):
  --config FILE                 read options from FILE (default: config/switchboard.ini if present)
  --storage.path=DIR            data directory (default: ./data)
  --storage.durability=MODE     sync | batched | none (default: sync)
  --log.level=LEVEL             trace | debug | info | warn | error (default: info)
)";

std::vector<std::string> with_front(std::string first, std::vector<std::string> rest) {
  rest.insert(rest.begin(), std::move(first));
  return rest;
}

// `--config FILE` is CAF's `--config-file=FILE`.
std::vector<std::string> with_config_file_option(std::vector<std::string> args) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--config") {
      args[i] = "--config-file=" + args[i + 1];
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }
  return args;
}

// Blocks until SIGINT or SIGTERM (the signals are blocked in every thread, so none is lost).
int wait_for_signal(const sigset_t& signals) {
  int signal = 0;
  sigwait(&signals, &signal);
  return signal;
}

int serve(sb::runtime::SwitchboardConfig& config, const sigset_t& signals) {
  auto settings = config.node_settings();
  if (!settings) {
    std::cerr << "switchboard: " << settings.error() << "\n";
    return 2;
  }
  spdlog::set_level(spdlog::level::from_str(settings->log_level));
  caf::actor_system system{config};
  auto node = sb::service::SwitchboardNode::start(system, *settings, sb::service::BotFiles{settings->knowledge_base, settings->sample_orders});
  if (!node) {
    spdlog::critical("cannot start: {}", node.error());
    return 1;
  }
  sb::rpc::RpcServerConfig rpc_config;
  rpc_config.host = settings->rpc_host;
  rpc_config.port = settings->rpc_port;
  for (const auto& line : settings->rpc_tokens) {
    auto grant = sb::rpc::parse_token_grant(line);
    if (!grant) {
      spdlog::critical("rpc.tokens: {}", grant.error());
      return 2;
    }
    rpc_config.tokens.push_back(std::move(*grant));
  }
  rpc_config.reporting = &(*node)->reporting();
  sb::rpc::RpcServer server((*node)->service(), std::move(rpc_config));
  auto port = server.start();
  if (!port) {
    spdlog::critical("cannot listen on {}:{}: {}", settings->rpc_host, settings->rpc_port, port.error());
    return 1;
  }
  spdlog::info("switchboard {} serving Cap'n Proto RPC on {}:{}; Ctrl-C or SIGTERM stops it cleanly",
               kVersion, settings->rpc_host, *port);
  const int signal = wait_for_signal(signals);
  spdlog::info("signal {} received: closing RPC, finishing in-flight appends", signal);
  server.stop();
  (*node)->shutdown();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  const std::string command = args.empty() ? "help" : args.front();
  if (!args.empty()) args.erase(args.begin());
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "version" || command == "--version") {
    std::cout << "switchboard " << kVersion << "\n";
    return 0;
  }
  if (command == "chat") return sb::rpc::cli::run_chat(args, std::cin, std::cout);
  if (command == "desk") return sb::rpc::cli::run_desk(args, std::cin, std::cout);
  if (command == "backend") return sb::rpc::cli::run_backend(args, std::cin, std::cout);
  if (command == "admin") return sb::rpc::cli::run_admin(args, std::cin, std::cout);
  if (command == "load") return sb::load::run_load(args, std::cout, std::cerr);
  if (command == "demo") return sb::load::run_demo(args, std::cout, std::cerr);
  if (command == "report") return sb::reporting::run_report(args, std::cout, std::cerr);
  if (command == "verify") return sb::verify::run_verify(args, std::cout, std::cerr);
  if (command == "kb") return sb::rpc::cli::run_admin(with_front("kb", args), std::cin, std::cout);
  if (command != "serve") {
    std::cerr << "switchboard: unknown command '" << command << "'\n\n" << kUsage;
    return 2;
  }
  // Block the stop signals before CAF starts its threads, so sigwait() receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  args = with_config_file_option(std::move(args));
  sb::runtime::SwitchboardConfig config;
  const bool has_default_file = std::ifstream(kDefaultConfigFile).good();
  if (auto error = config.parse(args, has_default_file ? kDefaultConfigFile : nullptr)) {
    std::cerr << "switchboard: " << caf::to_string(error) << "\n";
    return 2;
  }
  if (config.cli_helptext_printed) return 0;
  return serve(config, signals);
}
