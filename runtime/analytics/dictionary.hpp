#pragma once
// Interns the strings read models are keyed by (agents, skills, intents, SLA policies) so a cell
// key is a few integers. Id 0 is the empty string, meaning "none" or "not known yet".

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sb::analytics {

using NameId = std::uint32_t;
inline constexpr NameId kNoName = 0;

class Dictionary {
 public:
  Dictionary() { names_.emplace_back(); }

  NameId intern(std::string_view name);
  // kNoName for the empty string; nullopt-like kMissing for a name never interned.
  NameId find(std::string_view name) const;
  const std::string& name(NameId id) const { return names_.at(id); }
  std::size_t size() const { return names_.size(); }

  static constexpr NameId kMissing = UINT32_MAX;

 private:
  std::unordered_map<std::string, NameId> ids_;
  std::vector<std::string> names_;
};

}  // namespace sb::analytics
