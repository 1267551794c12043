#pragma once
// The knowledge base: one entry per intent with its example questions, its answer in each
// language, the slots to collect before answering and how a human handoff is routed.
// The file format is the project's knowledge-base format contract (JSONL, one entry per line);
// parsing and writing it back are in kb_jsonl.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/bot/language.hpp"

namespace sb::bot {

// The skill group a human handoff goes to. Persisted by name in the KB file.
enum class Skill : std::uint8_t {
  orders = 1,
  logistics = 2,
  returns_refunds = 3,
  payments = 4,
  account = 5,
  technical = 6,
  membership = 7,
  general = 8,
};

// The ticket priority if a ticket is made from the conversation.
enum class Priority : std::uint8_t { low = 1, normal = 2, high = 3, urgent = 4 };

enum class SlotType : std::uint8_t {
  order_number = 1,  // "SB" + 10 digits
  phone = 2,         // mainland mobile, or "+" and 8..15 digits
  email = 3,
  product = 4,    // one of the shop's products (product_catalog.hpp)
  ticket_id = 5,  // "TK-" + digits
};

// The business-system lookup an entry makes once its required slots are filled.
enum class BackendAction : std::uint8_t {
  order_status = 1,
  logistics = 2,
  refund_status = 3,
  ticket_status = 4,
};

std::string_view to_string(Skill skill);
std::string_view to_string(Priority priority);
std::string_view to_string(SlotType type);
std::string_view to_string(BackendAction action);
std::optional<Skill> parse_skill(std::string_view name);
std::optional<Priority> parse_priority(std::string_view name);
std::optional<SlotType> parse_slot_type(std::string_view name);
std::optional<BackendAction> parse_backend_action(std::string_view name);

// The slot type a lookup needs as its key: an order number, or a ticket id for ticket_status.
SlotType key_slot_type(BackendAction action);

// The placeholders a lookup makes available to answer templates, e.g. {status_text}.
const std::vector<std::string_view>& backend_fields(BackendAction action);

struct SlotSpec {
  std::string name;  // the placeholder in answers: {order_no}
  SlotType type = SlotType::order_number;
  bool required = true;
  Localized prompt;  // asked while the slot is missing

  bool operator==(const SlotSpec&) const = default;
};

struct KbEntry {
  std::string intent;  // snake_case, unique in the KB
  Skill skill = Skill::general;
  bool human_only = false;  // the bot never answers this itself
  Priority priority = Priority::normal;
  std::vector<std::string> examples_zh;
  std::vector<std::string> examples_en;
  Localized answer;  // may contain {slot} and {backend_field} placeholders
  std::vector<SlotSpec> slots;
  std::optional<BackendAction> action;
  std::vector<std::string> follow_up;  // intents likely to come next in the same context

  const SlotSpec* find_slot(std::string_view name) const;
  // The required slot the action looks up (key_slot_type); nullptr without an action. The import
  // guarantees it exists when there is an action.
  const SlotSpec* key_slot() const;
  bool operator==(const KbEntry&) const = default;
};

struct KnowledgeBase {
  std::vector<KbEntry> entries;  // in file order

  // nullptr when no entry has that intent.
  const KbEntry* find(std::string_view intent) const;
  bool operator==(const KnowledgeBase&) const = default;
};

}  // namespace sb::bot
