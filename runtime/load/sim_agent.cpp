#include "runtime/load/sim_agent.hpp"

#include <array>

namespace sb::load {
namespace {

const std::array<const char*, 6> kReplies{"您好，我是客服，这就帮您查一下。",
                                          "Thanks for waiting, let me check that for you.",
                                          "已经帮您处理好了，请留意短信通知。",
                                          "I've updated your request; you'll get an email shortly.",
                                          "还有什么可以帮您的吗？",
                                          "Is there anything else I can help you with?"};

}  // namespace

Expected<std::unique_ptr<SimAgent>, std::string> SimAgent::connect(const LoadOptions& options,
                                                                   std::string agent_id,
                                                                   LoadMetrics& metrics,
                                                                   std::uint64_t seed) {
  std::unique_ptr<SimAgent> agent(new SimAgent(options, std::move(agent_id), metrics, seed));
  auto client = rpc::Client::connect({options.host, options.port});
  if (!client) return unexpected(client.error());
  agent->client_ = std::move(*client);
  const auto token = options.agents.token_prefix + agent->agent_id_;
  if (auto session = agent->client_->authenticate(token); !session) {
    return unexpected("agent " + agent->agent_id_ + ": " + session.error().message);
  }
  auto* self = agent.get();
  auto login =
      agent->client_->login([self](const rpc::AgentEvent& event) { self->on_event(event); });
  if (!login) return unexpected("agent " + agent->agent_id_ + " login: " + login.error().message);
  if (auto online = agent->client_->set_presence(service::Presence::online); !online) {
    return unexpected("agent " + agent->agent_id_ + " presence: " + online.error().message);
  }
  return agent;
}

SimAgent::SimAgent(const LoadOptions& options, std::string agent_id, LoadMetrics& metrics,
                   std::uint64_t seed)
    : options_(options), agent_id_(std::move(agent_id)), metrics_(metrics), rng_(seed) {
  stats_.agent_id = agent_id_;
}

SimAgent::~SimAgent() {
  finish();
  if (client_) client_->disconnect();
}

void SimAgent::start() {
  if (options_.agents.presence_changes_per_minute > 0) {
    schedule({Clock::now() + until_presence_change(), Step::go_away, {}, 0});
  }
  thread_ = std::thread([this] { run(); });
}

void SimAgent::on_event(const rpc::AgentEvent& event) {
  const auto now = Clock::now();
  if (const auto* offer = std::get_if<service::AgentOffer>(&event)) {
    const auto& conversation = offer->conversation.conversation_id;
    metrics_.on_offer(conversation, now);
    std::lock_guard lock(mutex_);
    ++stats_.offers;
    withdrawn_.erase(conversation);
    // Think time is drawn on the run thread; the accept is due as soon as it is picked up.
    actions_.push({now, Step::accept, conversation, -1});
  } else if (const auto* withdrawn = std::get_if<rpc::OfferWithdrawn>(&event)) {
    std::lock_guard lock(mutex_);
    withdrawn_.insert(withdrawn->conversation_id);
  } else if (std::holds_alternative<rpc::CustomerMessage>(event)) {
    std::lock_guard lock(mutex_);
    ++stats_.customer_messages;
  } else {
    return;  // notices: nothing to do
  }
  changed_.notify_all();
}

void SimAgent::schedule(Action action) {
  {
    std::lock_guard lock(mutex_);
    actions_.push(std::move(action));
  }
  changed_.notify_all();
}

Clock::duration SimAgent::think() {
  std::uniform_int_distribution<std::int64_t> ms(options_.agents.think_min.count(),
                                                 options_.agents.think_max.count());
  return std::chrono::milliseconds(ms(rng_));
}

Clock::duration SimAgent::until_presence_change() {
  std::exponential_distribution<double> minutes(options_.agents.presence_changes_per_minute);
  return std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double, std::ratio<60>>(minutes(rng_)));
}

void SimAgent::run() {
  std::unique_lock lock(mutex_);
  while (!finishing_) {
    if (actions_.empty()) {
      changed_.wait(lock, [&] { return finishing_ || !actions_.empty(); });
      continue;
    }
    if (actions_.top().due > Clock::now()) {
      changed_.wait_until(lock, actions_.top().due);
      continue;
    }
    auto action = actions_.top();
    actions_.pop();
    lock.unlock();
    perform(action);
    lock.lock();
  }
}

void SimAgent::perform(const Action& action) {
  const auto& id = action.conversation_id;
  switch (action.step) {
    case Step::accept: {
      if (action.replies_left < 0) {  // just offered: think before accepting
        std::uniform_int_distribution<int> replies(options_.agents.replies_min,
                                                   options_.agents.replies_max);
        return schedule({Clock::now() + think(), Step::accept, id, replies(rng_)});
      }
      {
        std::lock_guard lock(mutex_);
        if (withdrawn_.erase(id) > 0) return;
      }
      auto accepted = client_->accept(id);
      std::lock_guard lock(mutex_);
      if (!accepted) {
        ++stats_.accept_failed;
        return;
      }
      ++stats_.accepted;
      held_.insert(id);
      stats_.most_at_once = std::max(stats_.most_at_once, held_.size());
      actions_.push({Clock::now() + think(), Step::reply, id, action.replies_left});
      return;
    }
    case Step::reply: {
      std::uniform_int_distribution<std::size_t> pick(0, kReplies.size() - 1);
      const bool ok = static_cast<bool>(client_->reply(id, kReplies[pick(rng_)]));
      std::lock_guard lock(mutex_);
      if (ok)
        ++stats_.replies;
      else
        ++stats_.errors;
      const int left = action.replies_left - 1;
      actions_.push({Clock::now() + think(), left > 0 ? Step::reply : Step::resolve, id, left});
      return;
    }
    case Step::resolve: {
      std::bernoulli_distribution ticket(options_.agents.ticket_share);
      if (ticket(rng_)) {
        service::TicketSpec spec;
        spec.conversation_id = id;
        spec.subject = "Follow-up from conversation " + id;
        spec.description = "Opened by the load generator's simulated agent.";
        const bool ok = static_cast<bool>(client_->create_ticket(spec));
        std::lock_guard lock(mutex_);
        ++(ok ? stats_.tickets : stats_.errors);
      }
      const bool ok = static_cast<bool>(client_->resolve(id));
      std::lock_guard lock(mutex_);
      ++(ok ? stats_.resolved : stats_.errors);
      held_.erase(id);
      return;
    }
    case Step::go_away:
    case Step::come_back: {
      const bool away = action.step == Step::go_away;
      const bool ok = static_cast<bool>(
          client_->set_presence(away ? service::Presence::away : service::Presence::online));
      const auto next =
          away ? Clock::now() + options_.agents.away_for : Clock::now() + until_presence_change();
      std::lock_guard lock(mutex_);
      ++(ok ? stats_.presence_changes : stats_.errors);
      actions_.push({next, away ? Step::come_back : Step::go_away, {}, 0});
      return;
    }
  }
}

void SimAgent::finish() {
  {
    std::lock_guard lock(mutex_);
    if (finishing_ && !thread_.joinable()) return;
    finishing_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
    end_of_shift();
  }
}

void SimAgent::end_of_shift() {
  std::vector<std::string> held;
  {
    std::lock_guard lock(mutex_);
    held.assign(held_.begin(), held_.end());
    held_.clear();
  }
  for (const auto& id : held) {
    const bool ok = static_cast<bool>(client_->resolve(id));
    std::lock_guard lock(mutex_);
    ++(ok ? stats_.resolved : stats_.errors);
  }
  if (!client_->set_presence(service::Presence::offline)) {
    std::lock_guard lock(mutex_);
    ++stats_.errors;
  }
}

AgentStats SimAgent::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace sb::load
