#pragma once
// Small builders shared by the journal tests.

#include <string>
#include <vector>

#include "runtime/journal/journal.hpp"

namespace sb::testing {

inline runtime::EntityKey conversation(std::string id) {
  return runtime::EntityKey{EntityKind::conversation, std::move(id)};
}

// `count` events following `expected_version`, ~200-byte payloads that name their version.
inline runtime::AppendRequest make_append(const runtime::EntityKey& key,
                                          std::uint64_t expected_version, std::size_t count = 1,
                                          std::string command_id = {}) {
  runtime::AppendRequest request{key, expected_version, {}, {}};
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t version = expected_version + i + 1;
    std::string payload = key.id + "#" + std::to_string(version) + ":";
    payload.resize(200, 'x');
    request.events.push_back(runtime::EventRecord{version, 1'700'000'000'000 + static_cast<std::int64_t>(version),
                                                  command_id, "cause", "corr", payload});
  }
  return request;
}

inline runtime::AppendResult append_one(runtime::Journal& journal, const runtime::AppendRequest& request,
                                        bool sync = true) {
  return std::move(journal.append(std::span(&request, 1), sync).front());
}

}  // namespace sb::testing
