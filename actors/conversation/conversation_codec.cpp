#include "actors/conversation/conversation_codec.hpp"

#include "actors/codec/capnp_bytes.hpp"
#include "actors/common/overloaded.hpp"
#include "actors/conversation/conversation_codec_parts.hpp"
#include "schemas/conversation.capnp.h"

namespace sb::conversation {
namespace {

using namespace codec_parts;

void write_event(wire::ConversationEvent::Builder out, const Event& event) {
  std::visit(
      Overloaded{
          [&](const Opened& e) {
            auto w = out.initOpened();
            w.setCustomerId(e.customer_id);
            w.setChannel(byte(e.channel));
            w.setAtMs(to_unix_ms(e.at));
          },
          [&](const MessageReceived& e) {
            auto w = out.initMessageReceived();
            w.setMessageId(e.message_id);
            w.setChannel(byte(e.channel));
            w.setText(e.text);
            w.setAtMs(to_unix_ms(e.at));
          },
          [&](const ChannelSwitched& e) {
            auto w = out.initChannelSwitched();
            w.setFrom(byte(e.from));
            w.setTo(byte(e.to));
            w.setAtMs(to_unix_ms(e.at));
          },
          [&](const BotReplied& e) { write_bot_replied(out.initBotReplied(), e); },
          [&](const HandoffRequested& e) {
            write_handoff_requested(out.initHandoffRequested(), e);
          },
          [&](const Queued& e) {
            auto w = out.initQueued();
            w.setSkillGroup(e.skill_group);
            w.setTier(byte(e.tier));
            w.setPosition(e.position);
            w.setAtMs(to_unix_ms(e.at));
          },
          [&](const Offered& e) {
            auto w = out.initOffered();
            w.setAgentId(e.agent_id);
            w.setExpiresAtMs(to_unix_ms(e.expires_at));
            w.setAtMs(to_unix_ms(e.at));
          },
          [&](const OfferDeclined& e) {
            write_agent_at(out.initOfferDeclined(), e.agent_id, e.at);
          },
          [&](const OfferExpired& e) { write_agent_at(out.initOfferExpired(), e.agent_id, e.at); },
          [&](const Assigned& e) { write_assigned(out.initAssigned(), e); },
          [&](const AgentReplied& e) {
            auto w = out.initAgentReplied();
            w.setAgentId(e.agent_id);
            w.setMessageId(e.message_id);
            w.setText(e.text);
            w.setAtMs(to_unix_ms(e.at));
          },
          [&](const Transferred& e) { write_transferred(out.initTransferred(), e); },
          [&](const ReleasedFromAgent& e) {
            auto w = out.initReleasedFromAgent();
            w.setAgentId(e.agent_id);
            w.setReason(byte(e.reason));
            w.setAtMs(to_unix_ms(e.at));
          },
          [&](const Resolved& e) { write_resolved(out.initResolved(), e); },
          [&](const Closed& e) { write_closed(out.initClosed(), e); },
          [&](const Reopened& e) {
            auto w = out.initReopened();
            w.setFrom(byte(e.from));
            w.setAtMs(to_unix_ms(e.at));
          },
          [&](const RatedByCustomer& e) { write_rated(out.initRatedByCustomer(), e); },
          [&](const FollowUpRequested& e) { write_follow_up(out.initFollowUpRequested(), e); },
          [&](const FollowUpOpened& e) {
            auto w = out.initFollowUpOpened();
            w.setOrdinal(e.ordinal);
            w.setTicketId(e.ticket_id);
            w.setAtMs(to_unix_ms(e.at));
          },
      },
      event);
}

// Events whose payload is small enough to read inline.
std::optional<Event> read_simple_event(wire::ConversationEvent::Reader e, Reader& r) {
  using W = wire::ConversationEvent;
  switch (e.which()) {
    case W::OPENED: {
      auto w = e.getOpened();
      return Opened{text(w.getCustomerId()), r.channel(w.getChannel()), from_unix_ms(w.getAtMs())};
    }
    case W::MESSAGE_RECEIVED: {
      auto w = e.getMessageReceived();
      return MessageReceived{text(w.getMessageId()), r.channel(w.getChannel()), text(w.getText()),
                             from_unix_ms(w.getAtMs())};
    }
    case W::CHANNEL_SWITCHED: {
      auto w = e.getChannelSwitched();
      return ChannelSwitched{r.channel(w.getFrom()), r.channel(w.getTo()),
                             from_unix_ms(w.getAtMs())};
    }
    case W::QUEUED: {
      auto w = e.getQueued();
      return Queued{text(w.getSkillGroup()), r.tier(w.getTier()), w.getPosition(),
                    from_unix_ms(w.getAtMs())};
    }
    case W::OFFERED: {
      auto w = e.getOffered();
      return Offered{text(w.getAgentId()), from_unix_ms(w.getExpiresAtMs()),
                     from_unix_ms(w.getAtMs())};
    }
    case W::OFFER_DECLINED: {
      auto w = e.getOfferDeclined();
      return OfferDeclined{text(w.getAgentId()), from_unix_ms(w.getAtMs())};
    }
    case W::OFFER_EXPIRED: {
      auto w = e.getOfferExpired();
      return OfferExpired{text(w.getAgentId()), from_unix_ms(w.getAtMs())};
    }
    case W::AGENT_REPLIED: {
      auto w = e.getAgentReplied();
      return AgentReplied{text(w.getAgentId()), text(w.getMessageId()), text(w.getText()),
                          from_unix_ms(w.getAtMs())};
    }
    case W::FOLLOW_UP_REQUESTED:
      return read_follow_up(e.getFollowUpRequested(), r);
    case W::FOLLOW_UP_OPENED: {
      auto w = e.getFollowUpOpened();
      return FollowUpOpened{w.getOrdinal(), text(w.getTicketId()), from_unix_ms(w.getAtMs())};
    }
    default:
      return std::nullopt;
  }
}

std::optional<Event> read_rich_event(wire::ConversationEvent::Reader e, Reader& r) {
  using W = wire::ConversationEvent;
  switch (e.which()) {
    case W::BOT_REPLIED:
      return read_bot_replied(e.getBotReplied(), r);
    case W::HANDOFF_REQUESTED:
      return read_handoff_requested(e.getHandoffRequested(), r);
    case W::ASSIGNED:
      return read_assigned(e.getAssigned(), r);
    case W::TRANSFERRED:
      return read_transferred(e.getTransferred(), r);
    case W::RELEASED_FROM_AGENT: {
      auto w = e.getReleasedFromAgent();
      return ReleasedFromAgent{text(w.getAgentId()),
                               r.enumeration<ReleaseReason>(w.getReason(), 1, 2, "release reason"),
                               from_unix_ms(w.getAtMs())};
    }
    case W::RESOLVED:
      return read_resolved(e.getResolved());
    case W::CLOSED:
      return read_closed(e.getClosed(), r);
    case W::REOPENED: {
      auto w = e.getReopened();
      return Reopened{r.phase(w.getFrom()), from_unix_ms(w.getAtMs())};
    }
    case W::RATED_BY_CUSTOMER:
      return read_rated(e.getRatedByCustomer());
    default:
      return std::nullopt;
  }
}

Expected<Event, std::string> read_event(wire::ConversationEvent::Reader e) {
  Reader r;
  auto event = read_simple_event(e, r);
  if (!event) event = read_rich_event(e, r);
  if (!event) {
    return unexpected(std::string("unknown conversation event type (written by a newer version?)"));
  }
  if (!r.error.empty()) return unexpected("conversation event: " + r.error);
  return *event;
}

}  // namespace

std::string Codec::encode_event(const Event& event) {
  capnp::MallocMessageBuilder message;
  write_event(message.initRoot<wire::ConversationEvent>(), event);
  return codec::to_bytes(message);
}

Expected<Event, std::string> Codec::decode_event(std::string_view bytes) {
  return codec::read_message<wire::ConversationEvent>(bytes, "conversation event", read_event);
}

std::string Codec::encode_state(const State& state) {
  capnp::MallocMessageBuilder message;
  write_state(message.initRoot<wire::ConversationState>(), state);
  return codec::to_bytes(message);
}

Expected<State, std::string> Codec::decode_state(std::string_view bytes) {
  return codec::read_message<wire::ConversationState>(
      bytes, "conversation state",
      [](wire::ConversationState::Reader in) -> Expected<State, std::string> {
        Reader r;
        State state = read_state(in, r);
        if (!r.error.empty()) return unexpected("conversation state: " + r.error);
        return state;
      });
}

}  // namespace sb::conversation
