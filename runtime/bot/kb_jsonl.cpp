#include "runtime/bot/kb_jsonl.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "runtime/bot/answer_template.hpp"

namespace sb::bot {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 9> kEntryFields{"intent",   "skill",    "human_only",
                                                       "priority", "examples", "answer",
                                                       "slots",    "action",   "follow_up"};
constexpr std::array<std::string_view, 4> kSlotFields{"name", "type", "required", "prompt"};
constexpr std::array<std::string_view, 2> kLanguageFields{"zh", "en"};

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool is_snake_case(std::string_view name) {
  if (name.empty() || name.size() > kKbNameBytesMax) return false;
  if (name.front() < 'a' || name.front() > 'z') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::string require_name(const json& record, std::string_view key) {
  std::string name = require_string(record, key);
  if (!is_snake_case(name)) {
    throw FieldError{"field " + in_quotes(key) + " must be snake_case of at most " +
                     std::to_string(kKbNameBytesMax) + " bytes, got " + in_quotes(name)};
  }
  return name;
}

void check_text_size(std::string_view what, std::string_view text) {
  if (text.size() > kKbTextBytesMax) {
    throw FieldError{std::string(what) + " is " + std::to_string(text.size()) +
                     " bytes; the limit is " + std::to_string(kKbTextBytesMax)};
  }
}

void check_localized_size(std::string_view what, const Localized& text) {
  check_text_size(std::string(what) + ".zh", text.zh);
  check_text_size(std::string(what) + ".en", text.en);
}

template <class Enum, class Parse>
Enum require_enum(const json& record, std::string_view key, Parse parse) {
  const std::string name = require_string(record, key);
  const std::optional<Enum> value = parse(name);
  if (!value) throw FieldError{"unknown " + std::string(key) + " " + in_quotes(name)};
  return *value;
}

std::vector<std::string> parse_examples(const json& examples, std::string_view language) {
  const auto it = examples.find(language);
  if (it == examples.end()) {
    throw FieldError{"field \"examples\" needs a " + in_quotes(language) + " list"};
  }
  const std::string what = "examples." + std::string(language);
  std::vector<std::string> out = require_string_array(examples, language);
  if (out.empty()) throw FieldError{what + " needs at least 1 example"};
  if (out.size() > kKbExamplesPerLanguageMax) {
    throw FieldError{what + " has " + std::to_string(out.size()) + " examples; the limit is " +
                     std::to_string(kKbExamplesPerLanguageMax)};
  }
  for (const auto& example : out) {
    if (example.empty()) throw FieldError{what + " has an empty example"};
    check_text_size(what, example);
  }
  return out;
}

SlotSpec parse_slot(const json& record) {
  if (!record.is_object()) throw FieldError{"every entry of \"slots\" must be an object"};
  reject_unknown_fields(record, kSlotFields);
  SlotSpec slot;
  slot.name = require_name(record, "name");
  slot.type = require_enum<SlotType>(record, "type", parse_slot_type);
  slot.required = require_bool(record, "required");
  slot.prompt = require_localized(record, "prompt");
  check_localized_size("slot " + slot.name + " prompt", slot.prompt);
  return slot;
}

// "slots" may be left out by entries that need none (greetings, policies).
std::vector<SlotSpec> parse_slots(const json& record) {
  if (!record.contains("slots")) return {};
  const json& slots = record.at("slots");
  if (!slots.is_array()) throw FieldError{"field \"slots\" must be an array"};
  if (slots.size() > kKbSlotsPerEntryMax) {
    throw FieldError{"more than " + std::to_string(kKbSlotsPerEntryMax) + " slots"};
  }
  std::vector<SlotSpec> out;
  for (const auto& item : slots) {
    SlotSpec slot = parse_slot(item);
    for (const auto& seen : out) {
      if (seen.name == slot.name) throw FieldError{"duplicate slot " + in_quotes(slot.name)};
    }
    out.push_back(std::move(slot));
  }
  return out;
}

void check_action_has_key_slot(const KbEntry& entry) {
  if (!entry.action || entry.key_slot() != nullptr) return;
  throw FieldError{"action " + in_quotes(to_string(*entry.action)) +
                   " needs a required slot of type " +
                   std::string(to_string(key_slot_type(*entry.action)))};
}

void check_placeholders(std::string_view what, const Localized& text, const KbEntry& entry,
                        bool backend_fields_allowed) {
  for (const auto& [language, body] : {std::pair{"zh", &text.zh}, std::pair{"en", &text.en}}) {
    for (const auto& name : placeholders_of(*body)) {
      if (entry.find_slot(name) != nullptr) continue;
      if (backend_fields_allowed && entry.action) {
        const auto& fields = backend_fields(*entry.action);
        if (std::find(fields.begin(), fields.end(), name) != fields.end()) continue;
      }
      throw FieldError{std::string(what) + "." + language + " placeholder {" + name +
                       "} names no slot" + (backend_fields_allowed ? " or backend field" : "") +
                       " of this entry"};
    }
  }
}

KbEntry parse_entry(const json& record) {
  reject_unknown_fields(record, kEntryFields);
  KbEntry entry;
  entry.intent = require_name(record, "intent");
  entry.skill = require_enum<Skill>(record, "skill", parse_skill);
  entry.human_only = require_bool(record, "human_only");
  entry.priority = require_enum<Priority>(record, "priority", parse_priority);
  const json& examples = require_field(record, "examples");
  if (!examples.is_object()) {
    throw FieldError{"field \"examples\" must be an object {\"zh\": [...], \"en\": [...]}"};
  }
  reject_unknown_fields(examples, kLanguageFields);
  entry.examples_zh = parse_examples(examples, "zh");
  entry.examples_en = parse_examples(examples, "en");
  entry.answer = require_localized(record, "answer");
  check_localized_size("answer", entry.answer);
  entry.slots = parse_slots(record);
  if (record.contains("action")) {
    entry.action = require_enum<BackendAction>(record, "action", parse_backend_action);
  }
  if (record.contains("follow_up")) {
    entry.follow_up = require_string_array(record, "follow_up");
    if (entry.follow_up.size() > kKbFollowUpsMax) {
      throw FieldError{"more than " + std::to_string(kKbFollowUpsMax) + " follow-ups"};
    }
  }
  check_action_has_key_slot(entry);
  check_placeholders("answer", entry.answer, entry, true);
  for (const auto& slot : entry.slots) {
    check_placeholders("slot " + slot.name + " prompt", slot.prompt, entry, false);
  }
  return entry;
}

nlohmann::ordered_json localized_json(const Localized& text) {
  return nlohmann::ordered_json{{"zh", text.zh}, {"en", text.en}};
}

}  // namespace

Expected<KnowledgeBase, KbError> parse_knowledge_base(std::string_view jsonl) {
  KnowledgeBase kb;
  std::vector<std::size_t> lines;  // the file line of each entry, for follow-up errors
  auto parsed = for_each_jsonl_object(jsonl, [&](std::size_t line, const json& record) {
    if (kb.entries.size() == kKbEntriesMax) {
      throw FieldError{"more than " + std::to_string(kKbEntriesMax) + " entries"};
    }
    KbEntry entry = parse_entry(record);
    for (std::size_t i = 0; i < kb.entries.size(); ++i) {
      if (kb.entries[i].intent == entry.intent) {
        throw FieldError{"duplicate intent " + in_quotes(entry.intent) + " (first on line " +
                         std::to_string(lines[i]) + ")"};
      }
    }
    kb.entries.push_back(std::move(entry));
    lines.push_back(line);
  });
  if (!parsed) return unexpected(parsed.error());
  if (kb.entries.empty()) return unexpected(KbError{0, "the knowledge base has no entries"});
  for (std::size_t i = 0; i < kb.entries.size(); ++i) {
    for (const auto& next : kb.entries[i].follow_up) {
      if (kb.find(next) == nullptr) {
        return unexpected(KbError{lines[i], "follow_up names unknown intent " + in_quotes(next)});
      }
    }
  }
  return kb;
}

Expected<KnowledgeBase, KbError> load_knowledge_base(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return unexpected(text.error());
  return parse_knowledge_base(*text);
}

std::string to_jsonl(const KnowledgeBase& kb) {
  std::string out;
  for (const auto& entry : kb.entries) {
    nlohmann::ordered_json record;
    record["intent"] = entry.intent;
    record["skill"] = to_string(entry.skill);
    record["human_only"] = entry.human_only;
    record["priority"] = to_string(entry.priority);
    record["examples"] = {{"zh", entry.examples_zh}, {"en", entry.examples_en}};
    record["answer"] = localized_json(entry.answer);
    record["slots"] = nlohmann::ordered_json::array();
    for (const auto& slot : entry.slots) {
      record["slots"].push_back({{"name", slot.name},
                                 {"type", to_string(slot.type)},
                                 {"required", slot.required},
                                 {"prompt", localized_json(slot.prompt)}});
    }
    if (entry.action) record["action"] = to_string(*entry.action);
    if (!entry.follow_up.empty()) record["follow_up"] = entry.follow_up;
    out += record.dump();
    out += '\n';
  }
  return out;
}

}  // namespace sb::bot
