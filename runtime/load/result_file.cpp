#include "runtime/load/result_file.hpp"

#include <fstream>

namespace sb::load {

namespace {
constexpr int kJsonIndent = 2;
}

std::optional<std::string> write_result_file(const std::string& path, const nlohmann::json& json) {
  if (path.empty()) return std::nullopt;
  std::ofstream file(path, std::ios::trunc);
  file << json.dump(kJsonIndent) << "\n";
  if (!file.good()) return "cannot write " + path;
  return std::nullopt;
}

}  // namespace sb::load
