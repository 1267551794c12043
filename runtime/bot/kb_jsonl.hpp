#pragma once
// The knowledge base to and from its JSONL text. The server versions KB changes as events holding
// this text, so writing a KB and parsing it back gives the same KB.

#include <cstddef>
#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "runtime/bot/jsonl_reader.hpp"
#include "runtime/bot/knowledge_base.hpp"

namespace sb::bot {

inline constexpr std::size_t kKbEntriesMax = 2'000;
inline constexpr std::size_t kKbExamplesPerLanguageMax = 1'000;
inline constexpr std::size_t kKbSlotsPerEntryMax = 8;
inline constexpr std::size_t kKbFollowUpsMax = 16;
inline constexpr std::size_t kKbNameBytesMax = 64;     // intents and slot names
inline constexpr std::size_t kKbTextBytesMax = 4'096;  // one example, answer or prompt

using KbError = LineError;

// The KB in `jsonl`, or the first problem with its line: bad JSON, a missing field, a wrong type,
// an unknown skill/priority/slot type/action, a duplicate intent or slot name, a placeholder that
// names no slot or backend field, an action without the slot it looks up, no example in a
// language, invalid UTF-8, a follow-up naming an unknown intent, or a size over the limits above.
Expected<KnowledgeBase, KbError> parse_knowledge_base(std::string_view jsonl);
Expected<KnowledgeBase, KbError> load_knowledge_base(const std::string& path);

// One line per entry, fields in the contract's order. parse_knowledge_base(to_jsonl(kb)) == kb.
std::string to_jsonl(const KnowledgeBase& kb);

}  // namespace sb::bot
