#pragma once
// One simulated channel adapter (the web gateway, the WeChat bridge ...): its own RPC connection
// with the channel token, a sink subscribed to its channel, and sender threads. Open loop: the
// scheduler enqueues each message at its intended time and the senders deliver it (alone, or in a
// deliverBatch of up to batch_size messages that are already due, waiting at most batch_linger
// to fill it). Closed loop: each worker sends its next message as soon as the last is answered.

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "runtime/load/load_metrics.hpp"
#include "runtime/load/load_options.hpp"
#include "runtime/load/workload.hpp"
#include "runtime/rpc/client.hpp"

namespace sb::load {

struct Scheduled {
  PlannedMessage planned;
  Clock::time_point intended;
};

// Messages an adapter may have waiting for a sender; beyond it the generator itself is the
// bottleneck and drops (counted), rather than growing without bound.
inline constexpr std::size_t kAdapterBacklogMax = 200'000;

class ChannelAdapter {
 public:
  static Expected<std::unique_ptr<ChannelAdapter>, std::string> connect(const LoadOptions& options,
                                                                        Channel channel,
                                                                        LoadMetrics& metrics,
                                                                        Workload& workload);
  ~ChannelAdapter();

  Channel channel() const { return channel_; }

  // Open loop.
  void start_senders(int threads);
  void enqueue(Scheduled item);
  // No more messages: senders finish the backlog and exit.
  void close();

  // Closed loop: `workers` threads send until `deadline`.
  void start_closed(int workers, Clock::time_point deadline);

  void join();
  std::size_t backlog() const;

 private:
  ChannelAdapter(const LoadOptions& options, Channel channel, LoadMetrics& metrics,
                 Workload& workload, std::unique_ptr<rpc::Client> client);
  std::vector<Scheduled> take_batch();
  void send(std::vector<Scheduled>& batch);
  void record(const Scheduled& item, const rpc::Outcome<service::DeliverResult>& outcome,
              Clock::time_point now);

  const LoadOptions& options_;
  Channel channel_;
  LoadMetrics& metrics_;
  Workload& workload_;
  std::unique_ptr<rpc::Client> client_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Scheduled> backlog_;
  bool closed_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace sb::load
