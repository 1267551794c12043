#include "runtime/analytics/conversation_tracker.hpp"

#include <algorithm>

#include "actors/common/overloaded.hpp"

namespace sb::analytics {
namespace {

using namespace conversation;

inline constexpr std::string_view kNotUnderstoodTag = "not_understood";

std::int64_t ms(Timestamp t) { return to_unix_ms(t); }
std::uint8_t byte(Channel c) { return static_cast<std::uint8_t>(c); }

}  // namespace

bool bot_did_not_understand(const std::vector<std::string>& tags,
                            const std::vector<HandoffReason>& reasons) {
  return std::find(tags.begin(), tags.end(), kNotUnderstoodTag) != tags.end() ||
         std::find(reasons.begin(), reasons.end(), HandoffReason::low_confidence_twice) !=
             reasons.end();
}

CellKey ConversationTracker::key(const ConversationTrack& t, NameId agent) const {
  return CellKey{t.channel, t.tier, t.skill, agent, t.intent};
}

ConversationCell& ConversationTracker::cell(std::int64_t at_ms, const CellKey& key) {
  return models_->cell(at_ms, key);
}

void ConversationTracker::apply(const std::string& id, const Event& event) {
  ConversationTrack& t = tracks_[id];
  std::visit(Overloaded{
                 [&](const Opened& e) { on(t, e); },
                 [&](const MessageReceived& e) { on(t, e); },
                 [&](const ChannelSwitched&) {},  // each message carries its own channel
                 [&](const BotReplied& e) { on(t, e); },
                 [&](const HandoffRequested& e) { on(t, e); },
                 [&](const Queued& e) { on(t, e); },
                 [&](const Offered&) {},
                 [&](const OfferDeclined&) {},
                 [&](const OfferExpired&) {},
                 [&](const Assigned& e) { on(t, e); },
                 [&](const AgentReplied& e) { on(t, e); },
                 [&](const Transferred& e) { on(t, e); },
                 [&](const ReleasedFromAgent&) {
                   t.agent = kNoName;
                   t.assigned_at_ms.reset();
                 },
                 [&](const Resolved& e) { on(t, e); },
                 [&](const Closed& e) { on(t, e); },
                 [&](const Reopened& e) { on(t, e); },
                 [&](const RatedByCustomer& e) { on(t, e); },
                 // The ticket's own events count tickets; the request adds nothing here.
                 [&](const FollowUpRequested&) {},
                 [&](const FollowUpOpened&) {},
             },
             event);
  if (t.closed_at_ms && std::holds_alternative<Closed>(event)) closes_.emplace(*t.closed_at_ms, id);
}

void ConversationTracker::evict_closed_before(std::int64_t cutoff_ms) {
  while (!closes_.empty() && closes_.top().first < cutoff_ms) {
    const auto& [closed_at, id] = closes_.top();
    if (auto it = tracks_.find(id); it != tracks_.end() && it->second.closed_at_ms == closed_at) {
      tracks_.erase(it);
    }
    closes_.pop();
  }
}

void ConversationTracker::on(ConversationTrack& t, const Opened& e) {
  t.channel = byte(e.channel);
  t.opened_at_ms = ms(e.at);
  ++cell(ms(e.at), key(t, kNoName)).conversations_opened;
}

void ConversationTracker::on(ConversationTrack& t, const MessageReceived& e) {
  CellKey k = key(t, t.agent);
  k.channel = byte(e.channel);
  ++cell(ms(e.at), k).customer_messages;
  if (t.handed_off) return;
  t.pending_question = normalize_question(e.text);
  t.pending_channel = byte(e.channel);
}

// Files the pending question (if any) as understood or not, under the intent known now.
void ConversationTracker::bot_turn(ConversationTrack& t, std::int64_t at_ms, bool understood) {
  if (t.pending_question.empty()) return;
  CellKey k = key(t, kNoName);
  k.channel = t.pending_channel;
  ConversationCell& c = cell(at_ms, k);
  ++(understood ? c.bot_answered : c.bot_unanswered);
  HourBucket& hour = models_->hour(at_ms);
  auto sketch = [&](std::map<std::uint8_t, TopTexts>& sketches) -> TopTexts& {
    return sketches.try_emplace(t.pending_channel, kQuestionSketchCapacity).first->second;
  };
  sketch(hour.questions).add(t.pending_question);
  if (!understood) sketch(hour.unanswered).add(t.pending_question);
  t.pending_question.clear();
}

void ConversationTracker::on(ConversationTrack& t, const BotReplied& e) {
  if (!e.intent.empty()) t.intent = models_->names.intern(e.intent);
  const std::int64_t at = ms(e.at);
  ++cell(at, key(t, kNoName)).bot_replies;
  if (!t.bot_replied) {
    cell(at, key(t, kNoName)).bot_first_response.add(at - t.opened_at_ms);
    t.bot_replied = true;
  }
  bot_turn(t, at, !bot_did_not_understand(e.tags, {}));
}

void ConversationTracker::on(ConversationTrack& t, const HandoffRequested& e) {
  if (!e.intent.empty()) t.intent = models_->names.intern(e.intent);
  if (t.skill == kNoName && !e.skill_hint.empty()) t.skill = models_->names.intern(e.skill_hint);
  t.handed_off = true;
  const std::int64_t at = ms(e.at);
  ConversationCell& c = cell(at, key(t, kNoName));
  ++c.handoffs;
  for (const HandoffReason reason : e.reasons) {
    const auto index = static_cast<std::size_t>(reason) - 1;
    if (index < kHandoffReasonCount) ++c.handoff_reasons[index];
  }
  if (e.initiator == Initiator::bot) bot_turn(t, at, !bot_did_not_understand(e.tags, e.reasons));
  t.pending_question.clear();  // the bot is silent from now on
}

void ConversationTracker::on(ConversationTrack& t, const Queued& e) {
  t.skill = models_->names.intern(e.skill_group);
  t.tier = static_cast<std::uint8_t>(e.tier);
  if (!t.waiting_since_ms) t.waiting_since_ms = ms(e.at);
}

void ConversationTracker::on(ConversationTrack& t, const Assigned& e) {
  const std::int64_t at = ms(e.at);
  t.agent = t.last_agent = models_->names.intern(e.agent_id);
  if (t.waiting_since_ms) {
    cell(at, key(t, t.agent)).queue_wait.add(at - *t.waiting_since_ms);
    t.waiting_since_ms.reset();
  }
  t.assigned_at_ms = at;
}

void ConversationTracker::on(ConversationTrack& t, const AgentReplied& e) {
  const std::int64_t at = ms(e.at);
  ConversationCell& c = cell(at, key(t, models_->names.intern(e.agent_id)));
  ++c.agent_replies;
  if (!t.agent_replied) {
    c.first_response.add(at - t.opened_at_ms);
    t.agent_replied = true;
  }
}

void ConversationTracker::on(ConversationTrack& t, const Transferred& e) {
  ++cell(ms(e.at), key(t, models_->names.intern(e.from_agent_id))).transfers;
  t.transferred = true;
  t.agent = kNoName;
  t.assigned_at_ms.reset();
}

void ConversationTracker::end_episode(ConversationTrack& t, std::int64_t at_ms, NameId agent) {
  if (t.episode_ended) return;
  t.episode_ended = true;
  ConversationCell& c = cell(at_ms, key(t, agent));
  ++c.ended;
  if (!t.handed_off) ++c.bot_resolved;
}

void ConversationTracker::on(ConversationTrack& t, const Resolved& e) {
  const std::int64_t at = ms(e.at);
  if (e.by_agent_id.empty()) {
    // The bot's (its customer went quiet): a bot resolution, not an agent's resolution, handle
    // time or first-contact figure.
    end_episode(t, at, kNoName);
    return;
  }
  const NameId by = models_->names.intern(e.by_agent_id);
  const CellKey k = key(t, by);
  ConversationCell& c = cell(at, k);
  ++c.resolutions;
  if (by != kNoName && t.assigned_at_ms) c.handle_time.add(at - *t.assigned_at_ms);
  if (!t.transferred && !t.reopened) {
    ++c.first_contact_resolutions;
    t.fcr_counted.emplace(at, k);
  }
  end_episode(t, at, by);
  t.agent = kNoName;
  t.assigned_at_ms.reset();
}

void ConversationTracker::on(ConversationTrack& t, const Closed& e) {
  const std::int64_t at = ms(e.at);
  end_episode(t, at, t.agent);
  t.closed_at_ms = at;
  t.agent = kNoName;
  t.assigned_at_ms.reset();
}

void ConversationTracker::on(ConversationTrack& t, const Reopened&) {
  t.reopened = true;
  t.episode_ended = false;
  t.closed_at_ms.reset();
  if (!t.fcr_counted) return;
  const auto& [at_ms, k] = *t.fcr_counted;
  // The hour may have aged out of retention; then there is nothing left to correct.
  if (auto hour = models_->hours.find(hour_of(at_ms)); hour != models_->hours.end()) {
    if (auto c = hour->second.conversations.find(k); c != hour->second.conversations.end()) {
      --c->second.first_contact_resolutions;
    }
  }
  t.fcr_counted.reset();
}

void ConversationTracker::on(ConversationTrack& t, const RatedByCustomer& e) {
  const auto index = static_cast<std::size_t>(e.score) - 1;
  if (e.score == 0 || index >= kCsatScores) return;
  ++cell(ms(e.at), key(t, t.last_agent)).csat[index];
}

}  // namespace sb::analytics
