// The Ticket actor's SLA timer under CAF's deterministic scheduler and a simulated clock: the
// warning fires at 80% of the target, the breach at 100% with an escalation (priority up,
// reassigned to the supervisors), the assignee's desk is told, and a restart in the middle
// changes nothing: the timer is re-armed from state and a deadline that passed meanwhile fires
// at once, each event once.

#include <gtest/gtest.h>

#include <caf/all.hpp>
#include <caf/scheduler/test_coordinator.hpp>

#include "actors/services/service_messages.hpp"
#include "actors/ticket/ticket_actor.hpp"
#include "actors/ticket/ticket_codec.hpp"
#include "actors/ticket/ticket_decider.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/entity/entity_registry.hpp"
#include "runtime/journal/journal_actor.hpp"
#include "runtime/journal/memory_journal.hpp"
#include "runtime/node/wake_scheduler.hpp"
#include "runtime/service/default_policies.hpp"

namespace sb::ticket {
namespace {

using runtime::EntityKey;
using Reply = runtime::CommandReply<Decider>;
using View = runtime::EntityView<Decider>;

const Timestamp T0 = from_unix_ms(1'763'000'000'000);

caf::actor_system_config& testing_config(caf::actor_system_config& config) {
  config.set("scheduler.policy", caf::atom("testing"));
  return config;
}

// Records the notices the sink hub would pass to desks.
caf::behavior notice_recorder(caf::stateful_actor<std::vector<std::string>>* self) {
  return {
      [self](services::notice_atom, const std::string& agent, const std::string& text) {
        self->state.push_back(agent + ": " + text);
      },
      [self](runtime::get_atom) { return self->state; },
  };
}

class TicketSlaActorTest : public ::testing::Test {
 protected:
  explicit TicketSlaActorTest(std::chrono::milliseconds timer_horizon = std::chrono::milliseconds::max())
      : system_(testing_config(config_)),
        sched_(dynamic_cast<caf::scheduler::test_coordinator&>(system_.scheduler())),
        self_(system_),
        journal_(std::make_shared<runtime::MemoryJournal>()),
        now_(std::make_shared<Timestamp>(T0)) {
    auto actors = runtime::spawn_journal_actors(system_, journal_, {}, 1, false);
    writer_ = actors.writer;
    reader_ = actors.reader;
    recorder_ = system_.spawn(notice_recorder);
    auto services = std::make_shared<services::EntityServices>();
    services->sinks = recorder_;
    services->sla_policies = service::default_sla_policies();
    runtime::EntityHostOptions options;
    options.idle_timeout = std::chrono::hours(24 * 365);
    options.timer_horizon = timer_horizon;
    auto now = now_;
    registry_ = runtime::spawn_entity_registry(
        system_, runtime::EntityContext{writer_, reader_, {}, options},
        {{EntityKind::ticket, [services, now](caf::actor_system& sys, const EntityKey& key, runtime::EntityContext ctx) {
            return spawn_ticket(sys, key, std::move(ctx), services, [now] { return *now; });
          }}});
    sched_.run();
  }
  ~TicketSlaActorTest() override {
    self_->send(registry_, runtime::stop_atom::value);
    for (const auto& actor : {writer_, reader_, recorder_}) self_->send_exit(actor, caf::exit_reason::user_shutdown);
    sched_.run();
  }

  Reply command(Command c) {
    auto pending = self_->request(registry_, caf::infinite, runtime::route_atom::value, key_,
                                  runtime::make_command<Decider>(std::move(c)));
    sched_.run();
    Reply out;
    pending.receive([&](Reply& r) { out = std::move(r); }, [](caf::error& e) { ADD_FAILURE() << runtime::describe(e); });
    return out;
  }

  State state() {
    auto pending = self_->request(registry_, caf::infinite, runtime::route_atom::value, key_,
                                  caf::make_message(runtime::get_atom::value));
    sched_.run();
    State out;
    pending.receive([&](View& v) { out = v.state; }, [](caf::error& e) { ADD_FAILURE() << runtime::describe(e); });
    return out;
  }

  std::vector<std::string> notices() {
    auto pending = self_->request(recorder_, caf::infinite, runtime::get_atom::value);
    sched_.run();
    std::vector<std::string> out;
    pending.receive([&](std::vector<std::string>& v) { out = v; }, [](caf::error&) {});
    return out;
  }

  // Moves simulated time: the clock the actor reads and CAF's timers together.
  void advance(Duration d) {
    *now_ += d;
    sched_.advance_time(d);
    sched_.run();
  }

  std::size_t count_in_log(std::size_t index) {
    std::size_t n = 0;
    auto history = journal_->read(key_, 0, 1000);
    if (!history) return 0;
    for (const auto& record : *history) {
      auto event = Codec::decode_event(record.payload);
      if (event && event->index() == index) ++n;
    }
    return n;
  }

  void create_assigned_ticket() {
    auto created = command(CreateTicket{"tk-1", "cu-1", "", Channel::web, Tier::regular, Priority::urgent,
                                        TicketSource::agent, "a-1", "parcel lost", "", {},
                                        service::default_sla_policies(), T0});
    ASSERT_EQ(created.kind, runtime::ReplyKind::accepted);
    ASSERT_EQ(command(AssignTicket{"agent:a-1", "a-1", T0}).kind, runtime::ReplyKind::accepted);
  }

  caf::actor_system_config config_;
  caf::actor_system system_;
  caf::scheduler::test_coordinator& sched_;
  caf::scoped_actor self_;
  std::shared_ptr<runtime::MemoryJournal> journal_;
  std::shared_ptr<Timestamp> now_;
  caf::actor writer_, reader_, recorder_, registry_;
  const EntityKey key_{EntityKind::ticket, "tk-1"};
};

constexpr std::size_t kWarned = 9;     // index of SlaWarned in ticket::Event
constexpr std::size_t kBreached = 10;  // SlaBreached
constexpr std::size_t kEscalated = 11;

TEST_F(TicketSlaActorTest, WarnsThenBreachesAndEscalatesOnTime) {
  static_assert(std::is_same_v<std::variant_alternative_t<kWarned, Event>, SlaWarned>);
  static_assert(std::is_same_v<std::variant_alternative_t<kBreached, Event>, SlaBreached>);
  static_assert(std::is_same_v<std::variant_alternative_t<kEscalated, Event>, Escalated>);
  create_assigned_ticket();
  // regular × urgent: first response within 60 min, warning at 80% = 48 min.
  advance(std::chrono::minutes(47));
  EXPECT_EQ(count_in_log(kWarned), 0u);
  advance(std::chrono::minutes(1));
  EXPECT_EQ(count_in_log(kWarned), 1u);
  EXPECT_EQ(count_in_log(kBreached), 0u);
  advance(std::chrono::minutes(12));
  EXPECT_GE(count_in_log(kBreached), 1u);
  EXPECT_GE(count_in_log(kEscalated), 1u);
  const auto after = state();
  EXPECT_GE(after.escalation_level, 1u);
  EXPECT_EQ(after.assignee, "group:supervisors");
  const auto told = notices();
  ASSERT_FALSE(told.empty());
  EXPECT_NE(told.front().find("SLA warning on tk-1"), std::string::npos);
}

TEST_F(TicketSlaActorTest, ARestartInTheMiddleChangesNothing) {
  create_assigned_ticket();
  advance(std::chrono::minutes(50));  // warned
  ASSERT_EQ(count_in_log(kWarned), 1u);
  // The entity stops (as after a restart); time passes the breach while it is gone.
  self_->send(registry_, runtime::route_atom::value, key_, caf::make_message(runtime::stop_atom::value));
  sched_.run();
  *now_ += std::chrono::minutes(30);
  // The next message recovers it; the missed deadline fires at once, each event once.
  const auto recovered = state();
  advance(Duration(0));  // the re-armed timer is due now
  EXPECT_EQ(count_in_log(kWarned), 1u);
  EXPECT_GE(count_in_log(kBreached), 1u);
  const auto breaches = count_in_log(kBreached);
  advance(std::chrono::minutes(1));
  EXPECT_EQ(count_in_log(kBreached), breaches) << "a breach was recorded twice";
  EXPECT_EQ(recovered.ticket_id, "tk-1");
}

TEST_F(TicketSlaActorTest, TheWakeUpIndexFollowsTheNextDeadlineInTheSameWrite) {
  create_assigned_ticket();
  auto due = [&] {
    auto index = journal_->read_wake_index(std::numeric_limits<std::int64_t>::max(), 10);
    EXPECT_TRUE(index.has_value());
    return index && index->size() == 1 && index->front().key == key_ ? index->front().due_ms : -1;
  };
  EXPECT_EQ(due(), to_unix_ms(T0 + std::chrono::minutes(48)));  // the first-response warning
  advance(std::chrono::minutes(48));
  EXPECT_EQ(due(), to_unix_ms(T0 + std::chrono::minutes(60)));  // now the breach
  ASSERT_EQ(command(RecordAgentReply{"a-1", *now_}).kind, runtime::ReplyKind::accepted);
  ASSERT_EQ(command(ResolveTicket{"a-1", "done", *now_}).kind, runtime::ReplyKind::accepted);
  ASSERT_EQ(command(CloseTicket{"a-1", *now_}).kind, runtime::ReplyKind::accepted);
  auto index = journal_->read_wake_index(std::numeric_limits<std::int64_t>::max(), 10);
  ASSERT_TRUE(index.has_value());
  EXPECT_TRUE(index->empty()) << "a closed ticket has no timer left";
}

// After a node restart nobody touches the ticket: the node's wake scheduler reads the index and
// wakes it, and the deadline that passed while the node was down fires at once.
TEST_F(TicketSlaActorTest, ANodeRestartWakesTicketsNoOneTouches) {
  create_assigned_ticket();
  self_->send(registry_, runtime::route_atom::value, key_, caf::make_message(runtime::stop_atom::value));
  sched_.run();
  *now_ += std::chrono::minutes(90);  // the node was down past the warning and the breach
  sched_.run();
  EXPECT_EQ(count_in_log(kBreached), 0u);

  runtime::WakeSchedulerOptions options;
  options.clock = [now = now_] { return *now; };
  options.detached = false;
  auto scheduler = runtime::spawn_wake_scheduler(system_, journal_, registry_, options);
  sched_.run();
  advance(Duration(0));
  EXPECT_EQ(count_in_log(kWarned), 1u);
  EXPECT_GE(count_in_log(kBreached), 1u);
  EXPECT_GE(state().escalation_level, 1u);
  self_->send(scheduler, runtime::stop_atom::value);
  sched_.run();
}

// A node leaves deadlines further out than its wake-up scan interval to the scan: the ticket
// holds no CAF timer for its 48 min warning or its 60 min breach when it is created; the scan
// (every 10 min) wakes the living ticket near each deadline, and each fires on time, once.
class TicketSlaBeyondHorizonTest : public TicketSlaActorTest {
 protected:
  TicketSlaBeyondHorizonTest() : TicketSlaActorTest(kScanInterval) {}
  static constexpr auto kScanInterval = std::chrono::minutes(10);

  // One minute at a time, so the scan's own timer keeps its 10 min rhythm; then once more
  // without moving time, for the timer a woken ticket arms at its (present) deadline.
  void advance_minutes(int minutes) {
    for (int i = 0; i < minutes; ++i) {
      advance(std::chrono::minutes(1));
      advance(Duration(0));
    }
  }

  // Delayed messages waiting in CAF's clock: timers, not timeouts of requests or receives, and
  // not the entities' idle checks (one per living entity, whatever its deadlines).
  std::size_t delayed_messages() {
    using Clock = caf::detail::simple_actor_clock;
    std::size_t n = 0;
    for (const auto& [due, event] : sched_.clock().schedule()) {
      if (event->subtype != Clock::actor_msg_type) continue;
      const auto& message = static_cast<const Clock::actor_msg&>(*event);
      if (!message.content->content().match_elements<runtime::idle_atom>()) ++n;
    }
    return n;
  }
};

TEST_F(TicketSlaBeyondHorizonTest, FarDeadlinesFireOnTimeThroughTheWakeUpScan) {
  runtime::WakeSchedulerOptions options;
  options.clock = [now = now_] { return *now; };
  options.detached = false;
  options.rescan_interval = kScanInterval;
  auto scheduler = runtime::spawn_wake_scheduler(system_, journal_, registry_, options);
  sched_.run();
  const auto timers_before = delayed_messages();  // the scan's own
  create_assigned_ticket();
  EXPECT_EQ(delayed_messages(), timers_before) << "no SLA timer in memory 48 min ahead";

  advance_minutes(47);
  EXPECT_EQ(count_in_log(kWarned), 0u);
  advance_minutes(1);
  EXPECT_EQ(count_in_log(kWarned), 1u) << "the warning at 48 min";
  advance_minutes(11);
  EXPECT_EQ(count_in_log(kBreached), 0u);
  advance_minutes(1);
  EXPECT_EQ(count_in_log(kBreached), 1u) << "the breach at 60 min";
  EXPECT_EQ(count_in_log(kWarned), 1u);
  self_->send(scheduler, runtime::stop_atom::value);
  sched_.run();
}

}  // namespace
}  // namespace sb::ticket
