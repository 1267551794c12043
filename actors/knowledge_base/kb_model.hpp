#pragma once
// The knowledge base as an event-sourced entity (one stream, id "default"): every import is a
// version, kept whole in the log, and the current version can be rolled back to any earlier one
// (or to version 0, the file shipped with the node). The content is opaque bytes here (JSONL,
// parsed and validated by the bot before it is imported); it travels in chunks because one event
// payload is bounded (runtime/journal/journal_types.hpp kEventPayloadBytesMax).

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "actors/common/time.hpp"

namespace sb::knowledge_base {

inline constexpr std::size_t kChunkBytes = 240 * 1024;
// An import is one append: a header plus its chunks within the journal's 64 events per append.
inline constexpr std::size_t kChunksMax = 63;
inline constexpr std::size_t kContentBytesMax = kChunkBytes * kChunksMax;  // ~14.8 MiB
inline constexpr std::size_t kVersionsMax = 10'000;
inline constexpr std::size_t kNameBytesMax = 128;

struct VersionInfo {
  std::uint32_t version = 0;
  std::string sha256;  // of the content, 64 lowercase hex digits
  std::uint64_t bytes = 0;
  std::uint32_t intents = 0;
  std::uint32_t examples = 0;
  std::string imported_by;
  Timestamp at;
  // Where its chunks are in this entity's stream (event versions, inclusive).
  std::uint64_t first_chunk_event = 0;
  std::uint64_t last_chunk_event = 0;
  bool operator==(const VersionInfo&) const = default;
};

// ---- commands -------------------------------------------------------------------------------
struct ImportKnowledgeBase {
  std::string content;
  std::string sha256;
  std::uint32_t intents = 0;  // as the bot counted them when it validated the content
  std::uint32_t examples = 0;
  std::string by;
  Timestamp at;
  bool operator==(const ImportKnowledgeBase&) const = default;
};
// Makes an earlier version current again (0: the shipped file). Nothing is deleted.
struct RollBackKnowledgeBase {
  std::uint32_t to_version = 0;
  std::string by;
  Timestamp at;
  bool operator==(const RollBackKnowledgeBase&) const = default;
};
using Command = std::variant<ImportKnowledgeBase, RollBackKnowledgeBase>;

// ---- events ---------------------------------------------------------------------------------
struct KnowledgeBaseImported {
  std::uint32_t version = 0;
  std::string sha256;
  std::uint64_t bytes = 0;
  std::uint32_t intents = 0;
  std::uint32_t examples = 0;
  std::uint32_t chunks = 0;  // the KnowledgeBaseChunk events that follow, in order
  std::string by;
  Timestamp at;
  bool operator==(const KnowledgeBaseImported&) const = default;
};
struct KnowledgeBaseChunk {
  std::uint32_t version = 0;
  std::uint32_t index = 0;
  std::string bytes;
  bool operator==(const KnowledgeBaseChunk&) const = default;
};
struct KnowledgeBaseRolledBack {
  std::uint32_t from_version = 0;
  std::uint32_t to_version = 0;
  std::string by;
  Timestamp at;
  bool operator==(const KnowledgeBaseRolledBack&) const = default;
};
using Event = std::variant<KnowledgeBaseImported, KnowledgeBaseChunk, KnowledgeBaseRolledBack>;

// ---- state ----------------------------------------------------------------------------------
struct State {
  std::vector<VersionInfo> versions;  // versions[i].version == i + 1
  std::uint32_t current = 0;          // 0: the shipped file
  std::uint64_t events = 0;           // events applied so far (= the entity's version)
  bool operator==(const State&) const = default;
};

enum class Rejection : std::uint8_t {
  invalid_content = 1,  // empty, too large, or a malformed checksum
  unchanged,            // the same content as the current version
  unknown_version,
  already_current,
  invalid_name,
  too_many_versions,
};
std::string_view to_string(Rejection rejection);

// The info of version `v` (1-based), or nullptr.
const VersionInfo* find_version(const State& state, std::uint32_t v);

}  // namespace sb::knowledge_base
