#pragma once
// Finds configured phrases in a reply. ASCII phrases match case-insensitively on word boundaries
// ("dumb" does not match "dumbbell"); phrases with Chinese characters match as substrings, since
// Chinese has no spaces between words.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sb::quality {

class PhraseMatcher {
 public:
  PhraseMatcher() = default;
  explicit PhraseMatcher(std::vector<std::string> phrases);

  // The first configured phrase found in `text`, as configured.
  std::optional<std::string> find(std::string_view text) const;
  bool empty() const { return phrases_.empty(); }

 private:
  std::vector<std::string> phrases_;  // as configured
  std::vector<std::string> folded_;   // lower-cased, curly quotes straightened
};

// Lower-cases ASCII and turns ’ into ', so "Don’t" and "don't" compare equal.
std::string fold_for_matching(std::string_view text);

}  // namespace sb::quality
