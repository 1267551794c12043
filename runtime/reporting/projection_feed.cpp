#include "runtime/reporting/projection_feed.hpp"

#include <map>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/quality/quality_monitor_actor.hpp"
#include "runtime/reporting/quality_supervisor.hpp"
#include "runtime/messages.hpp"
#include "runtime/reporting/reporting_core.hpp"

namespace sb::reporting {
namespace {

using tick_atom = caf::atom_constant<caf::atom("rpt_tick")>;
using ask_atom = caf::atom_constant<caf::atom("rpt_ask")>;
using watch_atom = caf::atom_constant<caf::atom("rpt_watch")>;
using unwatch_atom = caf::atom_constant<caf::atom("rpt_unwatc")>;
// New events are in the log (the quality monitor recorded some): catch up now, not at the poll.
using nudge_atom = caf::atom_constant<caf::atom("rpt_nudge")>;

// How long a shutdown waits for the quality monitor to check and record the rest of the feed.
constexpr auto kMonitorDrainTimeout = std::chrono::seconds(10);

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
  // Violations recorded after this seq are pushed to supervisors; older ones only count in
  // reports (a restarted node rebuilds its figures without replaying the past to anyone).
  std::uint64_t live_after_seq = 0;
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
      // Read from the log, so a supervisor only ever sees a violation that is durable.
      auto violation = s.core->apply(entry);
      if (!violation || entry.seq <= s.live_after_seq) continue;
      for (auto& [id, sink] : s.sinks) sink->push(*violation);
    }
    if (entries->size() < s.options.page_entries) return false;
  }
  return true;
}

caf::behavior projection_feed(Feed* self, std::shared_ptr<runtime::Journal> journal,
                              ProjectionFeedOptions options) {
  self->state.live_after_seq = journal->last_seq();
  self->state.journal = std::move(journal);
  self->state.core = std::make_unique<ReportingCore>();
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
      [self](nudge_atom) { catch_up(self); },  // the tick chain continues any rest
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
                                                    runtime::EntityContext monitor_context,
                                                    QualityInputs inputs,
                                                    ProjectionFeedOptions options) {
  // Detached: a rebuild of a long log reads and folds for a while; it must not hold a worker.
  auto feed = system.spawn<caf::detached>(projection_feed, journal, options);
  quality::QualityMonitorOptions monitor_options;
  monitor_options.after_record = [feed] { caf::anon_send(feed, nudge_atom::value); };
  auto recorded_through = std::make_shared<std::atomic<std::uint64_t>>(0);
  monitor_options.recorded_through = recorded_through;
  // Supervised: a monitor stopped by a failed append is started again (it resumes from the log).
  quality::QualityRules rules{std::move(inputs.config), std::move(inputs.kb_answers)};
  auto monitor = spawn_quality_supervisor(
      system, [&system, journal, monitor_context, rules, monitor_options] {
        return quality::spawn_quality_monitor(system, journal, monitor_context, rules,
                                              monitor_options);
      });
  return std::unique_ptr<LiveReporting>(
      new LiveReporting(system, std::move(feed), std::move(monitor), std::move(recorded_through)));
}

LiveReporting::~LiveReporting() { stop(); }

void LiveReporting::stop() {
  if (stopped_.exchange(true)) return;
  // The monitor first, while the journal writer still runs: what it finds becomes durable now
  // rather than at the next start.
  caf::scoped_actor self{*system_};
  self->request(monitor_, kMonitorDrainTimeout, quality::quality_drain_atom::value)
      .receive([](std::uint64_t) {},
               [](caf::error& error) {
                 spdlog::warn(
                     "quality monitor: did not finish checking the feed ({}); the rest "
                     "is checked at the next start",
                     caf::to_string(error));
               });
  caf::anon_send_exit(monitor_, caf::exit_reason::user_shutdown);
  caf::anon_send(feed_, runtime::stop_atom::value);
}

std::uint64_t LiveReporting::quality_recorded_through() const { return recorded_through_->load(); }

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
