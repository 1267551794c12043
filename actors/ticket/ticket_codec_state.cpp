// Codec for snapshots: the whole ticket state.

#include "actors/ticket/ticket_codec.hpp"
#include "actors/ticket/ticket_wire.hpp"

namespace sb::ticket {
namespace {

using namespace wire;  // NOLINT: the codec speaks wire throughout

template <class Init>
void write_optional_instant(const std::optional<Timestamp>& instant, Init init) {
  if (instant) init().setUnixMs(to_unix_ms(*instant));
}

std::optional<Timestamp> read_instant(bool present, schema::Instant::Reader reader) {
  if (!present) return std::nullopt;
  return from_unix_ms(reader.getUnixMs());
}

void write_clock(schema::SlaClock::Builder b, const SlaClock& clock) {
  b.setPhase(raw(clock.phase));
  b.setTargetMs(clock.target.count());
  b.setElapsedMs(clock.elapsed.count());
  write_optional_instant(clock.running_since, [&] { return b.initRunningSince(); });
  b.setCycle(clock.cycle);
  b.setWarned(clock.warned);
  b.setBreached(clock.breached);
}

SlaClock read_clock(schema::SlaClock::Reader r) {
  SlaClock clock{read_clock_phase(r.getPhase()),
                 Duration(r.getTargetMs()),
                 Duration(r.getElapsedMs()),
                 read_instant(r.hasRunningSince(), r.getRunningSince()),
                 r.getCycle(),
                 r.getWarned(),
                 r.getBreached()};
  if ((clock.phase == ClockPhase::running) != clock.running_since.has_value()) {
    fail("an SLA clock must have a running-since time exactly while it runs");
  }
  return clock;
}

void write_texts(schema::TicketState::Builder b, const State& s) {
  b.setTicketId(s.ticket_id);
  b.setCustomerId(s.customer_id);
  b.setConversationId(s.conversation_id);
  b.setCreatedBy(s.created_by);
  b.setSubject(s.subject);
  b.setDescription(s.description);
  b.setAssignee(s.assignee);
  b.setResolutionSummary(s.resolution_summary);
}

void write_lists(schema::TicketState::Builder b, const State& s) {
  auto notes = b.initNotes(static_cast<unsigned>(s.notes.size()));
  for (unsigned i = 0; i < notes.size(); ++i) {
    notes[i].setAuthorId(s.notes[i].author_id);
    notes[i].setText(s.notes[i].text);
    notes[i].setAtMs(to_unix_ms(s.notes[i].at));
  }
  auto clocks = b.initClocks(kSlaClockCount);
  for (unsigned i = 0; i < kSlaClockCount; ++i) write_clock(clocks[i], s.clocks[i]);
}

void write_state(schema::TicketState::Builder b, const State& s) {
  b.setStatus(raw(s.status));
  b.setChannel(raw(s.channel));
  b.setTier(raw(s.tier));
  b.setPriority(raw(s.priority));
  b.setSource(raw(s.source));
  write_texts(b, s);
  write_fields(b.initFields(), s.fields);
  write_policy(b.initPolicy(), s.policy);
  write_lists(b, s);
  b.setEscalationLevel(s.escalation_level);
  b.setBreachCount(s.breach_count);
  b.setReopenCount(s.reopen_count);
  b.setCreatedAtMs(to_unix_ms(s.created_at));
  b.setUpdatedAtMs(to_unix_ms(s.updated_at));
  write_optional_instant(s.first_response_at, [&] { return b.initFirstResponseAt(); });
  write_optional_instant(s.resolved_at, [&] { return b.initResolvedAt(); });
  write_optional_instant(s.closed_at, [&] { return b.initClosedAt(); });
}

void read_lists(schema::TicketState::Reader r, State& s) {
  if (r.getNotes().size() > kNotesMax) {
    fail(std::to_string(r.getNotes().size()) + " notes; the limit is " + std::to_string(kNotesMax));
  }
  for (auto note : r.getNotes()) {
    s.notes.push_back(Note{read_text(note.getAuthorId()), read_text(note.getText()),
                           from_unix_ms(note.getAtMs())});
  }
  if (r.getClocks().size() != kSlaClockCount) {
    fail("expected " + std::to_string(kSlaClockCount) + " SLA clocks, got " +
         std::to_string(r.getClocks().size()));
  }
  for (unsigned i = 0; i < kSlaClockCount; ++i) s.clocks[i] = read_clock(r.getClocks()[i]);
}

State read_state(schema::TicketState::Reader r) {
  State s;
  s.status = read_status(r.getStatus());
  s.ticket_id = read_text(r.getTicketId());
  s.customer_id = read_text(r.getCustomerId());
  s.conversation_id = read_text(r.getConversationId());
  s.channel = read_channel(r.getChannel());
  s.tier = read_tier(r.getTier());
  s.priority = read_priority(r.getPriority());
  s.source = read_source(r.getSource());
  s.created_by = read_text(r.getCreatedBy());
  s.subject = read_text(r.getSubject());
  s.description = read_text(r.getDescription());
  s.fields = read_fields(r.getFields());
  s.assignee = read_text(r.getAssignee());
  s.policy = read_policy(r.getPolicy());
  read_lists(r, s);
  s.escalation_level = r.getEscalationLevel();
  s.breach_count = r.getBreachCount();
  s.reopen_count = r.getReopenCount();
  s.resolution_summary = read_text(r.getResolutionSummary());
  s.created_at = from_unix_ms(r.getCreatedAtMs());
  s.updated_at = from_unix_ms(r.getUpdatedAtMs());
  s.first_response_at = read_instant(r.hasFirstResponseAt(), r.getFirstResponseAt());
  s.resolved_at = read_instant(r.hasResolvedAt(), r.getResolvedAt());
  s.closed_at = read_instant(r.hasClosedAt(), r.getClosedAt());
  return s;
}

}  // namespace

std::string Codec::encode_state(const State& state) {
  return encode<schema::TicketState>(
      [&](schema::TicketState::Builder root) { write_state(root, state); });
}

Expected<State, std::string> Codec::decode_state(std::string_view bytes) {
  return decode<schema::TicketState, State>(bytes, "state", read_state);
}

}  // namespace sb::ticket
