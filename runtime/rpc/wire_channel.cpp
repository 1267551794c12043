#include "runtime/rpc/wire_channel.hpp"

namespace sb::rpc {
namespace {

api::OutboundKind to_wire(service::OutboundKind kind) {
  switch (kind) {
    case service::OutboundKind::bot_reply:
      return api::OutboundKind::BOT_REPLY;
    case service::OutboundKind::agent_reply:
      return api::OutboundKind::AGENT_REPLY;
    case service::OutboundKind::queue_update:
      return api::OutboundKind::QUEUE_UPDATE;
    case service::OutboundKind::csat_prompt:
      return api::OutboundKind::CSAT_PROMPT;
    case service::OutboundKind::system:
      return api::OutboundKind::SYSTEM;
  }
  return api::OutboundKind::UNSPECIFIED;
}

service::OutboundKind from_wire(api::OutboundKind kind) {
  switch (kind) {
    case api::OutboundKind::BOT_REPLY:
      return service::OutboundKind::bot_reply;
    case api::OutboundKind::AGENT_REPLY:
      return service::OutboundKind::agent_reply;
    case api::OutboundKind::QUEUE_UPDATE:
      return service::OutboundKind::queue_update;
    case api::OutboundKind::CSAT_PROMPT:
      return service::OutboundKind::csat_prompt;
    case api::OutboundKind::SYSTEM:
    case api::OutboundKind::UNSPECIFIED:
    default:  // a newer kind: show it as a system line rather than dropping it
      return service::OutboundKind::system;
  }
}

}  // namespace

void to_wire(api::InboundMessage::Builder out, const service::InboundMessage& in) {
  out.setChannel(rpc::to_wire(in.channel));
  out.setChannelUserId(to_text(in.channel_user_id));
  out.setMessageId(to_text(in.message_id));
  out.setText(to_text(in.text));
  out.setDisplayName(to_text(in.display_name));
  out.setSentAtMs(in.sent_at ? rpc::to_wire(*in.sent_at) : 0);
  out.setAccountId(to_text(in.account_id));
}

service::InboundMessage from_wire(api::InboundMessage::Reader in) {
  service::InboundMessage message;
  message.channel_user_id = to_string(in.getChannelUserId());
  message.message_id = to_string(in.getMessageId());
  message.text = to_string(in.getText());
  message.display_name = to_string(in.getDisplayName());
  if (in.getSentAtMs() != 0) message.sent_at = time_from_wire(in.getSentAtMs());
  message.account_id = to_string(in.getAccountId());
  return message;
}

void to_wire(api::OutboundMessage::Builder out, const service::OutboundMessage& in) {
  out.setKind(to_wire(in.kind));
  out.setConversationId(to_text(in.conversation_id));
  out.setCustomerId(to_text(in.customer_id));
  out.setChannel(rpc::to_wire(in.channel));
  out.setChannelUserId(to_text(in.channel_user_id));
  out.setMessageId(to_text(in.message_id));
  out.setText(to_text(in.text));
  out.setAgentName(to_text(in.agent_name));
  out.setQueuePosition(in.queue_position);
  out.setEstimatedWaitMs(in.estimated_wait_ms);
  out.setAtMs(rpc::to_wire(in.at));
}

service::OutboundMessage from_wire(api::OutboundMessage::Reader in) {
  service::OutboundMessage message;
  message.kind = from_wire(in.getKind());
  message.conversation_id = to_string(in.getConversationId());
  message.customer_id = to_string(in.getCustomerId());
  message.channel = rpc::from_wire(in.getChannel()).value_or(Channel::web);
  message.channel_user_id = to_string(in.getChannelUserId());
  message.message_id = to_string(in.getMessageId());
  message.text = to_string(in.getText());
  message.agent_name = to_string(in.getAgentName());
  message.queue_position = in.getQueuePosition();
  message.estimated_wait_ms = in.getEstimatedWaitMs();
  message.at = time_from_wire(in.getAtMs());
  return message;
}

void to_wire(api::DeliverResult::Builder out, const service::DeliverResult& in) {
  out.setConversationId(to_text(in.conversation_id));
  out.setCustomerId(to_text(in.customer_id));
  out.setDuplicate(in.duplicate);
  out.setHasBotReply(in.bot_reply.has_value());
  if (in.bot_reply) to_wire(out.initBotReply(), *in.bot_reply);
  out.setHandedOff(in.handed_off);
  out.setQueuePosition(in.queue_position);
}

service::DeliverResult from_wire(api::DeliverResult::Reader in) {
  service::DeliverResult result;
  result.conversation_id = to_string(in.getConversationId());
  result.customer_id = to_string(in.getCustomerId());
  result.duplicate = in.getDuplicate();
  if (in.getHasBotReply()) result.bot_reply = from_wire(in.getBotReply());
  result.handed_off = in.getHandedOff();
  result.queue_position = in.getQueuePosition();
  return result;
}

}  // namespace sb::rpc
