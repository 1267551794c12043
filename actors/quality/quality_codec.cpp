#include "actors/quality/quality_codec.hpp"

#include "actors/codec/capnp_bytes.hpp"
#include "actors/common/overloaded.hpp"
#include "schemas/quality.capnp.h"

namespace sb::quality {
namespace {

namespace wire = schema::quality;
using codec::text;

Expected<Event, std::string> read_event(wire::QualityEvent::Reader e) {
  switch (e.which()) {
    case wire::QualityEvent::VIOLATION_DETECTED: {
      auto r = e.getViolationDetected();
      if (r.getRule() < 1 || r.getRule() > kRuleCount) {
        return unexpected("unknown quality rule " + std::to_string(r.getRule()));
      }
      return Event{ViolationDetected{static_cast<Rule>(r.getRule()), text(r.getEvidence()),
                                     r.getEvidenceTruncated(), text(r.getAgentId()),
                                     text(r.getConversationId()), r.getSourceSeq(),
                                     r.getSourceVersion(), from_unix_ms(r.getAtMs())}};
    }
    case wire::QualityEvent::FEED_CHECKED: {
      auto r = e.getFeedChecked();
      return Event{FeedChecked{r.getThroughSeq(), from_unix_ms(r.getAtMs())}};
    }
  }
  return unexpected(std::string("unknown quality event type (written by a newer version?)"));
}

}  // namespace

std::string Codec::encode_event(const Event& event) {
  capnp::MallocMessageBuilder message;
  auto out = message.initRoot<wire::QualityEvent>();
  std::visit(Overloaded{
                 [&](const ViolationDetected& e) {
                   auto w = out.initViolationDetected();
                   w.setRule(static_cast<std::uint8_t>(e.rule));
                   w.setEvidence(e.evidence);
                   w.setEvidenceTruncated(e.evidence_truncated);
                   w.setAgentId(e.agent_id);
                   w.setConversationId(e.conversation_id);
                   w.setSourceSeq(e.source_seq);
                   w.setSourceVersion(e.source_version);
                   w.setAtMs(to_unix_ms(e.at));
                 },
                 [&](const FeedChecked& e) {
                   auto w = out.initFeedChecked();
                   w.setThroughSeq(e.through_seq);
                   w.setAtMs(to_unix_ms(e.at));
                 },
             },
             event);
  return codec::to_bytes(message);
}

Expected<Event, std::string> Codec::decode_event(std::string_view bytes) {
  return codec::read_message<wire::QualityEvent>(bytes, "quality event", read_event);
}

std::string Codec::encode_state(const State& state) {
  capnp::MallocMessageBuilder message;
  auto out = message.initRoot<wire::QualityMonitorState>();
  out.setCheckedThroughSeq(state.checked_through_seq);
  out.setViolationsTotal(state.violations_total);
  out.setLastCheckedAtMs(to_unix_ms(state.last_checked_at));
  return codec::to_bytes(message);
}

Expected<State, std::string> Codec::decode_state(std::string_view bytes) {
  return codec::read_message<wire::QualityMonitorState>(
      bytes, "quality monitor state",
      [](wire::QualityMonitorState::Reader in) -> Expected<State, std::string> {
        return State{in.getCheckedThroughSeq(), in.getViolationsTotal(),
                     from_unix_ms(in.getLastCheckedAtMs())};
      });
}

}  // namespace sb::quality
