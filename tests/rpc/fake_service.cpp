#include "tests/rpc/fake_service.hpp"

#include <utility>

namespace sb::rpc::test {

FakeService::FakeService() : worker_([this] { work(); }) {}

FakeService::~FakeService() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void FakeService::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;
    auto task = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    task();
    lock.lock();
  }
}

void FakeService::post(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(task));
  }
  wake_.notify_one();
}

void FakeService::fail_with(std::optional<ServiceError> error) {
  std::lock_guard lock(mutex_);
  error_ = std::move(error);
}

void FakeService::hold_answers(bool hold) {
  std::lock_guard lock(mutex_);
  hold_ = hold;
}

void FakeService::release_held() {
  std::vector<std::function<void()>> held;
  {
    std::lock_guard lock(mutex_);
    held.swap(held_);
    hold_ = false;
  }
  for (auto& task : held) post(std::move(task));
}

std::size_t FakeService::held() const {
  std::lock_guard lock(mutex_);
  return held_.size();
}

std::vector<InboundMessage> FakeService::delivered() const {
  std::lock_guard lock(mutex_);
  return delivered_;
}

std::vector<std::string> FakeService::calls() const {
  std::lock_guard lock(mutex_);
  return calls_;
}

std::set<SubscriptionId> FakeService::unsubscribed() const {
  std::lock_guard lock(mutex_);
  return unsubscribed_;
}

std::size_t FakeService::subscriptions() const {
  std::lock_guard lock(mutex_);
  return channel_sinks_.size();
}

bool FakeService::agent_logged_in(const std::string& agent_id) const {
  std::lock_guard lock(mutex_);
  return agent_sinks_.count(agent_id) > 0;
}

void FakeService::push_to_channels(const OutboundMessage& message) {
  std::vector<std::shared_ptr<ChannelSink>> sinks;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, sink] : channel_sinks_) sinks.push_back(sink);
  }
  for (const auto& sink : sinks) sink->push(message);
}

void FakeService::push_to_agent(const std::string& agent_id,
                                const std::function<void(AgentEventSink&)>& push) {
  std::shared_ptr<AgentEventSink> sink;
  {
    std::lock_guard lock(mutex_);
    auto it = agent_sinks_.find(agent_id);
    if (it == agent_sinks_.end()) return;
    sink = it->second;
  }
  push(*sink);
}

void FakeService::record(std::string call) {
  std::lock_guard lock(mutex_);
  calls_.push_back(std::move(call));
}

template <class T>
void FakeService::answer(Callback<T> done, T value) {
  std::lock_guard lock(mutex_);
  std::function<void()> task;
  if (error_) {
    task = [done = std::move(done), error = *error_] { done(unexpected(error)); };
  } else {
    task = [done = std::move(done), value = std::move(value)] { done(value); };
  }
  if (hold_) {
    held_.push_back(std::move(task));
  } else {
    queue_.push_back(std::move(task));
    wake_.notify_one();
  }
}

void FakeService::deliver(InboundMessage message, Callback<DeliverResult> done) {
  DeliverResult result;
  result.conversation_id = "conv-" + message.channel_user_id;
  result.customer_id = "cust-" + message.channel_user_id;
  {
    std::lock_guard lock(mutex_);
    result.duplicate = !seen_message_ids_.insert(message.message_id).second;
    delivered_.push_back(message);
  }
  if (message.text.find("agent") != std::string::npos) {
    result.handed_off = true;
    result.queue_position = 2;
  } else {
    OutboundMessage reply;
    reply.kind = OutboundKind::bot_reply;
    reply.conversation_id = result.conversation_id;
    reply.customer_id = result.customer_id;
    reply.channel = message.channel;
    reply.channel_user_id = message.channel_user_id;
    reply.message_id = "bot-" + message.message_id;
    reply.text = "echo: " + message.text;
    result.bot_reply = reply;
  }
  record("deliver " + message.message_id);
  answer(std::move(done), std::move(result));
}

SubscriptionId FakeService::subscribe_channel(Channel channel, std::shared_ptr<ChannelSink> sink) {
  std::lock_guard lock(mutex_);
  const auto id = next_subscription_++;
  channel_sinks_.emplace(id, std::move(sink));
  calls_.push_back("subscribe " + std::string(to_string(channel)));
  return id;
}

void FakeService::unsubscribe(SubscriptionId id) {
  std::lock_guard lock(mutex_);
  channel_sinks_.erase(id);
  unsubscribed_.insert(id);
}

SubscriptionId FakeService::register_backend(std::shared_ptr<IntegratorBackend> backend) {
  std::lock_guard lock(mutex_);
  const auto id = next_subscription_++;
  backends_.emplace(id, std::move(backend));
  calls_.push_back("register_backend");
  return id;
}

void FakeService::unregister_backend(SubscriptionId id) {
  std::lock_guard lock(mutex_);
  backends_.erase(id);
  calls_.push_back("unregister_backend");
}

std::shared_ptr<IntegratorBackend> FakeService::backend() const {
  std::lock_guard lock(mutex_);
  return backends_.empty() ? nullptr : backends_.rbegin()->second;
}

void FakeService::rate(std::string conversation_id, int score, std::string comment,
                       Callback<Done> done) {
  record("rate " + conversation_id + " " + std::to_string(score));
  answer(std::move(done), Done{});
}

void FakeService::agent_login(std::string agent_id, std::shared_ptr<AgentEventSink> sink,
                              Callback<AgentView> done) {
  {
    std::lock_guard lock(mutex_);
    agent_sinks_.insert_or_assign(agent_id, std::move(sink));
  }
  record("login " + agent_id);
  AgentView view;
  view.agent_id = agent_id;
  view.display_name = "Agent " + agent_id;
  view.presence = Presence::online;
  view.skills = {{"orders", 3}};
  answer(std::move(done), std::move(view));
}

void FakeService::set_presence(std::string agent_id, Presence presence, Callback<AgentView> done) {
  record("presence " + agent_id + " " + std::to_string(static_cast<int>(presence)));
  AgentView view;
  view.agent_id = agent_id;
  view.presence = presence;
  answer(std::move(done), std::move(view));
}

void FakeService::accept_offer(std::string agent_id, std::string conversation_id,
                               Callback<ConversationView> done) {
  record("accept " + agent_id + " " + conversation_id);
  ConversationView view;
  view.conversation_id = conversation_id;
  view.phase = "assigned";
  view.assigned_agent = agent_id;
  answer(std::move(done), std::move(view));
}

void FakeService::decline_offer(std::string agent_id, std::string conversation_id,
                                Callback<Done> done) {
  record("decline " + agent_id + " " + conversation_id);
  answer(std::move(done), Done{});
}

void FakeService::agent_reply(std::string agent_id, std::string conversation_id, std::string text,
                              Callback<Done> done) {
  record("reply " + agent_id + " " + conversation_id + " " + text);
  answer(std::move(done), Done{});
}

void FakeService::transfer(std::string agent_id, std::string conversation_id, std::string target,
                           std::string note, Callback<Done> done) {
  record("transfer " + agent_id + " " + conversation_id + " " + target + " " + note);
  answer(std::move(done), Done{});
}

void FakeService::resolve(std::string agent_id, std::string conversation_id, Callback<Done> done) {
  record("resolve " + agent_id + " " + conversation_id);
  answer(std::move(done), Done{});
}

void FakeService::conversation(std::string conversation_id, Callback<ConversationView> done) {
  record("conversation " + conversation_id);
  ConversationView view;
  view.conversation_id = conversation_id;
  view.phase = "bot";
  view.transcript = {{"customer", "where is my order", Channel::web, from_unix_ms(1000)}};
  answer(std::move(done), std::move(view));
}

void FakeService::customer_timeline(std::string customer_id,
                                    Callback<std::vector<TimelineEntry>> done) {
  record("timeline " + customer_id);
  answer(std::move(done), std::vector<TimelineEntry>{
                              {"conversation", "c1", Channel::app, "asked about a refund", {}},
                              {"ticket", "t1", Channel::email, "refund ticket", {}}});
}

void FakeService::search_customer_history(std::string customer_id, std::string query,
                                          Callback<std::vector<HistoryMatch>> done) {
  record("search " + customer_id + " " + query);
  answer(std::move(done), std::vector<HistoryMatch>{
                              {"c1", {"customer", "my refund for " + query, Channel::app, {}}}});
}

void FakeService::merge_customers(std::string agent_id, std::string survivor_id,
                                  std::string absorbed_id,
                                  Callback<std::vector<TimelineEntry>> done) {
  record("merge " + agent_id + " " + survivor_id + " " + absorbed_id);
  customer_timeline(std::move(survivor_id), std::move(done));
}

void FakeService::unmerge_customers(std::string agent_id, std::string survivor_id,
                                    std::string absorbed_id, Callback<Done> done) {
  record("unmerge " + agent_id + " " + survivor_id + " " + absorbed_id);
  answer(std::move(done), Done{});
}

void FakeService::suggested_replies(std::string conversation_id,
                                    Callback<std::vector<SuggestedReply>> done) {
  record("suggest " + conversation_id);
  answer(std::move(done), std::vector<SuggestedReply>{{"order_status", 0.9, "It ships today."}});
}

void FakeService::create_ticket(std::string agent_id, TicketSpec spec, Callback<TicketView> done) {
  record("create_ticket " + agent_id + " " + spec.subject);
  TicketView view;
  view.ticket_id = "t-1";
  view.status = "new";
  view.subject = spec.subject;
  view.fields = spec.fields;
  answer(std::move(done), std::move(view));
}

void FakeService::update_ticket(std::string agent_id, TicketUpdate update,
                                Callback<TicketView> done) {
  record("update_ticket " + agent_id + " " + update.ticket_id + " " + update.status.value_or("-"));
  TicketView view;
  view.ticket_id = update.ticket_id;
  view.status = update.status.value_or("open");
  answer(std::move(done), std::move(view));
}

void FakeService::ticket(std::string ticket_id, Callback<TicketView> done) {
  record("ticket " + ticket_id);
  TicketView view;
  view.ticket_id = ticket_id;
  view.status = "open";
  answer(std::move(done), std::move(view));
}

void FakeService::upsert_agent(AgentSpec spec, Callback<AgentView> done) {
  std::string skills;
  for (const auto& [skill, level] : spec.skills)
    skills += " " + skill + ":" + std::to_string(level);
  record("upsert_agent " + spec.agent_id + skills);
  AgentView view;
  view.agent_id = spec.agent_id;
  view.skills = spec.skills;
  view.chat_capacity = spec.chat_capacity;
  answer(std::move(done), std::move(view));
}

namespace {
KnowledgeBaseVersion kb_version(std::uint64_t version, std::uint32_t intents, std::uint32_t examples) {
  KnowledgeBaseVersion out;
  out.version = version;
  out.intents = intents;
  out.examples = examples;
  out.current = true;
  return out;
}
}  // namespace

void FakeService::import_knowledge_base(std::string jsonl, Callback<KnowledgeBaseVersion> done) {
  record("import_kb " + std::to_string(jsonl.size()));
  answer(std::move(done), kb_version(7, 2, 5));
}

void FakeService::knowledge_base_versions(Callback<std::vector<KnowledgeBaseVersion>> done) {
  record("kb_versions");
  answer(std::move(done), std::vector<KnowledgeBaseVersion>{kb_version(0, 60, 1200), kb_version(7, 2, 5)});
}

void FakeService::roll_back_knowledge_base(std::uint64_t version, Callback<KnowledgeBaseVersion> done) {
  record("kb_roll_back " + std::to_string(version));
  answer(std::move(done), kb_version(version, 60, 1200));
}

void FakeService::queues(Callback<std::vector<QueueSnapshot>> done) {
  record("queues");
  answer(std::move(done), std::vector<QueueSnapshot>{{"orders", 3, 1, 2, 4, 1500, 900}});
}

void FakeService::agent_logout(std::string agent_id, Callback<AgentView> done) {
  {
    std::lock_guard lock(mutex_);
    agent_sinks_.erase(agent_id);
  }
  record("logout " + agent_id);
  AgentView view;
  view.agent_id = agent_id;
  view.presence = Presence::offline;
  answer(std::move(done), std::move(view));
}

void FakeService::agent_desk_lost(std::string agent_id, std::shared_ptr<AgentEventSink> sink) {
  bool dropped = false;
  {
    std::lock_guard lock(mutex_);
    auto it = agent_sinks_.find(agent_id);
    if (it != agent_sinks_.end() && it->second == sink) {
      agent_sinks_.erase(it);
      dropped = true;
    }
  }
  record(std::string(dropped ? "desk_lost " : "desk_lost_stale ") + agent_id);
}

void FakeService::sla_policies(Callback<std::vector<SlaPolicySpec>> done) {
  record("sla_policies");
  SlaPolicySpec spec{"vip", "urgent", "vip-urgent", 60'000, 120'000, 3'600'000, 0.5, "leads", true, true};
  answer(std::move(done), std::vector<SlaPolicySpec>{spec});
}

void FakeService::set_sla_policy(SlaPolicySpec spec, Callback<SlaPolicySpec> done) {
  record("set_sla_policy " + spec.tier + " " + spec.priority + " " + spec.name);
  spec.configured = true;
  answer(std::move(done), std::move(spec));
}

void FakeService::remove_sla_policy(std::string tier, std::string priority, Callback<Done> done) {
  record("remove_sla_policy " + tier + " " + priority);
  answer(std::move(done), Done{});
}

void FakeService::tier_rules(Callback<TierRulesSpec> done) {
  record("tier_rules");
  answer(std::move(done), TierRulesSpec{86'400'000, 3, 0, false, true, false});
}

void FakeService::set_tier_rules(TierRulesSpec rules, Callback<TierRulesSpec> done) {
  record("set_tier_rules " + std::to_string(rules.regular_after_orders));
  rules.configured = true;
  answer(std::move(done), std::move(rules));
}

void FakeService::skill_groups(Callback<std::vector<SkillGroupSpec>> done) {
  record("skill_groups");
  SkillGroupSpec spec;
  spec.name = "orders";
  spec.overflow_groups = {"general"};
  answer(std::move(done), std::vector<SkillGroupSpec>{spec});
}

void FakeService::define_skill_group(SkillGroupSpec spec, Callback<SkillGroupSpec> done) {
  record("define_skill_group " + spec.name);
  answer(std::move(done), std::move(spec));
}

void FakeService::remove_skill_group(std::string name, Callback<Done> done) {
  record("remove_skill_group " + name);
  answer(std::move(done), Done{});
}

}  // namespace sb::rpc::test
