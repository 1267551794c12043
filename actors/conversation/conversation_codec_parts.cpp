#include "actors/conversation/conversation_codec_parts.hpp"

namespace sb::conversation::codec_parts {

void write_slots(capnp::List<wire::Slot>::Builder out, const Slots& slots) {
  unsigned i = 0;
  for (const auto& [name, value] : slots) {
    out[i].setName(name);
    out[i].setValue(value);
    ++i;
  }
}
Slots read_slots(capnp::List<wire::Slot>::Reader in) {
  Slots slots;
  for (auto slot : in) slots[text(slot.getName())] = text(slot.getValue());
  return slots;
}

void write_texts(capnp::List<capnp::Text>::Builder out, const std::vector<std::string>& texts) {
  for (unsigned i = 0; i < texts.size(); ++i) out.set(i, texts[i]);
}
std::vector<std::string> read_texts(capnp::List<capnp::Text>::Reader in) {
  std::vector<std::string> out;
  for (auto t : in) out.push_back(text(t));
  return out;
}

void write_reasons(capnp::List<std::uint8_t>::Builder out,
                   const std::vector<HandoffReason>& reasons) {
  for (unsigned i = 0; i < reasons.size(); ++i) out.set(i, byte(reasons[i]));
}
std::vector<HandoffReason> read_reasons(capnp::List<std::uint8_t>::Reader in, Reader& r) {
  std::vector<HandoffReason> reasons;
  for (auto raw : in) reasons.push_back(r.enumeration<HandoffReason>(raw, 1, 8, "handoff reason"));
  return reasons;
}

void write_context(wire::DialogueContext::Builder out, const DialogueContext& c) {
  out.setActiveIntent(c.active_intent);
  write_slots(out.initSlots(static_cast<unsigned>(c.slots.size())), c.slots);
  out.setAwaitedSlot(c.awaited_slot);
  out.setSlotAttempts(c.slot_attempts);
  out.setLowConfidenceStreak(c.low_confidence_streak);
  out.setLanguage(c.language);
  out.setSlotFailures(c.slot_failures);
  out.setUnansweredTurns(c.unanswered_turns);
  out.setTurnCount(c.turn_count);
}
DialogueContext read_context(wire::DialogueContext::Reader in) {
  return DialogueContext{text(in.getActiveIntent()),  read_slots(in.getSlots()),
                         text(in.getAwaitedSlot()),   in.getSlotAttempts(),
                         in.getLowConfidenceStreak(), in.getLanguage(),
                         in.getSlotFailures(),        in.getUnansweredTurns(),
                         in.getTurnCount()};
}

namespace {

void write_candidate(wire::CandidateRecord::Builder out, const router::CandidateRecord& c) {
  out.setAgentId(c.agent_id);
  out.setSkillLevel(c.skill_level);
  out.setLoad(c.load);
  out.setFreeSlots(c.free_slots);
  out.setIdleForMs(c.idle_for.count());
  out.setSticky(c.sticky);
  out.setOverflow(c.overflow);
  out.setDeclinedBefore(c.declined_before);
}
router::CandidateRecord read_candidate(wire::CandidateRecord::Reader in) {
  return router::CandidateRecord{text(in.getAgentId()), in.getSkillLevel(),          in.getLoad(),
                                 in.getFreeSlots(),     Duration(in.getIdleForMs()), in.getSticky(),
                                 in.getOverflow(),      in.getDeclinedBefore()};
}

void write_explanation(wire::AssignmentExplanation::Builder out,
                       const router::AssignmentExplanation& x) {
  out.setWinner(x.winner);
  out.setRule(byte(x.rule));
  out.setDecidedAtMs(to_unix_ms(x.decided_at));
  out.setWaitedMs(x.waited.count());
  out.setTier(byte(x.tier));
  out.setKind(byte(x.kind));
  out.setSkill(x.skill);
  out.setRequiredLevel(x.required_level);
  out.setEffectiveLevel(x.effective_level);
  out.setReservation(byte(x.reservation));
  out.setHasStickyLastServedAgo(x.sticky_last_served_ago.has_value());
  if (x.sticky_last_served_ago) out.setStickyLastServedAgoMs(x.sticky_last_served_ago->count());
  out.setFallbackToDeclined(x.fallback_to_declined);
  out.setCandidatesConsidered(x.candidates_considered);
  auto candidates = out.initCandidates(static_cast<unsigned>(x.candidates.size()));
  for (unsigned i = 0; i < candidates.size(); ++i) write_candidate(candidates[i], x.candidates[i]);
}
router::AssignmentExplanation read_explanation(wire::AssignmentExplanation::Reader in, Reader& r) {
  router::AssignmentExplanation x;
  x.winner = text(in.getWinner());
  x.rule = r.enumeration<router::DecidingRule>(in.getRule(), 1, 5, "deciding rule");
  x.decided_at = from_unix_ms(in.getDecidedAtMs());
  x.waited = Duration(in.getWaitedMs());
  x.tier = r.tier(in.getTier());
  x.kind = r.enumeration<router::ChannelKind>(in.getKind(), 1, 3, "channel kind");
  x.skill = text(in.getSkill());
  x.required_level = in.getRequiredLevel();
  x.effective_level = in.getEffectiveLevel();
  x.reservation =
      r.enumeration<router::ReservationStatus>(in.getReservation(), 1, 3, "reservation");
  if (in.getHasStickyLastServedAgo())
    x.sticky_last_served_ago = Duration(in.getStickyLastServedAgoMs());
  x.fallback_to_declined = in.getFallbackToDeclined();
  x.candidates_considered = in.getCandidatesConsidered();
  for (auto c : in.getCandidates()) x.candidates.push_back(read_candidate(c));
  return x;
}

}  // namespace

void write_bot_replied(wire::BotReplied::Builder out, const BotReplied& e) {
  out.setMessageId(e.message_id);
  out.setAction(byte(e.action));
  out.setIntent(e.intent);
  out.setConfidence(e.confidence);
  out.setText(e.text);
  write_slots(out.initSlots(static_cast<unsigned>(e.slots.size())), e.slots);
  write_texts(out.initTags(static_cast<unsigned>(e.tags.size())), e.tags);
  write_context(out.initContext(), e.context);
  out.setAtMs(to_unix_ms(e.at));
}
BotReplied read_bot_replied(wire::BotReplied::Reader in, Reader& r) {
  return BotReplied{
      text(in.getMessageId()),   r.enumeration<BotAction>(in.getAction(), 1, 3, "bot action"),
      text(in.getIntent()),      in.getConfidence(),
      text(in.getText()),        read_slots(in.getSlots()),
      read_texts(in.getTags()),  read_context(in.getContext()),
      from_unix_ms(in.getAtMs())};
}

void write_handoff_requested(wire::HandoffRequested::Builder out, const HandoffRequested& e) {
  out.setInitiator(byte(e.initiator));
  write_reasons(out.initReasons(static_cast<unsigned>(e.reasons.size())), e.reasons);
  out.setIntent(e.intent);
  write_slots(out.initSlots(static_cast<unsigned>(e.slots.size())), e.slots);
  write_texts(out.initTags(static_cast<unsigned>(e.tags.size())), e.tags);
  out.setSkillHint(e.skill_hint);
  out.setAtMs(to_unix_ms(e.at));
}
HandoffRequested read_handoff_requested(wire::HandoffRequested::Reader in, Reader& r) {
  return HandoffRequested{r.enumeration<Initiator>(in.getInitiator(), 1, 4, "initiator"),
                          read_reasons(in.getReasons(), r),
                          text(in.getIntent()),
                          read_slots(in.getSlots()),
                          read_texts(in.getTags()),
                          text(in.getSkillHint()),
                          from_unix_ms(in.getAtMs())};
}

void write_agent_at(wire::AgentAt::Builder out, const std::string& agent_id, Timestamp at) {
  out.setAgentId(agent_id);
  out.setAtMs(to_unix_ms(at));
}

void write_assigned(wire::Assigned::Builder out, const Assigned& e) {
  out.setAgentId(e.agent_id);
  write_explanation(out.initExplanation(), e.explanation);
  out.setAtMs(to_unix_ms(e.at));
}
Assigned read_assigned(wire::Assigned::Reader in, Reader& r) {
  return Assigned{text(in.getAgentId()), read_explanation(in.getExplanation(), r),
                  from_unix_ms(in.getAtMs())};
}

void write_transferred(wire::Transferred::Builder out, const Transferred& e) {
  out.setFromAgentId(e.from_agent_id);
  auto target = out.initTarget();
  target.setKind(byte(e.target.kind));
  target.setId(e.target.id);
  out.setNote(e.note);
  out.setAtMs(to_unix_ms(e.at));
}
Transferred read_transferred(wire::Transferred::Reader in, Reader& r) {
  auto target = in.getTarget();
  return Transferred{
      text(in.getFromAgentId()),
      TransferTarget{r.enumeration<TargetKind>(target.getKind(), 1, 2, "target kind"),
                     text(target.getId())},
      text(in.getNote()), from_unix_ms(in.getAtMs())};
}

void write_resolved(wire::Resolved::Builder out, const Resolved& e) {
  out.setByAgentId(e.by_agent_id);
  out.setAtMs(to_unix_ms(e.at));
}
Resolved read_resolved(wire::Resolved::Reader in) {
  return Resolved{text(in.getByAgentId()), from_unix_ms(in.getAtMs())};
}

void write_closed(wire::Closed::Builder out, const Closed& e) {
  out.setReason(byte(e.reason));
  out.setAtMs(to_unix_ms(e.at));
}
Closed read_closed(wire::Closed::Reader in, Reader& r) {
  return Closed{r.enumeration<CloseReason>(in.getReason(), 1, 4, "close reason"),
                from_unix_ms(in.getAtMs())};
}

void write_rated(wire::RatedByCustomer::Builder out, const RatedByCustomer& e) {
  out.setScore(e.score);
  out.setComment(e.comment);
  out.setAtMs(to_unix_ms(e.at));
}
RatedByCustomer read_rated(wire::RatedByCustomer::Reader in) {
  return RatedByCustomer{in.getScore(), text(in.getComment()), from_unix_ms(in.getAtMs())};
}

void write_follow_up(wire::FollowUpRequested::Builder out, const FollowUpRequested& e) {
  out.setOrdinal(e.ordinal);
  out.setReason(byte(e.reason));
  out.setAtMs(to_unix_ms(e.at));
}
FollowUpRequested read_follow_up(wire::FollowUpRequested::Reader in, Reader& r) {
  return FollowUpRequested{in.getOrdinal(),
                           r.enumeration<FollowUpReason>(in.getReason(), 1, 2, "follow-up reason"),
                           from_unix_ms(in.getAtMs())};
}

}  // namespace sb::conversation::codec_parts
