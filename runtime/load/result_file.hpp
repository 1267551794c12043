#pragma once
// Writes a run's JSON result (pretty, one file); an empty path writes nothing.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace sb::load {

// nullopt on success, else why the file could not be written.
std::optional<std::string> write_result_file(const std::string& path, const nlohmann::json& json);

}  // namespace sb::load
