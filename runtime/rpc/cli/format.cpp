#include "runtime/rpc/cli/format.hpp"

#include "actors/common/overloaded.hpp"

namespace sb::rpc::cli {
namespace {

constexpr std::int64_t kMsPerSecond = 1000;

std::string error_code_name(service::ErrorCode code) {
  switch (code) {
    case service::ErrorCode::invalid_argument:
      return "invalid argument";
    case service::ErrorCode::not_found:
      return "not found";
    case service::ErrorCode::rejected:
      return "rejected";
    case service::ErrorCode::permission_denied:
      return "permission denied";
    case service::ErrorCode::overloaded:
      return "overloaded";
    case service::ErrorCode::unavailable:
      return "unavailable";
    case service::ErrorCode::internal:
      return "internal error";
  }
  return "error";
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : separator) + item;
  return joined;
}

}  // namespace

std::string describe(const service::OutboundMessage& message) {
  switch (message.kind) {
    case service::OutboundKind::bot_reply:
      return "bot: " + message.text;
    case service::OutboundKind::agent_reply:
      return (message.agent_name.empty() ? std::string("agent") : message.agent_name) + ": " +
             message.text;
    case service::OutboundKind::queue_update:
      return "[queue] you are number " + std::to_string(message.queue_position) + ", about " +
             std::to_string(message.estimated_wait_ms / kMsPerSecond) + " s";
    case service::OutboundKind::csat_prompt:
      return "[rate] " + message.text + " (type /rate 1-5)";
    case service::OutboundKind::system:
      return "[info] " + message.text;
  }
  return "[info] " + message.text;
}

std::string describe(const service::ServiceError& error) {
  std::string text = "error (" + error_code_name(error.code) + "): " + error.message;
  if (!error.rejection.empty()) text += " [" + error.rejection + "]";
  return text;
}

std::string describe(const service::TimelineEntry& entry) {
  return std::string(to_string(entry.channel)) + " " + entry.kind + " " + entry.id + ": " +
         entry.summary;
}

std::vector<std::string> describe(const service::ConversationView& view) {
  std::vector<std::string> lines{"conversation " + view.conversation_id + " (" + view.phase + ", " +
                                 std::string(to_string(view.channel)) + ", customer " +
                                 view.customer_id + ")"};
  if (view.handoff) {
    lines.push_back("  handoff: " + view.handoff->summary);
    if (!view.handoff->intent.empty()) lines.push_back("  intent: " + view.handoff->intent);
    std::vector<std::string> slots;
    for (const auto& [name, value] : view.handoff->slots) slots.push_back(name + "=" + value);
    if (!slots.empty()) lines.push_back("  slots: " + join(slots, ", "));
    if (!view.handoff->reasons.empty()) {
      lines.push_back("  reasons: " + join(view.handoff->reasons, ", "));
    }
  }
  for (const auto& line : view.transcript) lines.push_back("  " + line.author + ": " + line.text);
  return lines;
}

std::vector<std::string> describe(const AgentEvent& event) {
  return std::visit(
      Overloaded{
          [](const service::AgentOffer& offer) {
            std::vector<std::string> lines{"[offer] conversation " +
                                           offer.conversation.conversation_id + " (tier " +
                                           offer.customer_tier + ")"};
            auto conversation = describe(offer.conversation);
            lines.insert(lines.end(), conversation.begin() + 1, conversation.end());
            if (!offer.explanation.empty()) lines.push_back("  why you: " + offer.explanation);
            if (!offer.customer_timeline.empty()) lines.push_back("  timeline:");
            for (const auto& entry : offer.customer_timeline) {
              lines.push_back("    - " + describe(entry));
            }
            lines.push_back("  /accept or /decline " + offer.conversation.conversation_id);
            return lines;
          },
          [](const OfferWithdrawn& withdrawn) {
            return std::vector<std::string>{"[offer withdrawn] " + withdrawn.conversation_id};
          },
          [](const CustomerMessage& message) {
            return std::vector<std::string>{"[" + message.conversation_id + "] " +
                                            message.line.author + ": " + message.line.text};
          },
          [](const Notice& notice) { return std::vector<std::string>{"[notice] " + notice.text}; },
      },
      event);
}

std::string describe(const service::TicketView& ticket) {
  std::string text = "ticket " + ticket.ticket_id + " [" + ticket.status + "]";
  if (!ticket.priority.empty()) text += " priority " + ticket.priority;
  if (!ticket.subject.empty()) text += ": " + ticket.subject;
  if (!ticket.assignee.empty()) text += " (" + ticket.assignee + ")";
  return text;
}

}  // namespace sb::rpc::cli
