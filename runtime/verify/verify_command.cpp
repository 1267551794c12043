#include "runtime/verify/verify_command.hpp"

#include <charconv>
#include <ostream>

#include <fmt/format.h>

#include "runtime/journal/existing_journal.hpp"
#include "runtime/verify/log_verifier.hpp"

namespace sb::verify {
namespace {

constexpr int kExitDamaged = 1;
constexpr int kExitUsage = 2;
constexpr std::size_t kThreadsMax = 64;

struct VerifyCommandOptions {
  std::string data_dir = "./data";
  VerifyOptions verify;
  bool help = false;
};

Expected<VerifyCommandOptions, std::string> parse(const std::vector<std::string>& args) {
  VerifyCommandOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::string value;
    bool has_value = false;
    if (auto equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name.resize(equals);
      has_value = true;
    } else if (name != "--help" && name != "-h" && i + 1 < args.size()) {
      value = args[++i];
      has_value = true;
    }
    if (name == "--help" || name == "-h") {
      options.help = true;
    } else if (name == "--storage.path" && has_value && !value.empty()) {
      options.data_dir = value;
    } else if (name == "--threads" && has_value) {
      std::size_t threads = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), threads);
      if (ec != std::errc() || end != value.data() + value.size() || threads == 0 ||
          threads > kThreadsMax) {
        return unexpected("--threads '" + value + "' is not a number from 1 to " +
                          std::to_string(kThreadsMax));
      }
      options.verify.threads = threads;
    } else if (name == "--storage.path" || name == "--threads") {
      return unexpected(name + " needs a value");
    } else {
      return unexpected("unknown option '" + args[i] + "'");
    }
  }
  return options;
}

double per_second(double count, double seconds) { return seconds > 0 ? count / seconds : 0; }

void print(const VerifyReport& report, std::size_t threads, std::ostream& out) {
  for (const auto& [kind, tally] : report.kinds) {
    out << fmt::format("  {:<16} {:>10} entities {:>12} events {:>8} snapshots\n", to_string(kind),
                       tally.entities, tally.events, tally.snapshots);
  }
  out << fmt::format(
      "entities: {} replayed through their deciders in {:.2f} s ({:.0f} events/s, {} threads)\n",
      report.entities(), report.entity_seconds,
      per_second(double(report.events()), report.entity_seconds), threads);
  if (report.feed_problem) {
    out << fmt::format("feed: unreadable {}\n", *report.feed_problem);
  } else {
    out << fmt::format("feed: {} entries, gap-free, every event decodes ({:.2f} s)\n",
                       report.feed_entries, report.feed_seconds);
  }
  if (report.damaged > 0) {
    out << fmt::format("damaged: {} entities do not replay", report.damaged);
    out << (report.problems.size() < report.damaged
                ? fmt::format(" (the first {}):\n", report.problems.size())
                : std::string(":\n"));
    for (const auto& problem : report.problems) out << "  " << problem << "\n";
  }
  out << (report.clean() ? "verified: no damage found\n" : "verified: DAMAGE FOUND\n");
}

}  // namespace

const char* const kVerifyUsage =
    "usage: switchboard verify [--storage.path DIR] [--threads N]\n"
    "  Replays every entity's history in DIR (default ./data) through its decider and reads the\n"
    "  feed end to end; read-only, so it may run beside the node. Exit status 0 when nothing is\n"
    "  damaged, 1 when something is (each damaged entity is named) or DIR cannot be read.\n";

int run_verify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto options = parse(args);
  if (!options) {
    err << "switchboard verify: " << options.error() << "\n\n" << kVerifyUsage;
    return kExitUsage;
  }
  if (options->help) {
    out << kVerifyUsage;
    return 0;
  }
  auto journal = runtime::open_existing_journal(options->data_dir, 32u << 20);
  if (!journal) {
    err << "switchboard verify: " << journal.error() << "\n";
    return kExitDamaged;
  }
  out << "switchboard verify: " << options->data_dir << " (read-only, " << (*journal)->last_seq()
      << " events in the feed)\n";
  auto report = verify_log(**journal, options->verify);
  if (!report) {
    err << "switchboard verify: the database cannot be read: " << report.error() << "\n";
    return kExitDamaged;
  }
  print(*report, options->verify.threads, out);
  return report->clean() ? 0 : kExitDamaged;
}

}  // namespace sb::verify
