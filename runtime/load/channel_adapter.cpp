#include "runtime/load/channel_adapter.hpp"

namespace sb::load {

Expected<std::unique_ptr<ChannelAdapter>, std::string> ChannelAdapter::connect(
    const LoadOptions& options, Channel channel, LoadMetrics& metrics, Workload& workload) {
  auto client = rpc::Client::connect({options.host, options.port});
  if (!client) return unexpected(client.error());
  if (auto session = (*client)->authenticate(options.channel_token); !session) {
    return unexpected("channel token: " + session.error().message);
  }
  std::unique_ptr<ChannelAdapter> adapter(
      new ChannelAdapter(options, channel, metrics, workload, std::move(*client)));
  auto subscribed =
      adapter->client_->subscribe(channel, [&metrics](const service::OutboundMessage& message) {
        metrics.on_outbound(message, Clock::now());
      });
  if (!subscribed) {
    return unexpected("subscribe " + std::string(to_string(channel)) + ": " +
                      subscribed.error().message);
  }
  return adapter;
}

ChannelAdapter::ChannelAdapter(const LoadOptions& options, Channel channel, LoadMetrics& metrics,
                               Workload& workload, std::unique_ptr<rpc::Client> client)
    : options_(options),
      channel_(channel),
      metrics_(metrics),
      workload_(workload),
      client_(std::move(client)) {}

ChannelAdapter::~ChannelAdapter() {
  close();
  join();
  client_->disconnect();
}

void ChannelAdapter::start_senders(int threads) {
  for (int i = 0; i < threads; ++i) {
    threads_.emplace_back([this] {
      for (auto batch = take_batch(); !batch.empty(); batch = take_batch()) send(batch);
    });
  }
}

void ChannelAdapter::enqueue(Scheduled item) {
  {
    std::lock_guard lock(mutex_);
    if (backlog_.size() >= kAdapterBacklogMax) {
      metrics_.counters.generator_dropped.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    backlog_.push_back(std::move(item));
  }
  changed_.notify_one();
}

void ChannelAdapter::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

std::vector<Scheduled> ChannelAdapter::take_batch() {
  const auto batch_size = static_cast<std::size_t>(std::max(1, options_.batch_size));
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return closed_ || !backlog_.empty(); });
  if (backlog_.empty()) return {};
  // Like a real adapter: flush when the batch is full or its oldest message waited long enough.
  if (batch_size > 1) {
    const auto flush_at = backlog_.front().intended + options_.batch_linger;
    changed_.wait_until(lock, flush_at, [&] { return closed_ || backlog_.size() >= batch_size; });
  }
  std::vector<Scheduled> batch;
  while (!backlog_.empty() && batch.size() < batch_size) {
    batch.push_back(std::move(backlog_.front()));
    backlog_.pop_front();
  }
  return batch;
}

void ChannelAdapter::start_closed(int workers, Clock::time_point deadline) {
  for (int i = 0; i < workers; ++i) {
    threads_.emplace_back([this, deadline] {
      const auto batch_size = std::max(1, options_.batch_size);
      while (Clock::now() < deadline) {
        std::vector<Scheduled> batch;
        const auto now = Clock::now();
        for (int k = 0; k < batch_size; ++k) batch.push_back({workload_.next(now, channel_), now});
        send(batch);
      }
    });
  }
}

void ChannelAdapter::send(std::vector<Scheduled>& batch) {
  const auto started = Clock::now();
  for (const auto& item : batch) {
    metrics_.on_schedule_lag(started - item.intended);
    metrics_.expect_bot_reply(item.planned.message.message_id, item.intended,
                              !item.planned.follow_up);
  }
  metrics_.counters.sent.fetch_add(batch.size(), std::memory_order_relaxed);
  metrics_.counters.calls.fetch_add(1, std::memory_order_relaxed);
  if (options_.batch_size <= 1) {
    for (const auto& item : batch) {
      auto outcome = client_->deliver(item.planned.message);
      record(item, outcome, Clock::now());  // the clock read after the answer, not before
    }
    return;
  }
  std::vector<service::InboundMessage> messages;
  messages.reserve(batch.size());
  for (const auto& item : batch) messages.push_back(item.planned.message);
  auto results = client_->deliver_batch(messages);
  const auto now = Clock::now();
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (!results) {
      record(batch[i], unexpected(results.error()), now);
    } else if (i < results->size()) {
      record(batch[i], (*results)[i], now);
    } else {
      record(batch[i],
             unexpected(service::ServiceError{
                 service::ErrorCode::internal, "the batch answered fewer results", {}}),
             now);
    }
  }
}

void ChannelAdapter::record(const Scheduled& item,
                            const rpc::Outcome<service::DeliverResult>& outcome,
                            Clock::time_point now) {
  const auto& id = item.planned.message.message_id;
  if (!outcome) {
    metrics_.on_error(id, outcome.error());
    workload_.failed(item.planned.session);
    return;
  }
  metrics_.on_ack(id, item.intended, *outcome, now);
  workload_.answered(item.planned.session, now, outcome->handed_off);
}

void ChannelAdapter::join() {
  for (auto& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
  threads_.clear();
}

std::size_t ChannelAdapter::backlog() const {
  std::lock_guard lock(mutex_);
  return backlog_.size();
}

}  // namespace sb::load
