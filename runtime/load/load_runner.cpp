#include "runtime/load/load_runner.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "runtime/load/agent_roster.hpp"
#include "runtime/load/arrival_schedule.hpp"
#include "runtime/load/channel_adapter.hpp"
#include "runtime/load/progress_meter.hpp"
#include "runtime/load/question_mix.hpp"
#include "runtime/load/sim_agent.hpp"

namespace sb::load {
namespace {

// A sender thread per adapter at least, so a rare channel (email) is never starved.
constexpr int kSendersPerAdapterMin = 2;
constexpr auto kDrainPoll = std::chrono::milliseconds(50);

// Unique per run (ids of earlier runs on the same data must not collide as retries), while the
// content stays a function of the seed.
std::string make_run_id(std::uint64_t seed) {
  std::random_device device;
  return fmt::format("ld{:x}{:04x}", seed, device() & 0xffffu);
}

Expected<std::unique_ptr<rpc::Client>, std::string> admin_client(const LoadOptions& options) {
  auto client = rpc::Client::connect({options.host, options.port});
  if (!client) return unexpected(client.error());
  if (auto session = (*client)->authenticate(options.admin_token); !session) {
    return unexpected("admin token: " + session.error().message);
  }
  return std::move(*client);
}

struct Fleet {
  std::vector<std::unique_ptr<ChannelAdapter>> adapters;
  std::vector<std::unique_ptr<SimAgent>> agents;

  ChannelAdapter* adapter_for(Channel channel) {
    for (auto& adapter : adapters) {
      if (adapter->channel() == channel) return adapter.get();
    }
    return adapters.front().get();
  }
  std::size_t backlog() const {
    std::size_t total = 0;
    for (const auto& adapter : adapters) total += adapter->backlog();
    return total;
  }
};

std::optional<std::string> connect_fleet(const LoadOptions& options, LoadMetrics& metrics,
                                         Workload& workload, Fleet& fleet) {
  std::uint64_t seed = options.seed;
  for (const auto& id : agent_ids(options.agents)) {
    auto agent = SimAgent::connect(options, id, metrics, ++seed);
    if (!agent) return agent.error();
    fleet.agents.push_back(std::move(*agent));
  }
  for (const auto& [channel, weight] : options.channel_mix) {
    if (weight <= 0) continue;
    auto adapter = ChannelAdapter::connect(options, channel, metrics, workload);
    if (!adapter) return adapter.error();
    fleet.adapters.push_back(std::move(*adapter));
  }
  if (fleet.adapters.empty()) return "the channel mix has no channel with a weight above 0";
  return std::nullopt;
}

// Each adapter gets its share of the threads (by channel weight).
int threads_for(const LoadOptions& options, Channel channel) {
  double total = 0;
  for (const auto& [_, weight] : options.channel_mix) total += weight;
  const double share = options.channel_mix.at(channel) / total;
  return std::max(kSendersPerAdapterMin,
                  static_cast<int>(std::lround(share * options.concurrency)));
}

void run_open_loop(const LoadOptions& options, Workload& workload, Fleet& fleet,
                   Clock::time_point started) {
  for (auto& adapter : fleet.adapters) {
    adapter->start_senders(threads_for(options, adapter->channel()));
  }
  ArrivalSchedule schedule(options.shape, options.duration);
  std::chrono::nanoseconds offset{};
  while (schedule.next(offset)) {
    const auto intended = started + offset;
    std::this_thread::sleep_until(intended);  // returns at once when behind: catch up
    auto planned = workload.next(intended);
    fleet.adapter_for(planned.message.channel)->enqueue({std::move(planned), intended});
  }
  for (auto& adapter : fleet.adapters) adapter->close();
  for (auto& adapter : fleet.adapters) adapter->join();
}

void run_closed_loop(const LoadOptions& options, Fleet& fleet, Clock::time_point started) {
  const auto deadline = started + options.duration;
  for (auto& adapter : fleet.adapters) {
    adapter->start_closed(threads_for(options, adapter->channel()), deadline);
  }
  for (auto& adapter : fleet.adapters) adapter->join();
}

// Waits until every expected bot reply and offer arrived, or the drain time is over.
void drain(const LoadOptions& options, const LoadMetrics& metrics) {
  const auto until = Clock::now() + options.drain;
  while (Clock::now() < until &&
         (metrics.bot_replies_pending() > 0 || metrics.handoffs_unoffered() > 0)) {
    std::this_thread::sleep_for(kDrainPoll);
  }
}

void collect(const LoadMetrics& metrics, LoadResult& r) {
  const auto& c = metrics.counters;
  r.sent = c.sent;
  r.calls = c.calls;
  r.acked = c.acked;
  r.errors = c.errors;
  r.duplicates = c.duplicates;
  r.bot_answered = c.bot_answered;
  r.bot_replies_seen = c.bot_replies_seen;
  r.bot_replies_missing = metrics.bot_replies_pending();
  r.agent_replies_seen = c.agent_replies_seen;
  r.queue_updates_seen = c.queue_updates_seen;
  r.handoffs = c.handoffs;
  r.offers = c.offers;
  r.handoffs_unoffered = metrics.handoffs_unoffered();
  r.generator_dropped = c.generator_dropped;
  r.ack = metrics.ack.summary();
  r.bot_reply = metrics.bot_reply.summary();
  r.bot_reply_first = metrics.bot_reply_first.summary();
  r.bot_reply_follow_up = metrics.bot_reply_follow_up.summary();
  r.offer = metrics.offer.summary();
  r.schedule_lag = metrics.schedule_lag.summary();
  r.errors_by_code = metrics.errors_by_code();
}

}  // namespace

Expected<LoadResult, std::string> run_load_test(const LoadOptions& options, std::ostream& progress,
                                                const ServerProbe& probe) {
  auto questions = QuestionMix::from_file(options.knowledge_base);
  if (!questions) return unexpected(questions.error());
  std::unique_ptr<rpc::Client> admin;
  if (!options.admin_token.empty()) {
    auto client = admin_client(options);
    if (!client) return unexpected(client.error());
    admin = std::move(*client);
    if (options.agents.register_agents) {
      for (const auto& spec : agent_specs(options.agents)) {
        if (auto view = admin->upsert_agent(spec); !view) {
          return unexpected("register agent " + spec.agent_id + ": " + view.error().message);
        }
      }
    }
  }

  LoadResult result;
  result.options = options;
  result.run_id = make_run_id(options.seed);
  LoadMetrics metrics;
  Workload workload(options, *questions, result.run_id);
  Fleet fleet;
  if (auto error = connect_fleet(options, metrics, workload, fleet)) return unexpected(*error);
  for (auto& agent : fleet.agents) agent->start();

  const bool open = options.mode == LoopMode::open;
  ProgressMeter meter(
      metrics, options.progress ? &progress : nullptr,
      [&](double second) { return open ? rate_at(options.shape, second) : 0.0; },
      [&] { return fleet.backlog(); });
  const auto started = Clock::now();
  meter.start(started);
  if (open) {
    run_open_loop(options, workload, fleet, started);
  } else {
    run_closed_loop(options, fleet, started);
  }
  result.send_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  drain(options, metrics);
  meter.stop();
  for (auto& agent : fleet.agents) agent->finish();
  result.total_seconds = std::chrono::duration<double>(Clock::now() - started).count();

  collect(metrics, result);
  result.workload = workload.counts();
  result.timeline = meter.timeline();
  for (const auto& agent : fleet.agents) result.agents.push_back(agent->stats());
  if (admin) {
    if (auto queues = admin->queues()) result.queues = std::move(*queues);
  }
  if (probe) result.server = probe();
  return result;
}

}  // namespace sb::load
