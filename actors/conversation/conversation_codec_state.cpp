// The conversation snapshot: State <-> schema::conversation::ConversationState.

#include "actors/conversation/conversation_codec_parts.hpp"

namespace sb::conversation::codec_parts {
namespace {

void write_messages(capnp::List<wire::Message>::Builder out, const std::vector<Message>& messages) {
  for (unsigned i = 0; i < out.size(); ++i) {
    const Message& m = messages[i];
    out[i].setMessageId(m.message_id);
    out[i].setAuthor(byte(m.author));
    out[i].setAuthorId(m.author_id);
    out[i].setChannel(byte(m.channel));
    out[i].setText(m.text);
    out[i].setAtMs(to_unix_ms(m.at));
  }
}

std::vector<Message> read_messages(capnp::List<wire::Message>::Reader in, Reader& r) {
  std::vector<Message> messages;
  for (auto m : in) {
    messages.push_back(Message{text(m.getMessageId()),
                               r.enumeration<Author>(m.getAuthor(), 1, 3, "author"),
                               text(m.getAuthorId()), r.channel(m.getChannel()), text(m.getText()),
                               from_unix_ms(m.getAtMs())});
  }
  return messages;
}

void write_handoff(wire::Handoff::Builder out, const Handoff& h) {
  out.setInitiator(byte(h.initiator));
  write_reasons(out.initReasons(static_cast<unsigned>(h.reasons.size())), h.reasons);
  out.setIntent(h.intent);
  write_slots(out.initSlots(static_cast<unsigned>(h.slots.size())), h.slots);
  out.setSkillHint(h.skill_hint);
  out.setAtMs(to_unix_ms(h.at));
}

Handoff read_handoff(wire::Handoff::Reader in, Reader& r) {
  return Handoff{r.enumeration<Initiator>(in.getInitiator(), 1, 4, "initiator"),
                 read_reasons(in.getReasons(), r),
                 text(in.getIntent()),
                 read_slots(in.getSlots()),
                 text(in.getSkillHint()),
                 from_unix_ms(in.getAtMs())};
}

// The parts that exist only in some phases.
void write_routing(wire::ConversationState::Builder out, const State& state) {
  out.setHasQueue(state.queue.has_value());
  if (state.queue) {
    auto q = out.initQueue();
    q.setSkillGroup(state.queue->skill_group);
    q.setTier(byte(state.queue->tier));
    q.setPosition(state.queue->position);
    q.setEnqueuedAtMs(to_unix_ms(state.queue->enqueued_at));
  }
  out.setHasOffer(state.offer.has_value());
  if (state.offer) {
    auto o = out.initOffer();
    o.setAgentId(state.offer->agent_id);
    o.setOfferedAtMs(to_unix_ms(state.offer->offered_at));
    o.setExpiresAtMs(to_unix_ms(state.offer->expires_at));
  }
  out.setHasAssignment(state.assignment.has_value());
  if (state.assignment) {
    const Assignment& a = *state.assignment;
    write_assigned(out.initAssignment(), Assigned{a.agent_id, a.explanation, a.at});
  }
  out.setHasTransfer(state.transfer.has_value());
  if (state.transfer) write_transferred(out.initTransfer(), *state.transfer);
}

void read_routing(wire::ConversationState::Reader in, State& state, Reader& r) {
  if (in.getHasQueue()) {
    auto q = in.getQueue();
    state.queue = QueueEntry{text(q.getSkillGroup()), r.tier(q.getTier()), q.getPosition(),
                             from_unix_ms(q.getEnqueuedAtMs())};
  }
  if (in.getHasOffer()) {
    auto o = in.getOffer();
    state.offer = PendingOffer{text(o.getAgentId()), from_unix_ms(o.getOfferedAtMs()),
                               from_unix_ms(o.getExpiresAtMs())};
  }
  if (in.getHasAssignment()) {
    Assigned a = read_assigned(in.getAssignment(), r);
    state.assignment = Assignment{a.agent_id, a.explanation, a.at};
  }
  if (in.getHasTransfer()) state.transfer = read_transferred(in.getTransfer(), r);
}

}  // namespace

void write_state(wire::ConversationState::Builder out, const State& state) {
  out.setPhase(byte(state.phase));
  out.setCustomerId(state.customer_id);
  out.setChannel(byte(state.channel));
  out.setOpenedAtMs(to_unix_ms(state.opened_at));
  out.setLastActivityAtMs(to_unix_ms(state.last_activity_at));
  write_messages(out.initMessages(static_cast<unsigned>(state.messages.size())), state.messages);
  out.setMessagesTotal(state.messages_total);
  write_context(out.initBotContext(), state.bot_context);
  out.setIntent(state.intent);
  write_slots(out.initSlots(static_cast<unsigned>(state.slots.size())), state.slots);
  write_texts(out.initTags(static_cast<unsigned>(state.tags.size())), state.tags);
  out.setHasHandoff(state.handoff.has_value());
  if (state.handoff) write_handoff(out.initHandoff(), *state.handoff);
  write_routing(out, state);
  out.setLastAgentId(state.last_agent_id);
  out.setHasResolution(state.resolution.has_value());
  if (state.resolution) write_resolved(out.initResolution(), *state.resolution);
  out.setHasClosing(state.closing.has_value());
  if (state.closing) write_closed(out.initClosing(), *state.closing);
  out.setHasRating(state.rating.has_value());
  if (state.rating) {
    const Rating& rating = *state.rating;
    write_rated(out.initRating(), RatedByCustomer{rating.score, rating.comment, rating.at});
  }
  out.setReopenCount(state.reopen_count);
  out.setFollowUps(state.follow_ups);
  out.setHasFollowUp(state.follow_up.has_value());
  if (state.follow_up) write_follow_up(out.initFollowUp(), *state.follow_up);
  write_texts(out.initFollowUpTickets(static_cast<unsigned>(state.follow_up_tickets.size())),
              state.follow_up_tickets);
}

State read_state(wire::ConversationState::Reader in, Reader& r) {
  State state;
  state.phase = r.phase(in.getPhase());
  state.customer_id = text(in.getCustomerId());
  state.channel = r.channel(in.getChannel());
  state.opened_at = from_unix_ms(in.getOpenedAtMs());
  state.last_activity_at = from_unix_ms(in.getLastActivityAtMs());
  state.messages = read_messages(in.getMessages(), r);
  state.messages_total = in.getMessagesTotal();
  state.bot_context = read_context(in.getBotContext());
  state.intent = text(in.getIntent());
  state.slots = read_slots(in.getSlots());
  state.tags = read_texts(in.getTags());
  if (in.getHasHandoff()) state.handoff = read_handoff(in.getHandoff(), r);
  read_routing(in, state, r);
  state.last_agent_id = text(in.getLastAgentId());
  if (in.getHasResolution()) state.resolution = read_resolved(in.getResolution());
  if (in.getHasClosing()) state.closing = read_closed(in.getClosing(), r);
  if (in.getHasRating()) {
    RatedByCustomer rated = read_rated(in.getRating());
    state.rating = Rating{rated.score, rated.comment, rated.at};
  }
  state.reopen_count = in.getReopenCount();
  state.follow_ups = in.getFollowUps();
  if (in.getHasFollowUp()) state.follow_up = read_follow_up(in.getFollowUp(), r);
  state.follow_up_tickets = read_texts(in.getFollowUpTickets());
  return state;
}

}  // namespace sb::conversation::codec_parts
