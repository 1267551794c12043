#pragma once
// Pieces shared by the conversation codec's event and state halves. Codec-only (includes the
// generated schema header); never include from the pure core.

#include <cstdint>
#include <string>
#include <string_view>

#include "actors/codec/capnp_bytes.hpp"
#include "actors/conversation/conversation_model.hpp"
#include "schemas/conversation.capnp.h"

namespace sb::conversation::codec_parts {

namespace wire = schema::conversation;
using codec::text;

inline std::uint8_t byte(auto value) { return static_cast<std::uint8_t>(value); }

// Collects the first decoding problem, so readers can build whole values and the caller checks
// once at the end.
struct Reader {
  std::string error;

  template <class Enum>
  Enum enumeration(std::uint8_t raw, std::uint8_t min, std::uint8_t max, std::string_view what) {
    if (raw < min || raw > max) {
      if (error.empty()) error = "unknown " + std::string(what) + " " + std::to_string(raw);
      return static_cast<Enum>(min);
    }
    return static_cast<Enum>(raw);
  }
  Channel channel(std::uint8_t raw) { return enumeration<Channel>(raw, 1, 7, "channel"); }
  Tier tier(std::uint8_t raw) { return enumeration<Tier>(raw, 1, 4, "tier"); }
  Phase phase(std::uint8_t raw) { return enumeration<Phase>(raw, 0, 6, "phase"); }
};

using Slots = std::map<std::string, std::string>;
void write_slots(capnp::List<wire::Slot>::Builder out, const Slots& slots);
Slots read_slots(capnp::List<wire::Slot>::Reader in);
void write_texts(capnp::List<capnp::Text>::Builder out, const std::vector<std::string>& texts);
std::vector<std::string> read_texts(capnp::List<capnp::Text>::Reader in);
void write_reasons(capnp::List<std::uint8_t>::Builder out,
                   const std::vector<HandoffReason>& reasons);
std::vector<HandoffReason> read_reasons(capnp::List<std::uint8_t>::Reader in, Reader& r);
void write_context(wire::DialogueContext::Builder out, const DialogueContext& c);
DialogueContext read_context(wire::DialogueContext::Reader in);

void write_bot_replied(wire::BotReplied::Builder out, const BotReplied& e);
BotReplied read_bot_replied(wire::BotReplied::Reader in, Reader& r);
void write_handoff_requested(wire::HandoffRequested::Builder out, const HandoffRequested& e);
HandoffRequested read_handoff_requested(wire::HandoffRequested::Reader in, Reader& r);
void write_agent_at(wire::AgentAt::Builder out, const std::string& agent_id, Timestamp at);
void write_assigned(wire::Assigned::Builder out, const Assigned& e);
Assigned read_assigned(wire::Assigned::Reader in, Reader& r);
void write_transferred(wire::Transferred::Builder out, const Transferred& e);
Transferred read_transferred(wire::Transferred::Reader in, Reader& r);
void write_resolved(wire::Resolved::Builder out, const Resolved& e);
Resolved read_resolved(wire::Resolved::Reader in);
void write_closed(wire::Closed::Builder out, const Closed& e);
Closed read_closed(wire::Closed::Reader in, Reader& r);
void write_rated(wire::RatedByCustomer::Builder out, const RatedByCustomer& e);
RatedByCustomer read_rated(wire::RatedByCustomer::Reader in);
void write_follow_up(wire::FollowUpRequested::Builder out, const FollowUpRequested& e);
FollowUpRequested read_follow_up(wire::FollowUpRequested::Reader in, Reader& r);

void write_state(wire::ConversationState::Builder out, const State& state);
State read_state(wire::ConversationState::Reader in, Reader& r);

}  // namespace sb::conversation::codec_parts
