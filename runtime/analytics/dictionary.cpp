#include "runtime/analytics/dictionary.hpp"

namespace sb::analytics {

NameId Dictionary::intern(std::string_view name) {
  if (name.empty()) return kNoName;
  std::string key(name);
  if (auto it = ids_.find(key); it != ids_.end()) return it->second;
  const auto id = static_cast<NameId>(names_.size());
  names_.push_back(key);
  ids_.emplace(std::move(key), id);
  return id;
}

NameId Dictionary::find(std::string_view name) const {
  if (name.empty()) return kNoName;
  auto it = ids_.find(std::string(name));
  return it == ids_.end() ? kMissing : it->second;
}

}  // namespace sb::analytics
