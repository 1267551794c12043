#include "actors/knowledge_base/kb_decider.hpp"

#include <algorithm>

#include "actors/common/overloaded.hpp"
#include "actors/common/text.hpp"

namespace sb::knowledge_base {
namespace {

using KbDecision = Decision<Event, Rejection>;

bool is_sha256_hex(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::optional<KbDecision> check_name(const std::string& by) {
  if (by.empty() || by.size() > kNameBytesMax || !is_valid_utf8(by)) {
    return KbDecision::reject(
        Rejection::invalid_name,
        "who acts is named in 1.." + std::to_string(kNameBytesMax) + " bytes of UTF-8");
  }
  return std::nullopt;
}

KbDecision decide_import(const State& state, const ImportKnowledgeBase& c) {
  if (auto bad = check_name(c.by)) return *bad;
  if (c.content.empty() || c.content.size() > kContentBytesMax) {
    return KbDecision::reject(Rejection::invalid_content,
                              "a knowledge base is 1.." + std::to_string(kContentBytesMax) +
                                  " bytes, not " + std::to_string(c.content.size()));
  }
  if (!is_sha256_hex(c.sha256)) {
    return KbDecision::reject(Rejection::invalid_content,
                              "the checksum is not 64 lowercase hex digits");
  }
  if (const auto* current = find_version(state, state.current);
      current && current->sha256 == c.sha256) {
    return KbDecision::reject(
        Rejection::unchanged,
        "the content is version " + std::to_string(current->version) + ", already current");
  }
  if (state.versions.size() >= kVersionsMax) {
    return KbDecision::reject(Rejection::too_many_versions,
                              "at most " + std::to_string(kVersionsMax) + " versions are kept");
  }
  const auto version = static_cast<std::uint32_t>(state.versions.size() + 1);
  const auto chunks =
      static_cast<std::uint32_t>((c.content.size() + kChunkBytes - 1) / kChunkBytes);
  std::vector<Event> events;
  events.reserve(chunks + 1);
  events.push_back(KnowledgeBaseImported{version, c.sha256, c.content.size(), c.intents, c.examples,
                                         chunks, c.by, c.at});
  for (std::uint32_t i = 0; i < chunks; ++i) {
    events.push_back(
        KnowledgeBaseChunk{version, i, c.content.substr(i * kChunkBytes, kChunkBytes)});
  }
  return KbDecision::accept(std::move(events));
}

KbDecision decide_roll_back(const State& state, const RollBackKnowledgeBase& c) {
  if (auto bad = check_name(c.by)) return *bad;
  if (c.to_version != 0 && !find_version(state, c.to_version)) {
    return KbDecision::reject(Rejection::unknown_version,
                              "there is no version " + std::to_string(c.to_version) +
                                  " (versions 0.." + std::to_string(state.versions.size()) + ")");
  }
  if (c.to_version == state.current) {
    return KbDecision::reject(Rejection::already_current,
                              "version " + std::to_string(c.to_version) + " is already current");
  }
  return KbDecision::accept({KnowledgeBaseRolledBack{state.current, c.to_version, c.by, c.at}});
}

}  // namespace

std::string_view to_string(Rejection rejection) {
  switch (rejection) {
    case Rejection::invalid_content:
      return "invalid_content";
    case Rejection::unchanged:
      return "unchanged";
    case Rejection::unknown_version:
      return "unknown_version";
    case Rejection::already_current:
      return "already_current";
    case Rejection::invalid_name:
      return "invalid_name";
    case Rejection::too_many_versions:
      return "too_many_versions";
  }
  return "unknown";
}

const VersionInfo* find_version(const State& state, std::uint32_t v) {
  if (v == 0 || v > state.versions.size()) return nullptr;
  return &state.versions[v - 1];
}

Decision<Event, Rejection> decide(const State& state, const Command& command) {
  return std::visit(
      Overloaded{[&](const ImportKnowledgeBase& c) { return decide_import(state, c); },
                 [&](const RollBackKnowledgeBase& c) { return decide_roll_back(state, c); }},
      command);
}

State evolve(State state, const Event& event) {
  ++state.events;
  std::visit(Overloaded{
                 [&](const KnowledgeBaseImported& e) {
                   state.versions.push_back(VersionInfo{e.version, e.sha256, e.bytes, e.intents,
                                                        e.examples, e.by, e.at, state.events + 1,
                                                        state.events + e.chunks});
                   state.current = e.version;
                 },
                 [&](const KnowledgeBaseChunk&) {},  // the content stays in the log, not in memory
                 [&](const KnowledgeBaseRolledBack& e) { state.current = e.to_version; },
             },
             event);
  return state;
}

}  // namespace sb::knowledge_base
