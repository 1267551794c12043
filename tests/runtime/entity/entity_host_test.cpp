// The generic entity host under CAF's deterministic scheduler, with the Agent as the entity:
// commands are held while an append is in flight, an entity stops on a journal failure and the
// next message recovers it, retries are answered without writing, passivation and recovery give
// the same state, snapshots are used, and group commit really groups.

#include <gtest/gtest.h>

#include <caf/all.hpp>
#include <caf/scheduler/test_coordinator.hpp>

#include "actors/agent/agent_actor.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/entity/entity_registry.hpp"
#include "runtime/journal/journal_actor.hpp"
#include "runtime/journal/memory_journal.hpp"

namespace sb::runtime {
namespace {

using agent::Decider;
using Reply = CommandReply<Decider>;
using View = EntityView<Decider>;

const Timestamp T0 = from_unix_ms(1'700'000'000'000);

caf::actor_system_config& testing_config(caf::actor_system_config& config) {
  config.set("scheduler.policy", caf::atom("testing"));
  config.set("logger.verbosity", caf::atom("quiet"));
  return config;
}

class EntityHostTest : public ::testing::Test {
 protected:
  EntityHostTest()
      : system_(testing_config(config_)),
        sched_(dynamic_cast<caf::scheduler::test_coordinator&>(system_.scheduler())),
        self_(system_),
        journal_(std::make_shared<MemoryJournal>()) {
    options_.idle_timeout = std::chrono::seconds(60);
    options_.append_timeout = std::chrono::seconds(5);
    options_.snapshot_every_events = 0;
  }

  ~EntityHostTest() override {
    // ~actor_system waits for every actor: stop them all under the test scheduler first.
    if (registry_) self_->send(registry_, stop_atom::value);
    for (const auto& actor : {writer_, reader_, extra_}) {
      if (actor) self_->send_exit(actor, caf::exit_reason::user_shutdown);
    }
    sched_.run();
  }

  void start(caf::actor writer = {}) {
    auto actors = spawn_journal_actors(system_, journal_, {}, 1, /*detached=*/false);
    writer_ = writer ? writer : actors.writer;
    extra_ = writer ? actors.writer : caf::actor{};
    reader_ = actors.reader;
    EntityContext context{writer_, reader_, {}, options_};
    if (probe_journal_) {
      // The readers, counting the recoveries asked of them.
      context.journal = journal_;
      reader_ = system_.spawn([real = actors.reader, asked = recoveries_asked_](
                                  caf::event_based_actor* self) -> caf::behavior {
        return {[=](recover_atom atom, const EntityKey& key) {
          ++*asked;
          return self->delegate(real, atom, key);
        }};
      });
      extra_ = actors.reader;
      context.reader = reader_;
    }
    registry_ = spawn_entity_registry(
        system_, context,
        {{EntityKind::agent,
          [](caf::actor_system& sys, const EntityKey& key, EntityContext context) {
            return agent::spawn_agent(sys, key, std::move(context), nullptr);
          }}});
    sched_.run();
  }

  EntityKey agent_key(std::string id = "a-1") { return {EntityKind::agent, std::move(id)}; }

  // Sends a command through the registry; returns the pending request.
  auto send(const EntityKey& key, agent::Command command, std::string command_id = {}) {
    return self_->request(registry_, caf::infinite, route_atom::value, key,
                          make_command<Decider>(std::move(command), std::move(command_id)));
  }

  template <class Pending>
  std::variant<Reply, caf::error> await_reply(Pending& pending) {
    sched_.run();
    std::variant<Reply, caf::error> out = caf::error{};
    pending.receive([&](Reply& reply) { out = std::move(reply); },
                    [&](caf::error& error) { out = std::move(error); });
    return out;
  }

  Reply command(const EntityKey& key, agent::Command c, std::string command_id = {}) {
    auto pending = send(key, std::move(c), std::move(command_id));
    auto out = await_reply(pending);
    EXPECT_TRUE(std::holds_alternative<Reply>(out))
        << describe(std::get<caf::error>(out));
    return std::holds_alternative<Reply>(out) ? std::get<Reply>(out) : Reply{};
  }

  View view(const EntityKey& key) {
    auto pending = self_->request(registry_, caf::infinite, route_atom::value, key,
                                  caf::make_message(get_atom::value));
    sched_.run();
    View out;
    pending.receive([&](View& v) { out = std::move(v); },
                    [&](caf::error& e) { ADD_FAILURE() << describe(e); });
    return out;
  }

  RegistryStats stats() {
    auto pending = self_->request(registry_, caf::infinite, stats_atom::value);
    sched_.run();
    RegistryStats out;
    pending.receive([&](RegistryStats& s) { out = s; }, [](caf::error&) {});
    return out;
  }

  void register_and_log_in(const EntityKey& key) {
    command(key, agent::RegisterAgent{"Lin", {{"orders", 3}}, {}, {2, 2}, T0});
    command(key, agent::LogIn{T0});
  }

  caf::actor_system_config config_;
  caf::actor_system system_;
  caf::scheduler::test_coordinator& sched_;
  caf::scoped_actor self_;
  std::shared_ptr<MemoryJournal> journal_;
  EntityHostOptions options_;
  caf::actor writer_, reader_, registry_, extra_;
  bool probe_journal_ = false;  // the context carries the journal (a node's production setup)
  std::shared_ptr<int> recoveries_asked_ = std::make_shared<int>(0);
};

TEST_F(EntityHostTest, AnAcceptedCommandIsPersistedThenApplied) {
  start();
  auto reply = command(agent_key(), agent::RegisterAgent{"Lin", {}, {}, {2, 2}, T0});
  EXPECT_EQ(reply.kind, ReplyKind::accepted);
  EXPECT_EQ(reply.version, 1u);
  ASSERT_EQ(reply.events.size(), 1u);
  EXPECT_EQ(journal_->recover(agent_key())->version, 1u);
  EXPECT_TRUE(view(agent_key()).state.registered);
}

TEST_F(EntityHostTest, ARejectionIsAValueAndWritesNothing) {
  start();
  auto reply = command(agent_key(), agent::LogIn{T0});
  EXPECT_EQ(reply.kind, ReplyKind::rejected);
  ASSERT_TRUE(reply.rejection);
  EXPECT_EQ(reply.rejection->code, agent::Rejection::not_registered);
  EXPECT_EQ(journal_->last_seq(), 0u);
}

// A writer that keeps append requests until the test lets them through.
struct GateState {
  std::vector<std::pair<caf::response_promise, AppendRequest>> held;
};
caf::behavior gate_writer(caf::stateful_actor<GateState>* self, std::shared_ptr<Journal> journal) {
  return {
      [self](append_atom, AppendRequest& request) {
        self->state.held.emplace_back(self->make_response_promise(), std::move(request));
      },
      [self, journal](flush_atom) {
        for (auto& [promise, request] : self->state.held) {
          auto result = std::move(journal->append(std::span(&request, 1), true).front());
          promise.deliver(*result);
        }
        self->state.held.clear();
      },
      [](snapshot_atom, const EntityKey&, const SnapshotRecord&) {},
  };
}

TEST_F(EntityHostTest, CommandsWaitWhileAnAppendIsInFlight) {
  auto gate = system_.spawn(gate_writer, std::shared_ptr<Journal>(journal_));
  start(gate);
  auto key = agent_key();
  auto first = send(key, agent::RegisterAgent{"Lin", {}, {}, {2, 2}, T0});
  auto query = self_->request(registry_, caf::infinite, route_atom::value, key,
                              caf::make_message(get_atom::value));
  sched_.run();
  // The append is held: neither the command nor the query behind it may be answered yet.
  bool answered = false;
  self_->receive([&](caf::message&) { answered = true; }, caf::after(std::chrono::seconds(0)) >> [] {});
  EXPECT_FALSE(answered);

  self_->send(gate, flush_atom::value);
  sched_.run();
  first.receive([](Reply& r) { EXPECT_EQ(r.version, 1u); },
                [](caf::error& e) { ADD_FAILURE() << describe(e); });
  // The query ran after the command: it sees the registered agent.
  query.receive([](View& v) { EXPECT_TRUE(v.state.registered); },
                [](caf::error& e) { ADD_FAILURE() << describe(e); });
}

TEST_F(EntityHostTest, AFailedAppendStopsTheEntityAndTheNextMessageRecovers) {
  start();
  auto key = agent_key();
  register_and_log_in(key);
  journal_->test_fail_appends(JournalError{JournalErrc::io_error, "disk on fire"});
  auto pending = send(key, agent::AcceptConversation{"c-1", Channel::web, T0});
  auto out = await_reply(pending);
  ASSERT_TRUE(std::holds_alternative<caf::error>(out));
  EXPECT_EQ(runtime_errc_of(std::get<caf::error>(out)), RuntimeErrc::journal_io_error);
  EXPECT_EQ(stats().active, 0u);
  EXPECT_EQ(stats().stopped_on_error, 1u);

  journal_->test_fail_appends(std::nullopt);
  auto after = view(key);  // re-spawned and recovered from the log
  EXPECT_EQ(after.version, 2u);
  EXPECT_TRUE(after.state.active.empty());
  EXPECT_EQ(command(key, agent::AcceptConversation{"c-1", Channel::web, T0}).version, 3u);
}

TEST_F(EntityHostTest, ARetriedCommandIdGetsTheFirstOutcomeAndWritesNothing) {
  start();
  auto key = agent_key();
  register_and_log_in(key);
  auto first = command(key, agent::AcceptConversation{"c-1", Channel::web, T0}, "msg-42");
  auto retry = command(key, agent::AcceptConversation{"c-1", Channel::web, T0}, "msg-42");
  EXPECT_EQ(first.kind, ReplyKind::accepted);
  EXPECT_EQ(retry.kind, ReplyKind::duplicate);
  EXPECT_EQ(retry.version, first.version);
  EXPECT_EQ(retry.events, first.events);
  EXPECT_EQ(journal_->last_seq(), 3u);
}

TEST_F(EntityHostTest, TheIdempotencyWindowSurvivesPassivation) {
  start();
  auto key = agent_key();
  register_and_log_in(key);
  command(key, agent::AcceptConversation{"c-1", Channel::web, T0}, "msg-42");
  sched_.advance_time(options_.idle_timeout + std::chrono::seconds(1));
  sched_.run();
  EXPECT_EQ(stats().passivated, 1u);
  auto retry = command(key, agent::AcceptConversation{"c-1", Channel::web, T0}, "msg-42");
  EXPECT_EQ(retry.kind, ReplyKind::duplicate);
  EXPECT_EQ(journal_->last_seq(), 3u);
}

TEST_F(EntityHostTest, PassivationAndRecoveryGiveTheSameState) {
  options_.snapshot_every_events = 2;  // recovery uses a snapshot plus a tail
  start();
  auto key = agent_key();
  register_and_log_in(key);
  command(key, agent::AcceptConversation{"c-1", Channel::web, T0});
  command(key, agent::AcceptConversation{"e-1", Channel::email, T0});
  command(key, agent::ReleaseConversation{"c-1", agent::ReleaseReason::resolved, T0});
  const auto before = view(key);
  EXPECT_EQ(stats().active, 1u);

  sched_.advance_time(options_.idle_timeout + std::chrono::seconds(1));
  sched_.run();
  EXPECT_EQ(stats().active, 0u);
  EXPECT_EQ(stats().passivated, 1u);

  auto recovery = journal_->recover(key);
  ASSERT_TRUE(recovery->snapshot);
  EXPECT_EQ(recovery->snapshot->version, 4u);
  const auto after = view(key);
  EXPECT_EQ(after.version, before.version);
  EXPECT_EQ(after.state, before.state);
  EXPECT_EQ(stats().spawned, 2u);
}

TEST_F(EntityHostTest, MessagesDuringPassivationGoToTheNextInstance) {
  start();
  auto key = agent_key();
  register_and_log_in(key);
  // The idle timer fires and the entity asks to passivate; a command arrives before it is gone.
  sched_.advance_time(options_.idle_timeout + std::chrono::seconds(1));
  sched_.run_once();  // the entity sends its passivation request
  auto pending = send(key, agent::AcceptConversation{"c-1", Channel::web, T0});
  auto out = await_reply(pending);
  ASSERT_TRUE(std::holds_alternative<Reply>(out)) << describe(std::get<caf::error>(out));
  EXPECT_EQ(std::get<Reply>(out).version, 3u);
  EXPECT_EQ(stats().passivated, 1u);
  EXPECT_EQ(stats().spawned, 2u);  // the command went to a fresh, recovered instance
}

TEST_F(EntityHostTest, GroupCommitWritesConcurrentAppendsTogether) {
  start();
  constexpr int kAgents = 50;
  std::vector<decltype(send(agent_key(), agent::LogIn{T0}))> pending;
  for (int i = 0; i < kAgents; ++i) {
    pending.push_back(send(agent_key("a-" + std::to_string(i)),
                           agent::RegisterAgent{"A", {}, {}, {1, 1}, T0}));
  }
  const auto calls_before = journal_->test_append_calls();
  sched_.run();
  for (auto& p : pending) {
    p.receive([](Reply& r) { EXPECT_EQ(r.version, 1u); },
              [](caf::error& e) { ADD_FAILURE() << describe(e); });
  }
  EXPECT_EQ(journal_->last_seq(), static_cast<std::uint64_t>(kAgents));
  EXPECT_LE(journal_->test_append_calls() - calls_before, 2u) << "appends were not grouped";
}

TEST_F(EntityHostTest, ANewEntityStartsWithoutAskingTheReadersAnExistingOneRecovers) {
  probe_journal_ = true;
  start();
  auto key = agent_key();
  register_and_log_in(key);  // the journal knows it has no history: no round trip
  EXPECT_EQ(*recoveries_asked_, 0);
  const auto before = view(key);

  sched_.advance_time(options_.idle_timeout + std::chrono::seconds(1));
  sched_.run();
  ASSERT_EQ(stats().passivated, 1u);
  const auto after = view(key);  // it has a history now: recovered through the readers
  EXPECT_EQ(*recoveries_asked_, 1);
  EXPECT_EQ(after.version, before.version);
  EXPECT_EQ(after.state, before.state);
}

TEST_F(EntityHostTest, AnUnknownEntityKindIsAClearError) {
  start();
  auto pending = self_->request(registry_, caf::infinite, route_atom::value,
                                EntityKey{EntityKind::ticket, "t-1"}, caf::make_message(get_atom::value));
  sched_.run();
  pending.receive([](View&) { ADD_FAILURE() << "answered"; },
                  [](caf::error& e) { EXPECT_EQ(runtime_errc_of(e), RuntimeErrc::unknown_entity_kind); });
}

}  // namespace
}  // namespace sb::runtime
