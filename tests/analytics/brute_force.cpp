#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "actors/agent/agent_decider.hpp"
#include "actors/common/overloaded.hpp"
#include "runtime/analytics/cells.hpp"
#include "runtime/analytics/conversation_tracker.hpp"
#include "runtime/analytics/latency_histogram.hpp"
#include "runtime/analytics/report_builder.hpp"
#include "runtime/analytics/top_texts.hpp"
#include "tests/analytics/brute_force_samples.hpp"

namespace sb::analytics::testing {
namespace {

using namespace conversation;

std::int64_t ms(Timestamp t) { return to_unix_ms(t); }

// The conversation's dimensions after its first `count` events.
Dims fold_dims(const std::vector<const Event*>& history, std::size_t count) {
  Dims d;
  for (std::size_t i = 0; i < count; ++i) {
    std::visit(Overloaded{
                   [&](const Opened& e) { d.channel = static_cast<std::uint8_t>(e.channel); },
                   [&](const BotReplied& e) {
                     if (!e.intent.empty()) d.intent = e.intent;
                   },
                   [&](const HandoffRequested& e) {
                     if (!e.intent.empty()) d.intent = e.intent;
                     if (d.skill.empty()) d.skill = e.skill_hint;
                   },
                   [&](const Queued& e) {
                     d.skill = e.skill_group;
                     d.tier = static_cast<std::uint8_t>(e.tier);
                   },
                   [&](const Assigned& e) { d.agent = d.last_agent = e.agent_id; },
                   [&](const Transferred&) { d.agent.clear(); },
                   [&](const ReleasedFromAgent&) { d.agent.clear(); },
                   [&](const Resolved&) { d.agent.clear(); },
                   [&](const Closed&) { d.agent.clear(); },
                   [](const MessageReceived&) {},
                   [](const ChannelSwitched&) {},
                   [](const Offered&) {},
                   [](const OfferDeclined&) {},
                   [](const OfferExpired&) {},
                   [](const AgentReplied&) {},
                   [](const Reopened&) {},
                   [](const RatedByCustomer&) {},
                   [](const FollowUpRequested&) {},
                   [](const FollowUpOpened&) {},
               },
               *history[i]);
  }
  return d;
}

template <class E>
const E* as(const Event* e) {
  return std::get_if<E>(e);
}

void conversation_samples(const std::vector<const Event*>& h, std::vector<Sample>& out) {
  const bool ever_reopened =
      std::any_of(h.begin(), h.end(), [](const Event* e) { return as<Reopened>(e) != nullptr; });
  std::optional<std::int64_t> opened_at;
  bool agent_replied = false, bot_replied = false, handed_off = false, transferred = false,
       ended = false;
  std::optional<std::int64_t> waiting_since, assigned_at;
  for (std::size_t i = 0; i < h.size(); ++i) {
    const Event* e = h[i];
    const Dims before = fold_dims(h, i);
    Dims after = fold_dims(h, i + 1);
    auto emit = [&](std::int64_t at, Dims d, std::string agent, Metric m, std::int64_t v = 0,
                    std::string text = {}) {
      d.agent = std::move(agent);
      out.push_back(Sample{at, std::move(d), m, v, std::move(text)});
    };
    // The question a bot turn answers: the last customer message since the previous bot turn,
    // provided no handoff happened before it.
    auto question = [&]() -> std::optional<std::pair<std::uint8_t, std::string>> {
      for (std::size_t j = i; j-- > 0;) {
        if (as<BotReplied>(h[j]) || as<HandoffRequested>(h[j])) return std::nullopt;
        if (const auto* m = as<MessageReceived>(h[j])) {
          for (std::size_t k = 0; k < j; ++k)
            if (as<HandoffRequested>(h[k])) return std::nullopt;
          return std::make_pair(static_cast<std::uint8_t>(m->channel), normalize_question(m->text));
        }
      }
      return std::nullopt;
    };
    auto bot_turn = [&](std::int64_t at, bool understood) {
      auto q = question();
      if (!q || q->second.empty()) return;
      Dims d = after;
      d.channel = q->first;
      emit(at, d, "", understood ? Metric::question_ok : Metric::question_gap, 0, q->second);
    };
    std::visit(
        Overloaded{
            [&](const Opened& x) {
              opened_at = ms(x.at);
              emit(ms(x.at), after, "", Metric::opened);
            },
            [&](const MessageReceived& x) {
              Dims d = after;
              d.channel = static_cast<std::uint8_t>(x.channel);
              emit(ms(x.at), d, after.agent, Metric::message);
            },
            [&](const BotReplied& x) {
              emit(ms(x.at), after, "", Metric::bot_reply);
              if (!bot_replied)
                emit(ms(x.at), after, "", Metric::bot_first_response,
                     ms(x.at) - opened_at.value_or(0));
              bot_replied = true;
              bot_turn(ms(x.at), !bot_did_not_understand(x.tags, {}));
            },
            [&](const HandoffRequested& x) {
              handed_off = true;
              emit(ms(x.at), after, "", Metric::handoff);
              for (auto r : x.reasons)
                emit(ms(x.at), after, "", Metric::handoff_reason, static_cast<int>(r));
              if (x.initiator == Initiator::bot)
                bot_turn(ms(x.at), !bot_did_not_understand(x.tags, x.reasons));
            },
            [&](const Queued& x) {
              if (!waiting_since) waiting_since = ms(x.at);
            },
            [&](const Assigned& x) {
              if (waiting_since)
                emit(ms(x.at), after, x.agent_id, Metric::queue_wait, ms(x.at) - *waiting_since);
              waiting_since.reset();
              assigned_at = ms(x.at);
            },
            [&](const AgentReplied& x) {
              emit(ms(x.at), after, x.agent_id, Metric::agent_reply);
              if (!agent_replied)
                emit(ms(x.at), after, x.agent_id, Metric::first_response,
                     ms(x.at) - opened_at.value_or(0));
              agent_replied = true;
            },
            [&](const Transferred& x) {
              emit(ms(x.at), after, x.from_agent_id, Metric::transfer);
              transferred = true;
              assigned_at.reset();
            },
            [&](const ReleasedFromAgent&) { assigned_at.reset(); },
            [&](const Resolved& x) {
              const bool by_agent = !x.by_agent_id.empty();  // else the bot's: no agent metric
              if (by_agent) emit(ms(x.at), after, x.by_agent_id, Metric::resolution);
              if (by_agent && assigned_at)
                emit(ms(x.at), after, x.by_agent_id, Metric::handle_time, ms(x.at) - *assigned_at);
              if (by_agent && !transferred && !ever_reopened) emit(ms(x.at), after, x.by_agent_id, Metric::fcr);
              if (!ended) {
                emit(ms(x.at), after, x.by_agent_id, Metric::ended);
                if (!handed_off) emit(ms(x.at), after, x.by_agent_id, Metric::bot_resolved);
              }
              ended = true;
              assigned_at.reset();
            },
            [&](const Closed& x) {
              if (!ended) {
                emit(ms(x.at), after, before.agent, Metric::ended);
                if (!handed_off) emit(ms(x.at), after, before.agent, Metric::bot_resolved);
              }
              ended = true;
              assigned_at.reset();
            },
            [&](const Reopened&) { ended = false; },
            [&](const RatedByCustomer& x) {
              emit(ms(x.at), after, after.last_agent, Metric::csat, x.score);
            },
            [](const ChannelSwitched&) {},
            [](const Offered&) {},
            [](const OfferDeclined&) {},
            [](const OfferExpired&) {},
            [](const FollowUpRequested&) {},
            [](const FollowUpOpened&) {},
        },
        *e);
  }
}

}  // namespace

std::vector<Sample> all_conversation_samples(const std::vector<RawEvent>& events) {
  std::map<std::string, std::vector<const Event*>> by_conversation;
  for (const auto& raw : events) {
    if (const auto* e = std::get_if<conversation::Event>(&raw.event))
      by_conversation[raw.id].push_back(e);
  }
  std::vector<Sample> samples;
  for (const auto& [id, h] : by_conversation) conversation_samples(h, samples);
  return samples;
}

}  // namespace sb::analytics::testing
