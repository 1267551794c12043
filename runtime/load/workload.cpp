#include "runtime/load/workload.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

namespace sb::load {
namespace {

std::discrete_distribution<std::size_t> weights_of(const std::map<Channel, double>& mix,
                                                   std::vector<Channel>& channels) {
  std::vector<double> weights;
  for (const auto& [channel, weight] : mix) {
    channels.push_back(channel);
    weights.push_back(weight);
  }
  return std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
}

// Phone numbers: a mobile prefix and this many digits derived from the run and the customer.
constexpr std::uint64_t kPhoneSuffixModulo = 1'000'000'000;

// What each channel knows a customer by: a phone number for calls, an address for email, an
// opaque id (visitor, app user, openid) elsewhere. Phone and email ids must be well formed.
std::string channel_user_id(Channel channel, const std::string& customer, std::uint64_t number) {
  switch (channel) {
    case Channel::phone:
    case Channel::sms: {
      const auto digits = (std::hash<std::string>{}(customer) + number) % kPhoneSuffixModulo;
      return fmt::format("+8613{:09}", digits);
    }
    case Channel::email:
      return customer + "@example.com";
    case Channel::wechat:
      return "o" + customer;
    default:
      return std::string(to_string(channel)) + "-" + customer;
  }
}

}  // namespace

Workload::Workload(const LoadOptions& options, const QuestionMix& questions, std::string run_id)
    : options_(options),
      questions_(questions),
      run_id_(std::move(run_id)),
      rng_(options.seed),
      channel_pick_(weights_of(options.channel_mix, channels_)) {}

PlannedMessage Workload::next(Clock::time_point now, std::optional<Channel> channel) {
  std::lock_guard lock(mutex_);
  if (auto session = ready_follow_up(now, channel)) return follow_up(*session);
  return first_turn(channel);
}

std::optional<std::uint64_t> Workload::ready_follow_up(Clock::time_point now,
                                                       std::optional<Channel> channel) {
  ReadyQueue* best = nullptr;
  for (auto& [each, queue] : ready_) {
    if (channel && each != *channel) continue;
    if (queue.empty() || queue.top().first > now) continue;
    if (best == nullptr || queue.top().first < best->top().first) best = &queue;
  }
  if (best == nullptr) return std::nullopt;
  const auto session = best->top().second;
  best->pop();
  return session;
}

Channel Workload::pick_channel() { return channels_[channel_pick_(rng_)]; }

PlannedMessage Workload::first_turn(std::optional<Channel> channel) {
  Session session;
  std::bernoulli_distribution returning(options_.returning_share);
  session.channel = channel.value_or(pick_channel());
  if (!returning_.empty() && returning(rng_)) {
    std::uniform_int_distribution<std::size_t> index(0, returning_.size() - 1);
    session.customer = returning_[index(rng_)];
    ++counts_.returning_sessions;
    if (session.channel != session.customer.last_channel) ++counts_.channel_switches;
  } else {
    session.customer.number = ++next_customer_;
    // No draw at the default (everyone logs in): a seed gives the same run as before the option.
    session.customer.logged_in =
        options_.login_share >= 1 || std::bernoulli_distribution(options_.login_share)(rng_);
  }
  session.customer.last_channel = session.channel;
  std::bernoulli_distribution multi_turn(options_.multi_turn_share);
  std::uniform_int_distribution<int> turns(2, kTurnsMax);
  session.turns_left = (multi_turn(rng_) ? turns(rng_) : 1) - 1;
  const auto question = questions_.sample(
      rng_, {options_.human_request_share, options_.out_of_scope_share, options_.zh_share});
  session.zh = question.zh;
  const auto id = ++next_session_;
  ++counts_.sessions;
  auto planned = message_of(session, question, false, id);
  sessions_.emplace(id, std::move(session));
  return planned;
}

PlannedMessage Workload::follow_up(std::uint64_t session_id) {
  auto& session = sessions_.at(session_id);
  --session.turns_left;
  ++counts_.follow_ups;
  std::bernoulli_distribution says_goodbye(kClosingLineShare);
  const bool last = session.turns_left == 0;
  const auto question = last && says_goodbye(rng_) ? questions_.closing(rng_, session.zh)
                                                   : questions_.sample_kb(rng_, session.zh);
  return message_of(session, question, true, session_id);
}

PlannedMessage Workload::message_of(const Session& session, const Question& question,
                                    bool follow_up, std::uint64_t session_id) {
  PlannedMessage planned;
  auto& m = planned.message;
  const std::string customer = run_id_ + "-u" + std::to_string(session.customer.number);
  m.channel = session.channel;
  m.channel_user_id = channel_user_id(session.channel, customer, session.customer.number);
  if (session.customer.logged_in) m.account_id = "acct-" + customer;  // one history across channels
  m.message_id = run_id_ + "-m" + std::to_string(++next_message_);
  m.text = styled_for(session.channel, question.text, question.zh);
  planned.session = session_id;
  planned.kind = question.kind;
  planned.label = question.label;
  planned.follow_up = follow_up;
  ++counts_.by_kind[std::string(to_string(question.kind))];
  ++counts_.by_label[question.label];
  ++counts_.by_channel[std::string(to_string(session.channel))];
  return planned;
}

void Workload::answered(std::uint64_t session_id, Clock::time_point now, bool handed_off) {
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(session_id);
  if (found == sessions_.end()) return;
  if (handed_off || found->second.turns_left <= 0) return end(session_id);
  std::uniform_int_distribution<std::int64_t> think(options_.customer_think_min.count(),
                                                    options_.customer_think_max.count());
  ready_[found->second.channel].emplace(now + std::chrono::milliseconds(think(rng_)), session_id);
}

void Workload::failed(std::uint64_t session_id) {
  std::lock_guard lock(mutex_);
  end(session_id);
}

void Workload::end(std::uint64_t session_id) {
  auto found = sessions_.find(session_id);
  if (found == sessions_.end()) return;
  if (returning_.size() < kReturningPoolMax) {
    returning_.push_back(found->second.customer);
  } else {
    returning_[returning_cursor_++ % kReturningPoolMax] = found->second.customer;
  }
  sessions_.erase(found);
}

WorkloadCounts Workload::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

}  // namespace sb::load
