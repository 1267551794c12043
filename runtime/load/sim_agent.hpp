#pragma once
// One simulated agent at a desk: its own RPC connection with its agent token, logged in with an
// event sink. Offers are accepted after a think time; the agent replies a few times (thinking
// between replies), sometimes opens a ticket, and resolves. Now and then it goes away for a while
// and comes back. The server decides how many conversations it gets (its chat capacity). At the
// end of the run ("end of shift") it resolves what it still holds and logs off.

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <queue>
#include <random>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "runtime/load/load_metrics.hpp"
#include "runtime/load/load_options.hpp"
#include "runtime/rpc/client.hpp"

namespace sb::load {

struct AgentStats {
  std::string agent_id;
  std::uint64_t offers = 0;
  std::uint64_t accepted = 0;
  std::uint64_t accept_failed = 0;  // withdrawn or expired before the accept arrived
  std::uint64_t replies = 0;
  std::uint64_t resolved = 0;
  std::uint64_t tickets = 0;
  std::uint64_t presence_changes = 0;
  std::uint64_t customer_messages = 0;
  std::uint64_t errors = 0;
  std::size_t most_at_once = 0;  // conversations held at the same time
};

class SimAgent {
 public:
  static Expected<std::unique_ptr<SimAgent>, std::string> connect(const LoadOptions& options,
                                                                  std::string agent_id,
                                                                  LoadMetrics& metrics,
                                                                  std::uint64_t seed);
  ~SimAgent();

  void start();
  // Stops presence changes and new accepts, resolves what it holds, logs off, joins.
  void finish();
  AgentStats stats() const;

 private:
  enum class Step : std::uint8_t { accept, reply, resolve, go_away, come_back };
  struct Action {
    Clock::time_point due;
    Step step = Step::accept;
    std::string conversation_id;
    int replies_left = 0;
    bool operator>(const Action& other) const { return due > other.due; }
  };

  SimAgent(const LoadOptions& options, std::string agent_id, LoadMetrics& metrics,
           std::uint64_t seed);
  void on_event(const rpc::AgentEvent& event);
  void run();
  void perform(const Action& action);
  void schedule(Action action);
  Clock::duration think();
  Clock::duration until_presence_change();
  void end_of_shift();

  const LoadOptions& options_;
  std::string agent_id_;
  LoadMetrics& metrics_;
  std::unique_ptr<rpc::Client> client_;
  std::mt19937_64 rng_;  // run thread only

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::priority_queue<Action, std::vector<Action>, std::greater<>> actions_;
  std::unordered_set<std::string> withdrawn_;
  std::unordered_set<std::string> held_;
  bool finishing_ = false;
  AgentStats stats_;
  std::thread thread_;
};

}  // namespace sb::load
