#include "tests/analytics/random_history.hpp"

#include "actors/agent/agent_codec.hpp"
#include "actors/conversation/conversation_codec.hpp"
#include "actors/conversation/conversation_queries.hpp"
#include "actors/ticket/ticket_codec.hpp"
#include "tests/actors/ticket/ticket_random.hpp"

namespace sb::analytics::testing {
namespace {

using namespace conversation;

const std::vector<std::string> kIntents{"order_status", "return_request", "refund_timing",
                                        "warranty_policy", ""};
const std::vector<std::string> kSkills{"orders", "returns", "tech"};

class Generator {
 public:
  Generator(std::uint64_t seed, const HistoryShape& shape)
      : rng_(seed), shape_(shape), ticket_random_(seed * 31 + 7) {}

  History run() {
    History h;
    h.start = kHistoryStart;
    Timestamp now = kHistoryStart;
    for (int step = 0; step < shape_.steps; ++step) {
      now += Duration(pick(static_cast<int>(shape_.step_max.count())));
      const int roll = pick(100);
      if (roll < 70) {
        step_conversation(h, now);
      } else if (roll < 88) {
        step_agent(h, now);
      } else {
        step_ticket(h, now);
      }
    }
    h.end = now;
    return h;
  }

 private:
  int pick(int n) { return n <= 0 ? 0 : static_cast<int>(rng_() % static_cast<std::uint64_t>(n)); }
  template <class T>
  const T& one_of(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(pick(static_cast<int>(v.size())))];
  }
  std::string agent_name() { return "a-" + std::to_string(pick(shape_.agents)); }

  template <class Codec, class Event>
  void record(History& h, EntityKind kind, const std::string& id, const Event& e, Timestamp now) {
    h.events.push_back(RawEvent{kind, id, AnyEvent(e)});
    runtime::FeedEntry entry;
    entry.seq = h.feed.size() + 1;
    entry.key = runtime::EntityKey{kind, id};
    entry.event.version = ++versions_[{kind, id}];
    entry.event.timestamp_ms = to_unix_ms(now);
    entry.event.payload = Codec::encode_event(e);
    h.feed.push_back(std::move(entry));
  }

  BotOutcome bot_outcome() {
    BotOutcome bot;
    const int roll = pick(10);
    bot.intent = one_of(kIntents);
    bot.confidence = 0.5 + pick(50) / 100.0;
    if (roll < 6) {
      bot.action = BotAction::answer;
      bot.reply_text = "answer";
      if (pick(4) == 0) bot.tags = {"not_understood"};
    } else if (roll < 8) {
      bot.action = BotAction::ask_slot;
      bot.reply_text = "which order?";
    } else {
      bot.action = BotAction::handoff;
      bot.handoff_reasons = {static_cast<HandoffReason>(1 + pick(7))};
      if (pick(2)) bot.reply_text = "connecting you";
      if (pick(3) == 0) bot.tags = {"not_understood"};
    }
    return bot;
  }

  Command conversation_command(const State& s, Timestamp now) {
    const std::string agent = s.assignment && pick(5) ? s.assignment->agent_id
                              : s.offer && pick(2)    ? s.offer->agent_id
                                                      : agent_name();
    const bool ended = s.phase == Phase::resolved || s.phase == Phase::closed;
    if (ended && !s.rating && pick(3) == 0) {
      return Rate{static_cast<std::uint8_t>(1 + pick(5)), "", now};
    }
    switch (pick(16)) {
      case 0:
      case 1:
      case 2: {
        ReceiveMessage m{"m-" + std::to_string(message_seq_++),
                         "c-1",
                         static_cast<Channel>(1 + pick(7)),
                         one_of(customer_texts()),
                         now,
                         std::nullopt,
                         std::chrono::minutes(30 * (1 + pick(4)))};
        if (s.phase == Phase::none || bot_has_turn(s, now, m.reopen_window)) {
          if (pick(6) != 0) m.bot = bot_outcome();
        }
        return m;
      }
      case 3:
        return RequestHandoff{Initiator::customer,
                              {HandoffReason::customer_asked},
                              pick(2) ? one_of(kSkills) : "",
                              now};
      case 4:
      case 5:
        return Enqueue{one_of(kSkills), static_cast<Tier>(1 + pick(4)),
                       static_cast<std::uint32_t>(pick(5)), now};
      case 6:
        return Offer{agent, now + std::chrono::seconds(30), now};
      case 7:
        return DeclineOffer{agent, now};
      case 8:
      case 9: {
        router::AssignmentExplanation x;
        x.winner = agent;
        return Assign{agent, x, now};
      }
      case 10:
      case 11:
        return ReplyAsAgent{agent, "r-" + std::to_string(message_seq_++), "ok", now};
      case 12:
        return Transfer{agent, {TargetKind::skill_group, one_of(kSkills)}, "", now};
      case 13:
        return pick(3) ? Command{Resolve{pick(4) ? agent : "", now}}
                       : Command{ReleaseFromAgent{agent, conversation::ReleaseReason::agent_offline,
                                                  now}};
      case 14:
        return pick(2) ? Command{Close{static_cast<CloseReason>(1 + pick(4)), now}}
                       : Command{Rate{static_cast<std::uint8_t>(1 + pick(5)), "", now}};
      default:
        return CheckTimers{std::chrono::minutes(pick(20)), now};
    }
  }

  void step_conversation(History& h, Timestamp now) {
    const std::string id = "conv-" + std::to_string(pick(shape_.conversations));
    State& s = conversations_[id];
    auto decision = conversation::Decider::decide(s, conversation_command(s, now));
    if (!decision.accepted()) return;
    for (const auto& e : decision.events()) {
      s = conversation::Decider::evolve(std::move(s), e);
      record<conversation::Codec>(h, EntityKind::conversation, id, e, now);
    }
  }

  agent::Command agent_command(const agent::State& s, Timestamp now) {
    if (!s.registered) {
      return agent::RegisterAgent{
          "Agent", {{"orders", 3}}, {}, agent::Capacity{1 + pick(4), 2}, now};
    }
    switch (pick(6)) {
      case 0:
        return agent::SetPresence{static_cast<agent::Presence>(1 + pick(3)), now};
      case 1:
        return agent::LogIn{now};
      case 2:
      case 3:
        return agent::AcceptConversation{"conv-" + std::to_string(pick(shape_.conversations)),
                                         static_cast<Channel>(1 + pick(7)), now};
      default: {
        if (s.active.empty()) return agent::ChangeCapacity{agent::Capacity{1 + pick(4), 2}, now};
        auto it = s.active.begin();
        std::advance(it, pick(static_cast<int>(s.active.size())));
        return agent::ReleaseConversation{it->first, agent::ReleaseReason::resolved, now};
      }
    }
  }

  void step_agent(History& h, Timestamp now) {
    const std::string id = agent_name();
    agent::State& s = agents_[id];
    auto decision = agent::Decider::decide(s, agent_command(s, now));
    if (!decision.accepted()) return;
    for (const auto& e : decision.events()) {
      s = agent::Decider::evolve(std::move(s), e);
      record<agent::Codec>(h, EntityKind::agent, id, e, now);
    }
  }

  void step_ticket(History& h, Timestamp now) {
    const std::string id = "t-" + std::to_string(pick(shape_.tickets));
    ticket::State& s = tickets_[id];
    auto command = ticket_random_.command(s, now);
    if (auto* create = std::get_if<ticket::CreateTicket>(&command)) create->ticket_id = id;
    auto decision = ticket::Decider::decide(s, command);
    if (!decision.accepted()) return;
    for (const auto& e : decision.events()) {
      s = ticket::Decider::evolve(std::move(s), e);
      record<ticket::Codec>(h, EntityKind::ticket, id, e, now);
    }
  }

  std::mt19937_64 rng_;
  HistoryShape shape_;
  ticket::testing::RandomTicket ticket_random_;
  std::map<std::string, State> conversations_;
  std::map<std::string, agent::State> agents_;
  std::map<std::string, ticket::State> tickets_;
  std::map<std::pair<EntityKind, std::string>, std::uint64_t> versions_;
  std::uint64_t message_seq_ = 0;
};

}  // namespace

const std::vector<std::string>& customer_texts() {
  static const std::vector<std::string> kTexts{"Where is my parcel?",
                                               "where is my parcel",
                                               "我的快递到哪了？",
                                               "How do I return this?",
                                               "退货怎么办",
                                               "When will my refund arrive?",
                                               "Is the watch waterproof?",
                                               "转人工",
                                               "my screen is broken",
                                               "发票怎么开"};
  return kTexts;
}

History random_history(std::uint64_t seed, const HistoryShape& shape) {
  return Generator(seed, shape).run();
}

}  // namespace sb::analytics::testing
