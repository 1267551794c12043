#include "runtime/bot/knowledge_base.hpp"

#include "runtime/bot/enum_names.hpp"

namespace sb::bot {
namespace {

constexpr EnumNames<Skill, 8> kSkillNames{{
    {Skill::orders, "orders"},
    {Skill::logistics, "logistics"},
    {Skill::returns_refunds, "returns_refunds"},
    {Skill::payments, "payments"},
    {Skill::account, "account"},
    {Skill::technical, "technical"},
    {Skill::membership, "membership"},
    {Skill::general, "general"},
}};

constexpr EnumNames<Priority, 4> kPriorityNames{{
    {Priority::low, "low"},
    {Priority::normal, "normal"},
    {Priority::high, "high"},
    {Priority::urgent, "urgent"},
}};

constexpr EnumNames<SlotType, 5> kSlotTypeNames{{
    {SlotType::order_number, "order_number"},
    {SlotType::phone, "phone"},
    {SlotType::email, "email"},
    {SlotType::product, "product"},
    {SlotType::ticket_id, "ticket_id"},
}};

constexpr EnumNames<BackendAction, 4> kBackendActionNames{{
    {BackendAction::order_status, "order_status"},
    {BackendAction::logistics, "logistics"},
    {BackendAction::refund_status, "refund_status"},
    {BackendAction::ticket_status, "ticket_status"},
}};

}  // namespace

std::string_view to_string(Skill skill) { return name_of(kSkillNames, skill); }
std::string_view to_string(Priority priority) { return name_of(kPriorityNames, priority); }
std::string_view to_string(SlotType type) { return name_of(kSlotTypeNames, type); }
std::string_view to_string(BackendAction action) { return name_of(kBackendActionNames, action); }
std::optional<Skill> parse_skill(std::string_view name) { return value_of(kSkillNames, name); }
std::optional<Priority> parse_priority(std::string_view name) {
  return value_of(kPriorityNames, name);
}
std::optional<SlotType> parse_slot_type(std::string_view name) {
  return value_of(kSlotTypeNames, name);
}
std::optional<BackendAction> parse_backend_action(std::string_view name) {
  return value_of(kBackendActionNames, name);
}

const std::vector<std::string_view>& backend_fields(BackendAction action) {
  static const std::vector<std::string_view> kOrderStatus{"status", "status_text", "eta", "items"};
  static const std::vector<std::string_view> kLogistics{"carrier", "tracking_no", "last_scan",
                                                        "eta"};
  static const std::vector<std::string_view> kRefundStatus{"refund_status", "refund_amount",
                                                           "refund_eta"};
  static const std::vector<std::string_view> kTicketStatus{"ticket_status"};
  switch (action) {
    case BackendAction::order_status:
      return kOrderStatus;
    case BackendAction::logistics:
      return kLogistics;
    case BackendAction::refund_status:
      return kRefundStatus;
    case BackendAction::ticket_status:
      return kTicketStatus;
  }
  return kTicketStatus;
}

SlotType key_slot_type(BackendAction action) {
  switch (action) {
    case BackendAction::order_status:
    case BackendAction::logistics:
    case BackendAction::refund_status:
      return SlotType::order_number;
    case BackendAction::ticket_status:
      return SlotType::ticket_id;
  }
  return SlotType::order_number;
}

const SlotSpec* KbEntry::key_slot() const {
  if (!action) return nullptr;
  const SlotType wanted = key_slot_type(*action);
  for (const auto& slot : slots) {
    if (slot.type == wanted && slot.required) return &slot;
  }
  return nullptr;
}

const SlotSpec* KbEntry::find_slot(std::string_view name) const {
  for (const auto& slot : slots) {
    if (slot.name == name) return &slot;
  }
  return nullptr;
}

const KbEntry* KnowledgeBase::find(std::string_view name) const {
  for (const auto& entry : entries) {
    if (entry.intent == name) return &entry;
  }
  return nullptr;
}

}  // namespace sb::bot
