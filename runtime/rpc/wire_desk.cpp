#include "runtime/rpc/wire_desk.hpp"

#include "actors/common/overloaded.hpp"

namespace sb::rpc {
namespace {

void to_wire(api::TranscriptLine::Builder out, const service::TranscriptLine& in) {
  out.setAuthor(to_text(in.author));
  out.setText(to_text(in.text));
  out.setChannel(rpc::to_wire(in.channel));
  out.setAtMs(rpc::to_wire(in.at));
}

service::TranscriptLine from_wire(api::TranscriptLine::Reader in) {
  return {to_string(in.getAuthor()), to_string(in.getText()),
          rpc::from_wire(in.getChannel()).value_or(Channel::web), time_from_wire(in.getAtMs())};
}

void fill_timeline(capnp::List<api::TimelineEntry>::Builder out,
                   const std::vector<service::TimelineEntry>& in) {
  for (unsigned i = 0; i < in.size(); ++i) {
    out[i].setKind(to_text(in[i].kind));
    out[i].setId(to_text(in[i].id));
    out[i].setChannel(rpc::to_wire(in[i].channel));
    out[i].setSummary(to_text(in[i].summary));
    out[i].setAtMs(rpc::to_wire(in[i].at));
  }
}

std::vector<service::TimelineEntry> read_timeline(capnp::List<api::TimelineEntry>::Reader in) {
  std::vector<service::TimelineEntry> entries;
  for (auto entry : in) {
    entries.push_back({to_string(entry.getKind()), to_string(entry.getId()),
                       rpc::from_wire(entry.getChannel()).value_or(Channel::web),
                       to_string(entry.getSummary()), time_from_wire(entry.getAtMs())});
  }
  return entries;
}

void to_wire(api::HandoffInfo::Builder out, const service::HandoffInfo& in) {
  out.setIntent(to_text(in.intent));
  fill(out.initSlots(in.slots.size()), in.slots);
  fill(out.initTags(in.tags.size()), in.tags);
  fill(out.initReasons(in.reasons.size()), in.reasons);
  out.setSummary(to_text(in.summary));
}

service::HandoffInfo from_wire(api::HandoffInfo::Reader in) {
  return {to_string(in.getIntent()), read_map(in.getSlots()), read_texts(in.getTags()),
          read_texts(in.getReasons()), to_string(in.getSummary())};
}

void to_wire(api::AgentOffer::Builder out, const service::AgentOffer& in) {
  out.setOfferId(to_text(in.offer_id));
  rpc::to_wire(out.initConversation(), in.conversation);
  fill_timeline(out.initCustomerTimeline(in.customer_timeline.size()), in.customer_timeline);
  out.setCustomerTier(to_text(in.customer_tier));
  out.setExplanation(to_text(in.explanation));
  out.setExpiresAtMs(rpc::to_wire(in.expires_at));
}

service::AgentOffer from_wire(api::AgentOffer::Reader in) {
  service::AgentOffer offer;
  offer.offer_id = to_string(in.getOfferId());
  offer.conversation = rpc::from_wire(in.getConversation());
  offer.customer_timeline = read_timeline(in.getCustomerTimeline());
  offer.customer_tier = to_string(in.getCustomerTier());
  offer.explanation = to_string(in.getExplanation());
  offer.expires_at = time_from_wire(in.getExpiresAtMs());
  return offer;
}

}  // namespace

void to_wire(api::AgentView::Builder out, const service::AgentView& in) {
  out.setAgentId(to_text(in.agent_id));
  out.setDisplayName(to_text(in.display_name));
  out.setPresence(rpc::to_wire(in.presence));
  fill(out.initSkills(in.skills.size()), in.skills);
  fill(out.initActiveConversations(in.active_conversations.size()), in.active_conversations);
  out.setChatCapacity(in.chat_capacity);
  out.setEmailCapacity(in.email_capacity);
}

service::AgentView from_wire(api::AgentView::Reader in) {
  service::AgentView view;
  view.agent_id = to_string(in.getAgentId());
  view.display_name = to_string(in.getDisplayName());
  view.presence = rpc::from_wire(in.getPresence()).value_or(service::Presence::offline);
  view.skills = read_skills(in.getSkills());
  view.active_conversations = read_texts(in.getActiveConversations());
  view.chat_capacity = in.getChatCapacity();
  view.email_capacity = in.getEmailCapacity();
  return view;
}

void to_wire(api::ConversationView::Builder out, const service::ConversationView& in) {
  out.setConversationId(to_text(in.conversation_id));
  out.setCustomerId(to_text(in.customer_id));
  out.setPhase(to_text(in.phase));
  out.setChannel(rpc::to_wire(in.channel));
  out.setAssignedAgent(to_text(in.assigned_agent));
  out.setSkill(to_text(in.skill));
  auto transcript = out.initTranscript(in.transcript.size());
  for (unsigned i = 0; i < in.transcript.size(); ++i) to_wire(transcript[i], in.transcript[i]);
  out.setHasHandoff(in.handoff.has_value());
  if (in.handoff) to_wire(out.initHandoff(), *in.handoff);
}

service::ConversationView from_wire(api::ConversationView::Reader in) {
  service::ConversationView view;
  view.conversation_id = to_string(in.getConversationId());
  view.customer_id = to_string(in.getCustomerId());
  view.phase = to_string(in.getPhase());
  view.channel = rpc::from_wire(in.getChannel()).value_or(Channel::web);
  view.assigned_agent = to_string(in.getAssignedAgent());
  view.skill = to_string(in.getSkill());
  for (auto line : in.getTranscript()) view.transcript.push_back(from_wire(line));
  if (in.getHasHandoff()) view.handoff = from_wire(in.getHandoff());
  return view;
}

void to_wire(api::AgentEvent::Builder out, const AgentEvent& in) {
  std::visit(Overloaded{
                 [&](const service::AgentOffer& offer) { to_wire(out.initOffer(), offer); },
                 [&](const OfferWithdrawn& withdrawn) {
                   out.setOfferWithdrawn(to_text(withdrawn.conversation_id));
                 },
                 [&](const CustomerMessage& message) {
                   auto group = out.initCustomerMessage();
                   group.setConversationId(to_text(message.conversation_id));
                   to_wire(group.initLine(), message.line);
                 },
                 [&](const Notice& notice) { out.setNotice(to_text(notice.text)); },
             },
             in);
}

std::optional<AgentEvent> from_wire(api::AgentEvent::Reader in) {
  switch (in.which()) {
    case api::AgentEvent::OFFER:
      return AgentEvent{from_wire(in.getOffer())};
    case api::AgentEvent::OFFER_WITHDRAWN:
      return AgentEvent{OfferWithdrawn{to_string(in.getOfferWithdrawn())}};
    case api::AgentEvent::CUSTOMER_MESSAGE: {
      auto group = in.getCustomerMessage();
      return AgentEvent{
          CustomerMessage{to_string(group.getConversationId()), from_wire(group.getLine())}};
    }
    case api::AgentEvent::NOTICE:
      return AgentEvent{Notice{to_string(in.getNotice())}};
    default:  // an event kind newer than this build
      return std::nullopt;
  }
}

void to_wire(api::Timeline::Builder out, const std::vector<service::TimelineEntry>& in) {
  fill_timeline(out.initEntries(in.size()), in);
}

std::vector<service::TimelineEntry> from_wire(api::Timeline::Reader in) {
  return read_timeline(in.getEntries());
}

void to_wire(api::HistoryMatches::Builder out, const std::vector<service::HistoryMatch>& in) {
  auto matches = out.initMatches(static_cast<unsigned>(in.size()));
  for (unsigned i = 0; i < in.size(); ++i) {
    matches[i].setConversationId(to_text(in[i].conversation_id));
    to_wire(matches[i].initLine(), in[i].line);
  }
}

std::vector<service::HistoryMatch> from_wire(api::HistoryMatches::Reader in) {
  std::vector<service::HistoryMatch> out;
  for (auto match : in.getMatches()) {
    out.push_back({to_string(match.getConversationId()), from_wire(match.getLine())});
  }
  return out;
}

void to_wire(api::SuggestedReplies::Builder out, const std::vector<service::SuggestedReply>& in) {
  auto replies = out.initReplies(in.size());
  for (unsigned i = 0; i < in.size(); ++i) {
    replies[i].setIntent(to_text(in[i].intent));
    replies[i].setConfidence(in[i].confidence);
    replies[i].setText(to_text(in[i].text));
  }
}

std::vector<service::SuggestedReply> from_wire(api::SuggestedReplies::Reader in) {
  std::vector<service::SuggestedReply> replies;
  for (auto reply : in.getReplies()) {
    replies.push_back(
        {to_string(reply.getIntent()), reply.getConfidence(), to_string(reply.getText())});
  }
  return replies;
}

void to_wire(api::TicketSpec::Builder out, const service::TicketSpec& in) {
  out.setConversationId(to_text(in.conversation_id));
  out.setCustomerId(to_text(in.customer_id));
  out.setSubject(to_text(in.subject));
  out.setDescription(to_text(in.description));
  out.setPriority(to_text(in.priority));
  fill(out.initFields(in.fields.size()), in.fields);
}

service::TicketSpec from_wire(api::TicketSpec::Reader in) {
  return {to_string(in.getConversationId()), to_string(in.getCustomerId()),
          to_string(in.getSubject()),        to_string(in.getDescription()),
          to_string(in.getPriority()),       read_map(in.getFields())};
}

void to_wire(api::TicketView::Builder out, const service::TicketView& in) {
  out.setTicketId(to_text(in.ticket_id));
  out.setStatus(to_text(in.status));
  out.setPriority(to_text(in.priority));
  out.setAssignee(to_text(in.assignee));
  out.setSubject(to_text(in.subject));
  fill(out.initFields(in.fields.size()), in.fields);
  fill(out.initNotes(in.notes.size()), in.notes);
  out.setCustomerStatusText(to_text(in.customer_status_text));
  fill(out.initSla(in.sla.size()), in.sla);
  out.setEscalationLevel(in.escalation_level);
}

service::TicketView from_wire(api::TicketView::Reader in) {
  service::TicketView view;
  view.ticket_id = to_string(in.getTicketId());
  view.status = to_string(in.getStatus());
  view.priority = to_string(in.getPriority());
  view.assignee = to_string(in.getAssignee());
  view.subject = to_string(in.getSubject());
  view.fields = read_map(in.getFields());
  view.notes = read_texts(in.getNotes());
  view.customer_status_text = to_string(in.getCustomerStatusText());
  view.sla = read_texts(in.getSla());
  view.escalation_level = in.getEscalationLevel();
  return view;
}

void to_wire(api::TicketUpdate::Builder out, const service::TicketUpdate& in) {
  out.setTicketId(to_text(in.ticket_id));
  if (in.status) out.setStatus(to_text(*in.status));
  if (in.priority) out.setPriority(to_text(*in.priority));
  if (in.assignee) out.setAssignee(to_text(*in.assignee));
  if (in.note) out.setNote(to_text(*in.note));
  fill(out.initFields(in.fields.size()), in.fields);
}

service::TicketUpdate from_wire(api::TicketUpdate::Reader in) {
  auto optional = [](capnp::Text::Reader text) -> std::optional<std::string> {
    if (text.size() == 0) return std::nullopt;
    return to_string(text);
  };
  service::TicketUpdate update;
  update.ticket_id = to_string(in.getTicketId());
  update.status = optional(in.getStatus());
  update.priority = optional(in.getPriority());
  update.assignee = optional(in.getAssignee());
  update.note = optional(in.getNote());
  update.fields = read_map(in.getFields());
  return update;
}

}  // namespace sb::rpc
