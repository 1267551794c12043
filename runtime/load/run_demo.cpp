#include <spdlog/spdlog.h>

#include "actors/common/time.hpp"
#include "runtime/load/embedded_server.hpp"
#include "runtime/load/load_commands.hpp"
#include "runtime/load/load_runner.hpp"
#include "runtime/load/manager_summary.hpp"
#include "runtime/load/result_file.hpp"
#include "runtime/load/run_analytics.hpp"
#include "runtime/service/switchboard_node.hpp"

namespace sb::load {
namespace {

constexpr const char* kDemoUsage =
    R"(switchboard demo — an embedded server, sample agents and a short peak

usage: switchboard demo [--storage.path DIR (./data)] [--storage.durability sync|batched|none]
                        [--orders FILE (config/kb/sample_orders.jsonl)] [load options]

Any `switchboard load` option changes the peak (e.g. --duration 40 --rate 80 --json demo.json).
The data stays in DIR afterwards: `switchboard report --storage.path DIR` reads it.
Time runs fast in the demo: a conversation the bot handles alone is resolved after 5 s of
silence (a real node waits conversation.bot-resolve-after, 30 min).
)";

constexpr auto kDemoBotResolveAfter = std::chrono::seconds(5);

// A morning that turns into a midnight-sale spike: ramp up, steady, a x4 peak, back to steady.
LoadOptions demo_defaults() {
  LoadOptions o;
  o.duration = std::chrono::seconds(25);
  o.shape.rate = 40;
  o.shape.ramp_seconds = 4;
  o.shape.spike_at_seconds = 12;
  o.shape.spike_seconds = 6;
  o.shape.spike_factor = 4;
  o.concurrency = 32;
  o.agents.count = 8;
  o.agents.chat_capacity = 3;
  o.agents.think_min = std::chrono::milliseconds(300);
  o.agents.think_max = std::chrono::milliseconds(1000);
  o.agents.presence_changes_per_minute = 1;
  o.drain = std::chrono::seconds(5);
  return o;
}

// Takes the demo's own options out of `args`; the rest are load options.
Expected<EmbeddedServerOptions, std::string> take_server_options(std::vector<std::string>& args) {
  EmbeddedServerOptions server;
  // The demo compresses a sale into half a minute: a customer silent for 5 s is done, where a
  // real one gets conversation.bot-resolve-after (30 min) before the bot resolves the chat.
  server.conversation.bot_resolve_after = kDemoBotResolveAfter;
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::optional<std::string> value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    const bool ours =
        name == "--storage.path" || name == "--storage.durability" || name == "--orders";
    if (!ours) {
      rest.push_back(args[i]);
      continue;
    }
    if (!value) {
      if (i + 1 >= args.size()) return unexpected(name + " needs a value");
      value = args[++i];
    }
    if (name == "--storage.path") {
      server.data_dir = *value;
    } else if (name == "--orders") {
      server.sample_orders = *value;
    } else if (auto mode = runtime::parse_durability_mode(*value)) {
      server.durability = *mode;
    } else {
      return unexpected("--storage.durability needs sync, batched or none");
    }
  }
  args = std::move(rest);
  return server;
}

}  // namespace

int run_demo(const std::vector<std::string>& args_in, std::ostream& out, std::ostream& err) {
  std::vector<std::string> args = args_in;
  for (const auto& arg : args) {
    if (arg == "--help" || arg == "-h") {
      out << kDemoUsage;
      return 0;
    }
  }
  auto server_options = take_server_options(args);
  if (!server_options) {
    err << "switchboard demo: " << server_options.error() << "\n\n" << kDemoUsage;
    return 2;
  }
  auto options = parse_load_args(args, demo_defaults());
  if (!options) {
    err << "switchboard demo: " << options.error() << "\n\n" << kDemoUsage;
    return 2;
  }
  server_options->knowledge_base = options->knowledge_base;
  server_options->agent_tokens = std::max(options->agents.count, 1);
  spdlog::set_level(spdlog::level::warn);  // the demo speaks in summaries, not logs

  auto server = EmbeddedServer::start(*server_options);
  if (!server) {
    err << "switchboard demo: " << server.error() << "\n";
    return 1;
  }
  auto& journal = *(*server)->node().node().journal();
  const auto seq_before = journal.last_seq();
  const auto started = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  out << "switchboard demo: server on 127.0.0.1:" << (*server)->port() << ", data in "
      << server_options->data_dir << " (durability "
      << runtime::to_string(server_options->durability) << "), " << options->agents.count
      << " agents; a " << options->duration.count() / 1000 << " s peak starts now\n"
      << std::flush;

  auto load_options = (*server)->load_options(*options);
  auto result = run_load_test(load_options, err, [&] { return (*server)->counters(); });
  if (!result) {
    err << "switchboard demo: " << result.error() << "\n";
    return 1;
  }
  const auto ended = std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now());
  // Whole hours around the run: the report's windows are hours.
  auto analysis = analyse_feed(journal, seq_before, started - std::chrono::hours(1),
                               ended + std::chrono::hours(1));
  (*server)->stop();
  if (!analysis) {
    err << "switchboard demo: " << analysis.error() << "\n";
    return 1;
  }
  out << render_manager_summary(*analysis, *result);
  out << "\nFor engineers\n" << render_summary(*result);
  out << "\nThe data is still in " << server_options->data_dir
      << ": `switchboard report --storage.path " << server_options->data_dir
      << "` reads it again.\n";
  if (auto error = write_result_file(options->json_path, to_json(*result))) {
    err << "switchboard demo: " << *error << "\n";
    return 1;
  }
  return 0;
}

}  // namespace sb::load
