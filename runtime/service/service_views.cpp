#include "runtime/service/service_views.hpp"

#include "actors/conversation/conversation_bot.hpp"
#include "actors/conversation/conversation_queries.hpp"

namespace sb::service {

DeliverResult deliver_result(const services::TurnOutcome& outcome, const std::string& customer_id,
                             const InboundMessage& message) {
  DeliverResult result;
  result.conversation_id = outcome.conversation_id;
  result.customer_id = customer_id;
  result.duplicate = outcome.duplicate;
  result.handed_off = outcome.handed_off;
  result.queue_position = outcome.queue_position;
  if (outcome.bot_reply) {
    OutboundMessage reply;
    reply.kind = OutboundKind::bot_reply;
    reply.conversation_id = outcome.conversation_id;
    reply.customer_id = customer_id;
    reply.channel = message.channel;
    reply.channel_user_id = message.channel_user_id;
    reply.message_id = message.message_id + "/bot";
    reply.text = *outcome.bot_reply;
    reply.at = message.sent_at.value_or(Timestamp{});
    result.bot_reply = std::move(reply);
  }
  return result;
}

agent::Presence to_agent_presence(Presence presence) {
  switch (presence) {
    case Presence::offline: return agent::Presence::offline;
    case Presence::online: return agent::Presence::online;
    case Presence::away: return agent::Presence::away;
  }
  return agent::Presence::offline;
}

AgentView agent_view(const std::string& agent_id, const agent::State& state) {
  AgentView view;
  view.agent_id = agent_id;
  view.display_name = state.display_name;
  view.presence = state.presence == agent::Presence::online  ? Presence::online
                  : state.presence == agent::Presence::away ? Presence::away
                                                            : Presence::offline;
  view.skills = state.skills;
  for (const auto& [id, channel] : state.active) view.active_conversations.push_back(id);
  view.chat_capacity = state.capacity.chats;
  view.email_capacity = state.capacity.emails;
  return view;
}

ConversationView conversation_view(const std::string& conversation_id, const conversation::State& state) {
  ConversationView view;
  view.conversation_id = conversation_id;
  view.customer_id = state.customer_id;
  view.phase = std::string(to_string(state.phase));
  view.channel = state.channel;
  if (state.assignment) view.assigned_agent = state.assignment->agent_id;
  if (state.queue) view.skill = state.queue->skill_group;
  for (const auto& message : conversation::transcript(state)) {
    view.transcript.push_back({std::string(to_string(message.author)), message.text, message.channel, message.at});
  }
  if (auto record = conversation::handoff_record(state)) {
    HandoffInfo info;
    info.intent = record->intent;
    info.slots = record->slots;
    info.tags = record->tags;
    for (auto reason : record->reasons) info.reasons.emplace_back(to_string(reason));
    info.summary = record->intent.empty() ? "the bot did not understand the customer"
                                          : "the customer asked about " + record->intent;
    view.handoff = std::move(info);
  }
  return view;
}

std::vector<SuggestedReply> suggestions_for(const bot::Bot& bot, const conversation::State& state) {
  std::vector<SuggestedReply> out;
  const auto messages = conversation::transcript(state);
  for (auto it = messages.rbegin(); it != messages.rend(); ++it) {
    if (it->author != conversation::Author::customer) continue;
    for (const auto& s : bot.suggest_replies(it->text, conversation::to_dialogue_state(state.bot_context))) {
      out.push_back({s.intent, s.confidence, s.text});
    }
    break;
  }
  return out;
}

Expected<conversation::TransferTarget, ServiceError> parse_transfer_target(const std::string& target) {
  const auto colon = target.find(':');
  const auto kind = target.substr(0, colon);
  const auto id = colon == std::string::npos ? std::string() : target.substr(colon + 1);
  if (id.empty() || (kind != "agent" && kind != "skill")) {
    return unexpected(ServiceError{ErrorCode::invalid_argument,
                                   "a transfer target is agent:<id> or skill:<group>, not '" + target + "'", {}});
  }
  return conversation::TransferTarget{
      kind == "agent" ? conversation::TargetKind::agent : conversation::TargetKind::skill_group, id};
}

}  // namespace sb::service
