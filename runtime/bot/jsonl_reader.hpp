#pragma once
// Reading the bot's JSONL files (knowledge base, sample orders): one JSON object per line, blank
// lines and lines starting with '#' ignored. An error names its 1-based line and stops the import,
// so a malformed file changes nothing.

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/common/expected.hpp"
#include "runtime/bot/language.hpp"

namespace sb::bot {

inline constexpr std::size_t kJsonlFileBytesMax = 16 * 1024 * 1024;
inline constexpr std::size_t kJsonlLineBytesMax = 256 * 1024;
inline constexpr std::size_t kJsonlRecordsMax = 100'000;

// Why an import failed. `line` is 1-based; 0 means the file as a whole (unreadable, too big).
struct LineError {
  std::size_t line = 0;
  std::string message;

  std::string to_string() const;  // "line 7: missing field \"answer\""
  bool operator==(const LineError&) const = default;
};

// A record handler reports a bad field by throwing this; for_each_jsonl_object catches it (and
// nlohmann's own exceptions) and turns it into a LineError, so nothing escapes the parser.
struct FieldError {
  std::string message;
};

using JsonlRecordHandler = std::function<void(std::size_t line, const nlohmann::json& record)>;

// Calls `handle` for every record in order and stops at the first problem: invalid UTF-8, a line
// over kJsonlLineBytesMax, malformed JSON, a value that is not an object, or a FieldError.
// Returns the number of records handled.
Expected<std::size_t, LineError> for_each_jsonl_object(std::string_view text,
                                                       const JsonlRecordHandler& handle);

// The whole file, or a line-0 error when it cannot be read or is over kJsonlFileBytesMax.
Expected<std::string, LineError> read_text_file(const std::string& path);

// Field accessors for record handlers: each throws FieldError with the field's name and what was
// wrong with it.
const nlohmann::json& require_field(const nlohmann::json& record, std::string_view key);
std::string require_string(const nlohmann::json& record, std::string_view key);
bool require_bool(const nlohmann::json& record, std::string_view key);
std::vector<std::string> require_string_array(const nlohmann::json& record, std::string_view key);
// An object {"zh": "...", "en": "..."} with both texts non-empty.
Localized require_localized(const nlohmann::json& record, std::string_view key);
// Throws when `record` has a field not in `known` (catches typos such as "human_onyl").
void reject_unknown_fields(const nlohmann::json& record, std::span<const std::string_view> known);

}  // namespace sb::bot
