#include "benchmarks/recovery/production_history.hpp"

#include <array>

#include "actors/agent/agent_codec.hpp"
#include "actors/agent/agent_decider.hpp"
#include "actors/conversation/conversation_bot.hpp"
#include "actors/conversation/conversation_codec.hpp"
#include "actors/conversation/conversation_decider.hpp"
#include "actors/conversation/conversation_queries.hpp"
#include "actors/customer/customer_codec.hpp"
#include "actors/customer/customer_decider.hpp"
#include "actors/ticket/ticket_codec.hpp"
#include "actors/ticket/ticket_decider.hpp"
#include "benchmarks/recovery/entity_stream.hpp"
#include "runtime/bot/bot.hpp"
#include "runtime/bot/kb_jsonl.hpp"
#include "runtime/bot/sample_backend.hpp"
#include "runtime/load/question_mix.hpp"
#include "runtime/service/default_policies.hpp"

namespace sb::bench {
namespace {

using AgentStream = EntityStream<agent::Decider, agent::Codec>;
using CustomerStream = EntityStream<customer::Decider, customer::Codec>;
using ConversationStream = EntityStream<conversation::Decider, conversation::Codec>;
using TicketStream = EntityStream<ticket::Decider, ticket::Codec>;

// Channels whose user ids need no normalization (phone and email identities are checked).
constexpr std::array kChannels{Channel::web, Channel::app, Channel::wechat};
constexpr Timestamp kHistoryStart = from_unix_ms(1'793'750'400'000);  // 2026-11-11 00:00Z
constexpr Duration kBetweenSessions = std::chrono::seconds(2);
constexpr Duration kBetweenMessages = std::chrono::seconds(20);

customer::IdentityKind identity_kind_of(Channel channel) {
  return channel == Channel::app      ? customer::IdentityKind::app_user
         : channel == Channel::wechat ? customer::IdentityKind::wechat_openid
                                      : customer::IdentityKind::web_visitor;
}

}  // namespace

std::size_t HistoryBatch::events() const {
  std::size_t n = 0;
  for (const auto& append : appends) n += append.events.size();
  return n;
}

struct ProductionHistory::Parts {
  Parts(HistoryShape s, load::QuestionMix q, bot::Bot b, bot::SampleBackend orders)
      : shape(std::move(s)),
        questions(std::move(q)),
        bot(std::move(b)),
        backend(std::move(orders)),
        rng(shape.seed) {}

  HistoryShape shape;
  load::QuestionMix questions;
  bot::Bot bot;
  bot::SampleBackend backend;
  std::mt19937_64 rng;
  std::vector<AgentStream> agents;
  std::size_t next_agent = 0;
  // The bot's outcome per text, computed on first use (consulting it costs ~30 µs a turn).
  std::unordered_map<std::string, conversation::BotOutcome> outcomes;
  ticket::SlaPolicyTable sla_policies = service::default_sla_policies();
  customer::TierRules tier_rules;
  Timestamp clock = kHistoryStart;

  const conversation::BotOutcome& outcome_for(const std::string& text, Channel channel) {
    auto it = outcomes.find(text);
    if (it == outcomes.end()) {
      it = outcomes
               .emplace(text,
                        conversation::consult_bot(bot, backend, {text, Tier::regular, channel, {}}))
               .first;
    }
    return it->second;
  }

  std::string skill_of(const std::string& intent) const {
    const auto* entry = bot.knowledge_base().find(intent);
    return entry ? std::string(bot::to_string(entry->skill)) : "general";
  }
};

Expected<std::unique_ptr<ProductionHistory>, std::string> ProductionHistory::load(
    const HistoryShape& shape) {
  auto kb = bot::load_knowledge_base(shape.knowledge_base);
  if (!kb) return unexpected(shape.knowledge_base + ": " + kb.error().to_string());
  auto orders = bot::SampleBackend::load(shape.sample_orders);
  if (!orders) return unexpected(shape.sample_orders + ": " + orders.error().message);
  load::QuestionMix questions(*kb);
  auto parts = std::make_unique<Parts>(shape, std::move(questions), bot::Bot(std::move(*kb)),
                                       std::move(*orders));
  return std::unique_ptr<ProductionHistory>(new ProductionHistory(std::move(parts)));
}

ProductionHistory::ProductionHistory(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}
ProductionHistory::~ProductionHistory() = default;

SessionIds ProductionHistory::ids_of(std::uint64_t session) {
  SessionIds ids;
  ids.channel = kChannels[session % kChannels.size()];
  ids.user_id = "u" + std::to_string(session);
  ids.customer_id = std::string(to_string(ids.channel)) + ":" + ids.user_id;
  ids.conversation_id = ids.customer_id + "/c1";
  return ids;
}

void ProductionHistory::open_shift(HistoryBatch& out) {
  auto& p = *parts_;
  const std::array<const char*, 4> skills{"orders", "logistics", "returns_refunds", "general"};
  for (std::size_t i = 0; i < p.shape.agents; ++i) {
    auto& stream = p.agents.emplace_back("a" + std::to_string(i), p.shape.snapshot_every);
    agent::RegisterAgent registration{"Agent " + std::to_string(i),
                                      {{skills[i % skills.size()], 4}, {"general", 3}},
                                      {},
                                      agent::Capacity{},
                                      p.clock};
    out.appends.push_back(stream.run(registration, "register", p.clock, stream.key().id));
    out.appends.push_back(stream.run(agent::LogIn{p.clock}, "login", p.clock, stream.key().id));
  }
}

void ProductionHistory::next_session(HistoryBatch& out) {
  using namespace conversation;
  auto& p = *parts_;
  const auto ids = ids_of(sessions_++);
  p.clock += kBetweenSessions;
  Timestamp at = p.clock;
  const auto every = p.shape.snapshot_every;
  auto snapshot = [&out](auto& stream) {
    if (auto due = stream.due_snapshot()) out.snapshots.emplace_back(stream.key(), std::move(*due));
  };

  CustomerStream customer(ids.customer_id, every);
  customer::Profile profile;
  profile.account_created_at = at;
  out.appends.push_back(customer.run(
      customer::RegisterCustomer{ids.customer_id,
                                 {identity_kind_of(ids.channel), ids.user_id, false, at},
                                 profile,
                                 p.tier_rules,
                                 at,
                                 std::nullopt},
      "register", at, ids.customer_id));

  ConversationStream conv(ids.conversation_id, every);
  const Duration window = kReopenWindowDefault;
  int message = 0;
  auto receive = [&](const load::Question& question) {
    const std::string message_id = "m" + ids.user_id + "-" + std::to_string(++message);
    std::optional<BotOutcome> bot;
    if (bot_has_turn(conv.state(), at, window)) bot = p.outcome_for(question.text, ids.channel);
    out.appends.push_back(conv.run(ReceiveMessage{message_id, ids.customer_id, ids.channel,
                                                  question.text, at, std::move(bot), window},
                                   "msg:" + message_id, at, ids.conversation_id));
    at += kBetweenMessages;
  };

  load::QuestionShares shares;
  shares.human_request = 0;
  auto question = p.questions.sample(p.rng, shares);
  const int turns =
      1 + static_cast<int>(p.rng() % static_cast<std::uint64_t>(p.shape.bot_turns_max));
  for (int turn = 0; turn < turns && !conv.state().handoff; ++turn) {
    receive(question);
    if (turn == 0) {  // the Opened effect: the conversation goes on the customer's timeline
      out.appends.push_back(
          customer.run(customer::RecordConversation{ids.conversation_id, ids.channel, at}, "", at,
                       ids.conversation_id));
    }
    question = p.questions.sample_kb(p.rng, question.zh);
  }
  std::uniform_real_distribution<double> share(0, 1);
  if (!conv.state().handoff && share(p.rng) < p.shape.human_request_share) {
    load::QuestionShares human;
    human.human_request = 1;
    receive(p.questions.sample(p.rng, human));
    if (!conv.state().handoff) {
      out.appends.push_back(
          conv.run(RequestHandoff{Initiator::customer, {HandoffReason::customer_asked}, "", at}, "",
                   at, ids.conversation_id));
    }
  }

  if (!conv.state().handoff) {
    out.appends.push_back(conv.run(Resolve{"", at}, "", at, ids.conversation_id));
    out.appends.push_back(conv.run(Close{CloseReason::auto_closed, at + kBetweenSessions}, "", at,
                                   ids.conversation_id));
    snapshot(customer);
    snapshot(conv);
    return;
  }

  auto& agent = p.agents[p.next_agent++ % p.agents.size()];
  const auto& agent_id = agent.key().id;
  const auto skill = p.skill_of(conv.state().intent);
  const auto& cid = ids.conversation_id;
  out.appends.push_back(
      conv.run(Enqueue{skill, Tier::regular, 1 + static_cast<std::uint32_t>(p.rng() % 20), at}, "",
               at, cid));
  at += kBetweenMessages;
  out.appends.push_back(conv.run(Offer{agent_id, at + std::chrono::seconds(30), at}, "", at, cid));
  router::AssignmentExplanation explanation;
  explanation.winner = agent_id;
  explanation.decided_at = at;
  explanation.skill = skill;
  out.appends.push_back(conv.run(Assign{agent_id, explanation, at}, "", at, cid));
  out.appends.push_back(agent.run(agent::AcceptConversation{cid, ids.channel, at}, "", at, cid));
  out.appends.push_back(customer.run(customer::RecordLastAgent{agent_id, cid, at}, "", at, cid));
  for (int reply = 1; reply <= 2; ++reply) {
    at += kBetweenMessages;
    out.appends.push_back(conv.run(
        ReplyAsAgent{agent_id, cid + "/r" + std::to_string(reply), "您好，已为您查询，请稍候", at},
        "", at, cid));
  }
  if (share(p.rng) < p.shape.ticket_share) {
    TicketStream ticket("t" + ids.user_id, every);
    ticket::CreateTicket create;
    create.ticket_id = ticket.key().id;
    create.customer_id = ids.customer_id;
    create.conversation_id = cid;
    create.channel = ids.channel;
    create.created_by = agent_id;
    create.subject = "follow-up: " + (conv.state().intent.empty() ? skill : conv.state().intent);
    create.description = question.text;
    create.sla_policies = p.sla_policies;
    create.at = at;
    out.appends.push_back(ticket.run(create, "", at, cid));
    out.appends.push_back(
        ticket.run(ticket::AssignTicket{"agent:" + agent_id, agent_id, at}, "", at, cid));
    out.appends.push_back(
        customer.run(customer::RecordTicket{create.ticket_id, ids.channel, at}, "", at, cid));
    out.appends.push_back(
        ticket.run(ticket::ResolveTicket{agent_id, "handled", at + kBetweenMessages}, "", at, cid));
  }
  at += kBetweenMessages;
  out.appends.push_back(conv.run(Resolve{agent_id, at}, "", at, cid));
  out.appends.push_back(
      agent.run(agent::ReleaseConversation{cid, agent::ReleaseReason::resolved, at}, "", at, cid));
  out.appends.push_back(
      conv.run(Rate{static_cast<std::uint8_t>(1 + p.rng() % 5), "", at}, "", at, cid));
  out.appends.push_back(
      conv.run(Close{CloseReason::auto_closed, at + kBetweenSessions}, "", at, cid));
  snapshot(customer);
  snapshot(conv);
  snapshot(agent);
}

}  // namespace sb::bench
