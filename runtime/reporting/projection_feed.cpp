#include "runtime/reporting/projection_feed.hpp"

#include <map>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "runtime/messages.hpp"
#include "runtime/reporting/reporting_core.hpp"

namespace sb::reporting {
namespace {

using tick_atom = caf::atom_constant<caf::atom("rpt_tick")>;
using ask_atom = caf::atom_constant<caf::atom("rpt_ask")>;
using watch_atom = caf::atom_constant<caf::atom("rpt_watch")>;
using unwatch_atom = caf::atom_constant<caf::atom("rpt_unwatc")>;

service::ServiceError unavailable(std::string message) {
  return {service::ErrorCode::unavailable, std::move(message), {}};
}

}  // namespace

// Answers a report exactly once: if the message is dropped (the feed stopped first), the
// destructor answers unavailable, so an RPC call never waits forever.
class ReportReply {
 public:
  explicit ReportReply(service::Callback<RenderedReport> done) : done_(std::move(done)) {}
  ~ReportReply() {
    if (done_) done_(unexpected(unavailable("the reporting feed has stopped")));
  }
  ReportReply(const ReportReply&) = delete;
  ReportReply& operator=(const ReportReply&) = delete;
  void operator()(Expected<RenderedReport, service::ServiceError> outcome) {
    auto done = std::move(done_);
    done_ = nullptr;
    if (done) done(std::move(outcome));
  }

 private:
  service::Callback<RenderedReport> done_;
};

struct ReportAsk {
  ReportRequest request;
  std::shared_ptr<ReportReply> reply;
};

}  // namespace sb::reporting

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::reporting::ReportAsk)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::shared_ptr<sb::reporting::ViolationSink>)

namespace sb::reporting {
namespace {

struct FeedState {
  std::shared_ptr<runtime::Journal> journal;
  std::unique_ptr<ReportingCore> core;
  ProjectionFeedOptions options;
  std::map<service::SubscriptionId, std::shared_ptr<ViolationSink>> sinks;
  bool read_failed = false;  // logged once per failure streak
  static inline const char* name = "projection-feed";
};
using Feed = caf::stateful_actor<FeedState>;

// Applies up to pages_per_turn pages; true when the feed may have more.
bool catch_up(Feed* self) {
  auto& s = self->state;
  for (std::size_t page = 0; page < s.options.pages_per_turn; ++page) {
    auto entries = s.journal->read_feed(s.core->last_seq(), s.options.page_entries);
    if (!entries) {
      if (!s.read_failed)
        spdlog::warn("reporting: reading the feed failed: {}", entries.error().message);
      s.read_failed = true;
      return false;
    }
    s.read_failed = false;
    for (const auto& entry : *entries) {
      for (const auto& violation : s.core->apply(entry)) {
        for (auto& [id, sink] : s.sinks) sink->push(violation);
      }
    }
    if (entries->size() < s.options.page_entries) return false;
  }
  return true;
}

caf::behavior projection_feed(Feed* self, std::shared_ptr<runtime::Journal> journal,
                              std::shared_ptr<QualityInputs> inputs,
                              ProjectionFeedOptions options) {
  self->state.journal = std::move(journal);
  self->state.core = std::make_unique<ReportingCore>(std::move(*inputs));
  self->state.options = options;
  self->send(self, tick_atom::value);
  return {
      [self](tick_atom) {
        if (catch_up(self)) {
          self->send(self, tick_atom::value);  // more to read: continue after queued queries
        } else {
          self->delayed_send(self, self->state.options.poll_interval, tick_atom::value);
        }
      },
      [self](ask_atom, ReportAsk& ask) {
        // Bounded: a report during a long rebuild shows what was applied so far.
        catch_up(self);
        (*ask.reply)(self->state.core->render(ask.request));
      },
      [self](watch_atom, service::SubscriptionId id, std::shared_ptr<ViolationSink>& sink) {
        self->state.sinks[id] = std::move(sink);
      },
      [self](unwatch_atom, service::SubscriptionId id) { self->state.sinks.erase(id); },
      [self](runtime::stop_atom) { self->quit(); },
  };
}

}  // namespace

std::unique_ptr<LiveReporting> LiveReporting::start(caf::actor_system& system,
                                                    std::shared_ptr<runtime::Journal> journal,
                                                    QualityInputs inputs,
                                                    ProjectionFeedOptions options) {
  // Detached: a rebuild of a long log reads and folds for a while; it must not hold a worker.
  auto feed =
      system.spawn<caf::detached>(projection_feed, std::move(journal),
                                  std::make_shared<QualityInputs>(std::move(inputs)), options);
  return std::unique_ptr<LiveReporting>(new LiveReporting(std::move(feed)));
}

LiveReporting::~LiveReporting() { stop(); }

void LiveReporting::stop() {
  if (stopped_.exchange(true)) return;
  caf::anon_send(feed_, runtime::stop_atom::value);
}

void LiveReporting::report(ReportRequest request, service::Callback<RenderedReport> done) {
  auto reply = std::make_shared<ReportReply>(std::move(done));
  if (stopped_.load()) return;  // the reply's destructor answers unavailable
  caf::anon_send(feed_, ask_atom::value, ReportAsk{std::move(request), std::move(reply)});
}

service::SubscriptionId LiveReporting::subscribe_violations(std::shared_ptr<ViolationSink> sink) {
  const auto id = next_subscription_.fetch_add(1);
  if (!stopped_.load()) caf::anon_send(feed_, watch_atom::value, id, std::move(sink));
  return id;
}

void LiveReporting::unsubscribe_violations(service::SubscriptionId id) {
  if (!stopped_.load()) caf::anon_send(feed_, unwatch_atom::value, id);
}

}  // namespace sb::reporting
