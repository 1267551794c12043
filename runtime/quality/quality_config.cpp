#include "runtime/quality/quality_config.hpp"

#include <cctype>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace sb::quality {
namespace {

using Json = nlohmann::json;

std::string digits_of(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) out.push_back(c);
  }
  return out;
}

Expected<std::vector<std::string>, std::string> strings(const Json& j, const std::string& where) {
  if (!j.is_array()) return unexpected(where + " must be an array of strings");
  if (j.size() > kPhrasesPerListMax) return unexpected(where + " has too many entries");
  std::vector<std::string> out;
  for (const auto& item : j) {
    if (!item.is_string()) return unexpected(where + " must hold only strings");
    auto s = item.get<std::string>();
    if (s.empty() || s.size() > kPhraseBytesMax) {
      return unexpected(where + " holds an empty or over-long entry");
    }
    out.push_back(std::move(s));
  }
  return out;
}

Expected<PhraseList, std::string> phrase_list(const Json& root, const std::string& name) {
  if (!root.contains(name)) return PhraseList{};
  const Json& j = root.at(name);
  if (!j.is_object()) return unexpected(name + " must be an object {\"en\": [...], \"zh\": [...]}");
  PhraseList list;
  for (const auto& [language, items] : j.items()) {
    auto parsed = strings(items, name + "." + language);
    if (!parsed) return unexpected(parsed.error());
    if (language == "en") {
      list.en = std::move(*parsed);
    } else if (language == "zh") {
      list.zh = std::move(*parsed);
    } else {
      return unexpected(name + " has an unknown language \"" + language + "\" (en, zh)");
    }
  }
  return list;
}

Expected<Duration, std::string> milliseconds(const Json& thresholds, const char* name,
                                             Duration fallback) {
  if (!thresholds.contains(name)) return fallback;
  const Json& v = thresholds.at(name);
  if (!v.is_number_integer() || v.get<std::int64_t>() <= 0) {
    return unexpected(std::string("thresholds.") + name + " must be a positive integer (ms)");
  }
  return Duration(v.get<std::int64_t>());
}

}  // namespace

std::vector<std::string> PhraseList::all() const {
  std::vector<std::string> out = en;
  out.insert(out.end(), zh.begin(), zh.end());
  return out;
}

Expected<QualityConfig, std::string> parse_quality_config(std::string_view json_text) {
  const Json root = Json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.is_object()) {
    return unexpected(std::string("quality rules: not a JSON object"));
  }
  QualityConfig config;
  const std::pair<const char*, PhraseList*> lists[] = {{"forbidden_phrases", &config.forbidden},
                                                       {"rude_phrases", &config.rude},
                                                       {"greetings", &config.greetings},
                                                       {"closings", &config.closings}};
  for (const auto& [name, list] : lists) {
    auto parsed = phrase_list(root, name);
    if (!parsed) return unexpected(parsed.error());
    *list = std::move(*parsed);
  }
  if (root.contains("allowed_numbers")) {
    auto numbers = strings(root.at("allowed_numbers"), "allowed_numbers");
    if (!numbers) return unexpected(numbers.error());
    for (const auto& n : *numbers) config.allowed_numbers.push_back(digits_of(n));
  }
  if (root.contains("thresholds")) {
    const Json& t = root.at("thresholds");
    if (!t.is_object()) return unexpected(std::string("thresholds must be an object"));
    auto first = milliseconds(t, "first_response_ms", config.first_response_max);
    if (!first) return unexpected(first.error());
    auto reply = milliseconds(t, "reply_ms", config.reply_max);
    if (!reply) return unexpected(reply.error());
    config.first_response_max = *first;
    config.reply_max = *reply;
  }
  return config;
}

Expected<QualityConfig, std::string> load_quality_config(const std::string& path) {
  std::ifstream in(path);
  if (!in) return unexpected("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  auto config = parse_quality_config(text.str());
  if (!config) return unexpected(path + ": " + config.error());
  return config;
}

}  // namespace sb::quality
