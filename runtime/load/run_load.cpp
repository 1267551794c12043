#include "runtime/load/load_commands.hpp"
#include "runtime/load/load_options.hpp"
#include "runtime/load/load_runner.hpp"
#include "runtime/load/result_file.hpp"

namespace sb::load {

int run_load(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  for (const auto& arg : args) {
    if (arg == "--help" || arg == "-h") {
      out << kLoadUsage;
      return 0;
    }
  }
  auto options = parse_load_args(args);
  if (!options) {
    err << "switchboard load: " << options.error() << "\n\n" << kLoadUsage;
    return 2;
  }
  auto result = run_load_test(*options, err);
  if (!result) {
    err << "switchboard load: " << result.error() << "\n";
    return 1;
  }
  out << render_summary(*result);
  if (auto error = write_result_file(options->json_path, to_json(*result))) {
    err << "switchboard load: " << *error << "\n";
    return 1;
  }
  return 0;
}

}  // namespace sb::load
