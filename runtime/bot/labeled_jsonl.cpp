// read_labeled_jsonl(), declared in intent_classifier.hpp beside the type it produces.
#include <fstream>

#include <nlohmann/json.hpp>

#include "actors/common/text.hpp"
#include "runtime/bot/intent_classifier.hpp"

namespace sb::bot {
namespace {

// A labelled data set is read whole into memory: refuse lines no utterance needs, so a wrong
// file fails fast instead of filling memory.
constexpr std::size_t kJsonlLineBytesMax = 64 * 1024;

std::string string_field(const nlohmann::json& object, const char* key, std::string& error) {
  const auto it = object.find(key);
  if (it == object.end()) {
    error = std::string("missing \"") + key + "\"";
    return {};
  }
  if (!it->is_string()) {
    error = std::string("\"") + key + "\" is not a string";
    return {};
  }
  return it->get<std::string>();
}

}  // namespace

sb::Expected<std::vector<LabeledUtterance>, std::string> read_labeled_jsonl(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return sb::unexpected(path + ": cannot open");
  std::vector<LabeledUtterance> out;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = path + ":" + std::to_string(number) + ": ";
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    if (line.size() > kJsonlLineBytesMax) {
      return sb::unexpected(where + "line longer than " + std::to_string(kJsonlLineBytesMax) +
                            " bytes");
    }
    if (!is_valid_utf8(line)) return sb::unexpected(where + "not valid UTF-8");
    const nlohmann::json object = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded()) return sb::unexpected(where + "not valid JSON");
    if (!object.is_object()) return sb::unexpected(where + "not a JSON object");
    std::string error;
    LabeledUtterance u;
    u.text = string_field(object, "text", error);
    if (error.empty()) u.intent = string_field(object, "intent", error);
    if (error.empty() && u.intent.empty()) error = "\"intent\" is empty";
    if (!error.empty()) return sb::unexpected(where + error);
    out.push_back(std::move(u));
  }
  if (in.bad()) return sb::unexpected(path + ": read error after line " + std::to_string(number));
  return out;
}

}  // namespace sb::bot
