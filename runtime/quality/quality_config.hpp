#pragma once
// The quality rules' configuration (config/quality/rules.json; format in config/quality/README.md):
// phrase lists per language, numbers that are not personal data, and reply-time thresholds.

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "actors/common/expected.hpp"
#include "actors/common/time.hpp"

namespace sb::quality {

inline constexpr std::size_t kPhrasesPerListMax = 1000;
inline constexpr std::size_t kPhraseBytesMax = 200;

struct PhraseList {
  std::vector<std::string> en;
  std::vector<std::string> zh;
  // Both languages: replies mix them, so every list is checked whatever the reply's language.
  std::vector<std::string> all() const;
};

struct QualityConfig {
  PhraseList forbidden;  // policy: off-platform payment, promises the agent cannot make
  PhraseList rude;
  PhraseList greetings;                      // at least one expected in the agent's first reply
  PhraseList closings;                       // at least one expected in the agent's last reply
  std::vector<std::string> allowed_numbers;  // digits only: the shop's own hotline etc.
  Duration first_response_max = std::chrono::minutes(3);
  Duration reply_max = std::chrono::minutes(2);
};

// Errors name the offending field.
Expected<QualityConfig, std::string> parse_quality_config(std::string_view json_text);
Expected<QualityConfig, std::string> load_quality_config(const std::string& path);

}  // namespace sb::quality
