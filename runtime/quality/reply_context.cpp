#include "runtime/quality/reply_context.hpp"

#include <algorithm>

namespace sb::quality {
namespace {

using conversation::Author;
using conversation::Message;

std::string language_name(std::uint8_t language) {
  // sb::bot::Language values: 1 zh, 2 en (see runtime/bot/language.hpp).
  return language == 1 ? "zh" : language == 2 ? "en" : "";
}

}  // namespace

ReplyContext reply_context(const std::string& conversation_id, const conversation::State& before,
                           const conversation::AgentReplied& reply, std::string kb_answer_text) {
  ReplyContext c;
  c.conversation_id = conversation_id;
  c.agent_id = reply.agent_id;
  c.text = reply.text;
  c.language = language_name(before.bot_context.language);
  c.intent = before.intent;
  c.kb_answer_text = std::move(kb_answer_text);
  c.at = reply.at;
  const auto& messages = before.messages;
  const auto agent_spoke = [](const Message& m) { return m.author == Author::agent; };
  c.is_first_agent_reply = std::none_of(messages.begin(), messages.end(), agent_spoke);
  // The customer has waited since their oldest message after the last agent message; for the
  // first reply only messages after the handoff count (before it, the bot was answering).
  auto last_agent = std::find_if(messages.rbegin(), messages.rend(), agent_spoke).base();
  std::optional<Timestamp> since;
  for (auto it = last_agent; it != messages.end(); ++it) {
    if (it->author != Author::customer) continue;
    since =
        c.is_first_agent_reply && before.handoff ? std::max(it->at, before.handoff->at) : it->at;
    break;
  }
  if (c.is_first_agent_reply && before.handoff && !since) since = before.handoff->at;
  if (since && reply.at >= *since) c.customer_waited = reply.at - *since;
  return c;
}

ConversationEndContext end_context(const std::string& conversation_id,
                                   const conversation::State& state, const std::string& agent_id,
                                   Timestamp at) {
  ConversationEndContext e;
  e.conversation_id = conversation_id;
  e.agent_id = agent_id;
  e.at = at;
  const auto by_agent = [&](const Message& m) {
    return m.author == Author::agent && m.author_id == agent_id;
  };
  auto first = std::find_if(state.messages.begin(), state.messages.end(), by_agent);
  if (first == state.messages.end()) return e;
  auto last = std::find_if(state.messages.rbegin(), state.messages.rend(), by_agent);
  e.last_agent_reply = last->text;
  // Older messages fall out of the kept window; then the first reply is unknown.
  if (state.messages_total <= state.messages.size()) e.first_agent_reply = first->text;
  return e;
}

}  // namespace sb::quality
