#include "runtime/rpc/validation.hpp"

#include <string>

#include "actors/common/text.hpp"

namespace sb::rpc {
namespace {

using service::kIdBytesMax;
using service::kTextBytesMax;

// Skill levels are 1..5 (service_api.hpp AgentSpec).
constexpr int kSkillLevelMin = 1;
constexpr int kSkillLevelMax = 5;

MaybeError check_map(std::string_view what, const std::map<std::string, std::string>& fields) {
  for (const auto& [key, value] : fields) {
    if (auto error = check_id(std::string(what) + " name", key)) return error;
    if (auto error = check_text_field(std::string(what) + " '" + key + "'", value, kNoteBytesMax)) {
      return error;
    }
  }
  return std::nullopt;
}

}  // namespace

service::ServiceError invalid_argument(std::string message) {
  return {service::ErrorCode::invalid_argument, std::move(message), {}};
}

MaybeError check_id(std::string_view what, std::string_view id) {
  if (id.empty()) return invalid_argument(std::string(what) + " is empty");
  return check_optional_id(what, id);
}

MaybeError check_optional_id(std::string_view what, std::string_view id) {
  return check_text_field(what, id, kIdBytesMax);
}

MaybeError check_text_field(std::string_view what, std::string_view text, std::size_t bytes_max) {
  if (auto bad = check_text(what, text, bytes_max)) return invalid_argument(std::move(*bad));
  return std::nullopt;
}

MaybeError check_inbound(const service::InboundMessage& message) {
  if (message.text.empty()) return invalid_argument("the message text is empty");
  return first_error({
      check_id("the channel user id", message.channel_user_id),
      check_id("the message id", message.message_id),
      check_text_field("the message text", message.text, kTextBytesMax),
      check_text_field("the display name", message.display_name, kIdBytesMax),
      check_optional_id("the account id", message.account_id),
  });
}

MaybeError check_batch_size(std::size_t messages) {
  if (messages == 0) return invalid_argument("the batch is empty");
  if (messages > service::kDeliverBatchMax) {
    return invalid_argument("the batch has " + std::to_string(messages) +
                            " messages; the limit is " + std::to_string(service::kDeliverBatchMax));
  }
  return std::nullopt;
}

MaybeError check_ticket_spec(const service::TicketSpec& spec) {
  return first_error({
      check_optional_id("the conversation id", spec.conversation_id),
      check_optional_id("the customer id", spec.customer_id),
      check_text_field("the subject", spec.subject, kNoteBytesMax),
      check_text_field("the description", spec.description, kTextBytesMax),
      check_optional_id("the priority", spec.priority),
      check_map("the field", spec.fields),
  });
}

MaybeError check_ticket_update(const service::TicketUpdate& update) {
  return first_error({
      check_id("the ticket id", update.ticket_id),
      check_optional_id("the status", update.status.value_or("")),
      check_optional_id("the priority", update.priority.value_or("")),
      check_optional_id("the assignee", update.assignee.value_or("")),
      check_text_field("the note", update.note.value_or(""), kNoteBytesMax),
      check_map("the field", update.fields),
  });
}

MaybeError check_agent_spec(const service::AgentSpec& spec) {
  if (auto error = check_id("the agent id", spec.agent_id)) return error;
  if (auto error = check_text_field("the display name", spec.display_name, kIdBytesMax)) {
    return error;
  }
  for (const auto& [skill, level] : spec.skills) {
    if (auto error = check_id("the skill", skill)) return error;
    if (level < kSkillLevelMin || level > kSkillLevelMax) {
      return invalid_argument("the level of skill '" + skill + "' is " + std::to_string(level) +
                              "; levels are 1..5");
    }
  }
  for (const auto& group : spec.groups) {
    if (auto error = check_id("the group", group)) return error;
  }
  if (spec.chat_capacity < 0 || spec.email_capacity < 0) {
    return invalid_argument("capacities may not be negative");
  }
  return std::nullopt;
}

}  // namespace sb::rpc
