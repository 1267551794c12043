#include "actors/ticket/ticket_codec.hpp"

#include "actors/common/overloaded.hpp"
#include "actors/ticket/ticket_wire.hpp"

namespace sb::ticket {
namespace {

using namespace wire;  // NOLINT: the codec speaks wire throughout

Timestamp at_ms(std::int64_t ms) { return from_unix_ms(ms); }

// SlaWarned and SlaBreached have the same shape on both sides.
template <class Builder, class E>
void write_crossing(Builder b, const E& e) {
  b.setClock(raw(e.clock));
  b.setCycle(e.cycle);
  b.setTargetMs(e.target.count());
  b.setElapsedMs(e.elapsed.count());
  b.setDueAtMs(to_unix_ms(e.due_at));
  b.setAtMs(to_unix_ms(e.at));
}

template <class E, class Reader>
E read_crossing(Reader r) {
  return E{read_clock_kind(r.getClock()), r.getCycle(),          Duration(r.getTargetMs()),
           Duration(r.getElapsedMs()),    at_ms(r.getDueAtMs()), at_ms(r.getAtMs())};
}

void write_created(schema::TicketCreated::Builder b, const TicketCreated& e) {
  b.setTicketId(e.ticket_id);
  b.setCustomerId(e.customer_id);
  b.setConversationId(e.conversation_id);
  b.setChannel(raw(e.channel));
  b.setTier(raw(e.tier));
  b.setPriority(raw(e.priority));
  b.setSource(raw(e.source));
  b.setCreatedBy(e.created_by);
  b.setSubject(e.subject);
  b.setDescription(e.description);
  write_fields(b.initFields(), e.fields);
  write_policy(b.initPolicy(), e.policy);
  b.setAtMs(to_unix_ms(e.at));
}

TicketCreated read_created(schema::TicketCreated::Reader r) {
  return TicketCreated{read_text(r.getTicketId()),
                       read_text(r.getCustomerId()),
                       read_text(r.getConversationId()),
                       read_channel(r.getChannel()),
                       read_tier(r.getTier()),
                       read_priority(r.getPriority()),
                       read_source(r.getSource()),
                       read_text(r.getCreatedBy()),
                       read_text(r.getSubject()),
                       read_text(r.getDescription()),
                       read_fields(r.getFields()),
                       read_policy(r.getPolicy()),
                       at_ms(r.getAtMs())};
}

void write_body(schema::FieldsUpdated::Builder b, const FieldsUpdated& e) {
  write_fields(b.initFields(), e.fields);
  b.setBy(e.by);
  b.setAtMs(to_unix_ms(e.at));
}

void write_body(schema::TicketAssigned::Builder b, const TicketAssigned& e) {
  b.setAssignee(e.assignee);
  b.setBy(e.by);
  b.setAtMs(to_unix_ms(e.at));
}

void write_body(schema::StatusChanged::Builder b, const StatusChanged& e) {
  b.setTo(raw(e.to));
  b.setBy(e.by);
  write_durations(b.initElapsedMs(kSlaClockCount), e.elapsed);
  b.setAtMs(to_unix_ms(e.at));
}

void write_body(schema::AgentReplied::Builder b, const AgentReplied& e) {
  b.setAgentId(e.agent_id);
  write_durations(b.initElapsedMs(kSlaClockCount), e.elapsed);
  b.setAtMs(to_unix_ms(e.at));
}

void write_body(schema::NoteAdded::Builder b, const NoteAdded& e) {
  b.setAuthorId(e.author_id);
  b.setText(e.text);
  b.setAtMs(to_unix_ms(e.at));
}

void write_body(schema::PriorityChanged::Builder b, const PriorityChanged& e) {
  b.setPriority(raw(e.priority));
  b.setBy(e.by);
  b.setAtMs(to_unix_ms(e.at));
}

void write_body(schema::SlaPolicyChanged::Builder b, const SlaPolicyChanged& e) {
  b.setTier(raw(e.tier));
  write_policy(b.initPolicy(), e.policy);
  write_durations(b.initElapsedMs(kSlaClockCount), e.elapsed);
  b.setAtMs(to_unix_ms(e.at));
}

void write_body(schema::Escalated::Builder b, const Escalated& e) {
  b.setLevel(e.level);
  b.setPriority(raw(e.priority));
  b.setAssignee(e.assignee);
  b.setClock(raw(e.clock));
  b.setAtMs(to_unix_ms(e.at));
}

void write_body(schema::TicketResolved::Builder b, const TicketResolved& e) {
  b.setBy(e.by);
  b.setSummary(e.summary);
  write_durations(b.initElapsedMs(kSlaClockCount), e.elapsed);
  b.setAtMs(to_unix_ms(e.at));
}

void write_body(schema::TicketReopened::Builder b, const TicketReopened& e) {
  b.setBy(e.by);
  b.setReason(e.reason);
  b.setAtMs(to_unix_ms(e.at));
}

void write_body(schema::TicketClosed::Builder b, const TicketClosed& e) {
  b.setBy(e.by);
  b.setAtMs(to_unix_ms(e.at));
}

void write_event(schema::TicketEvent::Builder root, const Event& event) {
  std::visit(
      Overloaded{
          [&](const TicketCreated& e) { write_created(root.initTicketCreated(), e); },
          [&](const FieldsUpdated& e) { write_body(root.initFieldsUpdated(), e); },
          [&](const TicketAssigned& e) { write_body(root.initTicketAssigned(), e); },
          [&](const StatusChanged& e) { write_body(root.initStatusChanged(), e); },
          [&](const AgentReplied& e) { write_body(root.initAgentReplied(), e); },
          [&](const CustomerReplied& e) { root.initCustomerReplied().setAtMs(to_unix_ms(e.at)); },
          [&](const NoteAdded& e) { write_body(root.initNoteAdded(), e); },
          [&](const PriorityChanged& e) { write_body(root.initPriorityChanged(), e); },
          [&](const SlaPolicyChanged& e) { write_body(root.initSlaPolicyChanged(), e); },
          [&](const SlaWarned& e) { write_crossing(root.initSlaWarned(), e); },
          [&](const SlaBreached& e) { write_crossing(root.initSlaBreached(), e); },
          [&](const Escalated& e) { write_body(root.initEscalated(), e); },
          [&](const TicketResolved& e) { write_body(root.initTicketResolved(), e); },
          [&](const TicketReopened& e) { write_body(root.initTicketReopened(), e); },
          [&](const TicketClosed& e) { write_body(root.initTicketClosed(), e); },
      },
      event);
}

StatusChanged read_status_changed(schema::StatusChanged::Reader r) {
  const Status to = read_status(r.getTo());
  if (to != Status::open && to != Status::pending_customer) {
    fail("StatusChanged to status " + std::to_string(r.getTo()) +
         "; only open and pending_customer are changes of this kind");
  }
  return StatusChanged{to, read_text(r.getBy()), read_durations(r.getElapsedMs()),
                       at_ms(r.getAtMs())};
}

Event read_event(schema::TicketEvent::Reader root) {
  using W = schema::TicketEvent;
  switch (root.which()) {
    case W::TICKET_CREATED:
      return read_created(root.getTicketCreated());
    case W::FIELDS_UPDATED: {
      auto r = root.getFieldsUpdated();
      return FieldsUpdated{read_fields(r.getFields()), read_text(r.getBy()), at_ms(r.getAtMs())};
    }
    case W::TICKET_ASSIGNED: {
      auto r = root.getTicketAssigned();
      return TicketAssigned{read_text(r.getAssignee()), read_text(r.getBy()), at_ms(r.getAtMs())};
    }
    case W::STATUS_CHANGED:
      return read_status_changed(root.getStatusChanged());
    case W::AGENT_REPLIED: {
      auto r = root.getAgentReplied();
      return AgentReplied{read_text(r.getAgentId()), read_durations(r.getElapsedMs()),
                          at_ms(r.getAtMs())};
    }
    case W::CUSTOMER_REPLIED:
      return CustomerReplied{at_ms(root.getCustomerReplied().getAtMs())};
    case W::NOTE_ADDED: {
      auto r = root.getNoteAdded();
      return NoteAdded{read_text(r.getAuthorId()), read_text(r.getText()), at_ms(r.getAtMs())};
    }
    case W::PRIORITY_CHANGED: {
      auto r = root.getPriorityChanged();
      return PriorityChanged{read_priority(r.getPriority()), read_text(r.getBy()),
                             at_ms(r.getAtMs())};
    }
    case W::SLA_POLICY_CHANGED: {
      auto r = root.getSlaPolicyChanged();
      return SlaPolicyChanged{read_tier(r.getTier()), read_policy(r.getPolicy()),
                              read_durations(r.getElapsedMs()), at_ms(r.getAtMs())};
    }
    case W::SLA_WARNED:
      return read_crossing<SlaWarned>(root.getSlaWarned());
    case W::SLA_BREACHED:
      return read_crossing<SlaBreached>(root.getSlaBreached());
    case W::ESCALATED: {
      auto r = root.getEscalated();
      return Escalated{r.getLevel(), read_priority(r.getPriority()), read_text(r.getAssignee()),
                       read_clock_kind(r.getClock()), at_ms(r.getAtMs())};
    }
    case W::TICKET_RESOLVED: {
      auto r = root.getTicketResolved();
      return TicketResolved{read_text(r.getBy()), read_text(r.getSummary()),
                            read_durations(r.getElapsedMs()), at_ms(r.getAtMs())};
    }
    case W::TICKET_REOPENED: {
      auto r = root.getTicketReopened();
      return TicketReopened{read_text(r.getBy()), read_text(r.getReason()), at_ms(r.getAtMs())};
    }
    case W::TICKET_CLOSED: {
      auto r = root.getTicketClosed();
      return TicketClosed{read_text(r.getBy()), at_ms(r.getAtMs())};
    }
  }
  fail("unknown ticket event kind " + std::to_string(static_cast<unsigned>(root.which())));
}

}  // namespace

std::string Codec::encode_event(const Event& event) {
  return encode<schema::TicketEvent>(
      [&](schema::TicketEvent::Builder root) { write_event(root, event); });
}

Expected<Event, std::string> Codec::decode_event(std::string_view bytes) {
  return decode<schema::TicketEvent, Event>(bytes, "event", read_event);
}

}  // namespace sb::ticket
