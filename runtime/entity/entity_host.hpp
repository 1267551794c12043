#pragma once
// The generic event-sourced entity host, written once for every entity (after Akka Persistence):
//   recover (snapshot + tail) before the first command;
//   decide -> append -> await durability -> evolve -> reply -> effects;
//   commands that arrive meanwhile wait in the mailbox, in order (CAF's await);
//   a failed append means the outcome is unknown: reply with the error and stop — the next
//   message re-spawns the entity and recovery tells what really happened;
//   a retried client command id gets the first outcome again and writes nothing;
//   idle entities passivate (the registry is asked first, so no message is lost).
//
// D is the entity's Decider (actors/common/decider.hpp), C its Codec (encode/decode of events
// and state). An entity actor is `entity_behavior<D, C>(self, key, context, extra handlers...)`.

#include <functional>
#include <optional>
#include <utility>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include "actors/common/decider.hpp"
#include "actors/common/expected.hpp"
#include "actors/common/time.hpp"
#include "runtime/entity/command_envelope.hpp"
#include "runtime/entity/entity_context.hpp"
#include "runtime/entity/handler_prelude.hpp"
#include "runtime/entity/recent_commands.hpp"
#include "runtime/errors.hpp"
#include "runtime/messages.hpp"

namespace sb::runtime {

template <class D, class C>
struct EntityState {
  EntityKey key;
  EntityContext context;
  typename D::State model = D::initial_state();
  std::uint64_t version = 0;
  std::uint64_t snapshot_version = 0;
  RecentCommands recent;
  // Effects of durable events (tell the router, push to a channel ...), given the state before
  // them. Never runs in replay.
  std::function<void(const typename D::State& before, const std::vector<typename D::Event>&)>
      after_persist;
  // Runs once after recovery (re-arm timers from state).
  std::function<void()> after_recover;
  // Runs when a due wake-up index entry reaches this instance (recovered): arm a timer that was
  // beyond the context's timer horizon when it was computed.
  std::function<void()> on_wake;
  // Entities with timers say when they next need to run; the host keeps the journal's wake-up
  // index in step (in the same write as the events), so a restarted node wakes them.
  std::function<std::optional<Timestamp>(const typename D::State&)> wake_at;
  // What the index holds for this entity, as far as this instance knows (unknown after recovery).
  std::optional<std::optional<std::int64_t>> indexed_wake;
  // When this instance last handled a message, and whether its idle check is on the clock.
  caf::actor_clock::time_point last_active{};
  bool idle_check_armed = false;
};

template <class D, class C>
using EntityActor = caf::stateful_actor<EntityState<D, C>>;

namespace detail {

template <class D, class C>
Expected<std::vector<typename D::Event>, std::string> decode_events(
    const std::vector<EventRecord>& records) {
  std::vector<typename D::Event> events;
  events.reserve(records.size());
  for (const auto& record : records) {
    auto event = C::decode_event(record.payload);
    if (!event) return unexpected("version " + std::to_string(record.version) + ": " + event.error());
    events.push_back(std::move(*event));
  }
  return events;
}

// Rebuilds the state from a snapshot and the events after it.
template <class D, class C>
Expected<void, std::string> apply_recovery(EntityState<D, C>& st, const Recovery& recovery) {
  st.recent = RecentCommands(st.context.options.recent_commands_max);
  if (recovery.snapshot) {
    auto model = C::decode_state(recovery.snapshot->state);
    if (!model) return unexpected("snapshot: " + model.error());
    st.model = std::move(*model);
    st.version = recovery.snapshot->version;
    st.snapshot_version = st.version;
    st.recent.assign(recovery.snapshot->recent_commands);
  }
  for (const auto& record : recovery.events) {
    SB_ASSERT(record.version == st.version + 1);  // the journal checked; a gap here is a bug
    auto event = C::decode_event(record.payload);
    if (!event) return unexpected("version " + std::to_string(record.version) + ": " + event.error());
    st.model = D::evolve(std::move(st.model), *event);
    st.version = record.version;
    st.recent.record(record.command_id, record.version, record.version);
  }
  if (st.version != recovery.version) return unexpected(std::string("recovery ended at the wrong version"));
  return {};
}

template <class D, class C>
void start_recovery(EntityActor<D, C>* self) {
  auto& st = self->state;
  if (st.context.journal && st.context.journal->surely_new(st.key)) {
    // Nothing to replay (and no other instance can be writing it: the registry runs one).
    if (st.after_recover) st.after_recover();
    return;
  }
  self->request(st.context.reader, st.context.options.recover_timeout, recover_atom::value, st.key)
      .await(
          [self](Recovery& recovery) {
            auto& st = self->state;
            if (auto applied = apply_recovery<D, C>(st, recovery); !applied) {
              spdlog::error("{} cannot recover: {}", to_string(st.key), applied.error());
              self->quit(make_runtime_error(RuntimeErrc::entity_unavailable,
                                            to_string(st.key) + ": " + applied.error()));
              return;
            }
            if (st.after_recover) st.after_recover();
          },
          [self](caf::error& error) {
            spdlog::error("{} cannot recover: {}", to_string(self->state.key), describe(error));
            self->quit(make_runtime_error(RuntimeErrc::entity_unavailable,
                                          to_string(self->state.key) + ": " + describe(error)));
          });
}

template <class D, class C>
void maybe_snapshot(EntityActor<D, C>* self) {
  auto& st = self->state;
  const auto every = st.context.options.snapshot_every_events;
  if (every == 0 || st.version - st.snapshot_version < every) return;
  SnapshotRecord snapshot{st.version, 0, C::encode_state(st.model), st.recent.to_list()};
  self->send(st.context.writer, snapshot_atom::value, st.key, std::move(snapshot));
  st.snapshot_version = st.version;
}

// A retried command id: answer with the events the first attempt wrote.
template <class D, class C, class Done>
void reply_duplicate(EntityActor<D, C>* self, const RecentCommand& prior, Done done) {
  auto& st = self->state;
  self->request(st.context.reader, st.context.options.recover_timeout, read_atom::value, st.key,
                prior.first_version - 1, prior.last_version)
      .await(
          [done, prior](std::vector<EventRecord>& records) mutable {
            auto events = decode_events<D, C>(records);
            if (!events) {
              done(caf::expected<CommandReply<D>>(
                  make_runtime_error(RuntimeErrc::journal_corruption, events.error())));
              return;
            }
            done(caf::expected<CommandReply<D>>(CommandReply<D>{
                ReplyKind::duplicate, prior.last_version, std::move(*events), std::nullopt}));
          },
          [done](caf::error& error) mutable { done(caf::expected<CommandReply<D>>(std::move(error))); });
}

template <class D, class C>
std::vector<EventRecord> to_records(const EntityState<D, C>& st,
                                    const std::vector<typename D::Event>& events,
                                    const CommandEnvelope<typename D::Command>& envelope) {
  std::vector<EventRecord> records;
  records.reserve(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) {
    records.push_back(EventRecord{st.version + i + 1, envelope.timestamp_ms, envelope.command_id,
                                  envelope.causation_id, envelope.correlation_id,
                                  C::encode_event(events[i])});
  }
  return records;
}

}  // namespace detail

// Runs one command through the host: idempotency check, decide, append (awaited: nothing else
// runs meanwhile), evolve, then `done(reply or error)`, then the effects. Entity handlers that
// orchestrate (e.g. consult the bot first) call this; the generic command handler does too.
// On a failed append the entity stops after `done` (the outcome is unknown).
template <class D, class C, class Done>
void execute(EntityActor<D, C>* self, const CommandEnvelope<typename D::Command>& envelope,
             Done done) {
  auto& st = self->state;
  if (!envelope.command_id.empty()) {
    if (auto prior = st.recent.find(envelope.command_id)) {
      detail::reply_duplicate<D, C>(self, *prior, std::move(done));
      return;
    }
  }
  auto decision = D::decide(st.model, envelope.command);
  if (!decision.accepted()) {
    done(caf::expected<CommandReply<D>>(
        CommandReply<D>{ReplyKind::rejected, st.version, {}, decision.rejection()}));
    return;
  }
  auto events = std::move(decision.events());
  if (events.empty()) {
    done(caf::expected<CommandReply<D>>(
        CommandReply<D>{ReplyKind::accepted, st.version, {}, std::nullopt}));
    return;
  }
  AppendRequest request{st.key, st.version, detail::to_records(st, events, envelope), {}};
  // Evolving before the write is durable is safe: nothing else runs until it is (await), and a
  // failed write stops this instance, so the state is never seen unless the events landed.
  auto before = st.model;
  for (const auto& event : events) st.model = D::evolve(std::move(st.model), event);
  std::optional<std::int64_t> wake;
  if (st.wake_at) {
    if (auto due = st.wake_at(st.model)) wake = to_unix_ms(*due);
    if (!st.indexed_wake || *st.indexed_wake != wake) request.wake = WakeUpdate{wake};
  }
  watched_request(self, st.context.deadlines.get(), st.context.writer,
                  st.context.options.append_timeout, append_atom::value, std::move(request))
      .await(
          [self, done, events, before = std::move(before), wake,
           command_id = envelope.command_id](std::uint64_t version) mutable {
            auto& st = self->state;
            SB_ASSERT(version == st.version + events.size());
            if (st.wake_at) st.indexed_wake = wake;
            st.recent.record(command_id, st.version + 1, version);
            st.version = version;
            done(caf::expected<CommandReply<D>>(
                CommandReply<D>{ReplyKind::accepted, version, events, std::nullopt}));
            if (st.after_persist) st.after_persist(before, events);
            detail::maybe_snapshot<D, C>(self);
          },
          [self, done](caf::error& error) mutable {
            // Nobody knows whether the write landed: stop, and let recovery find out.
            spdlog::warn("{} stops after a failed append: {}", to_string(self->state.key),
                         describe(error));
            done(caf::expected<CommandReply<D>>(error));
            self->quit(std::move(error));
          });
}

namespace detail {

template <class D, class C>
caf::result<CommandReply<D>> handle_command(EntityActor<D, C>* self,
                                            CommandEnvelope<typename D::Command>& envelope) {
  auto promise = self->template make_response_promise<CommandReply<D>>();
  execute<D, C>(self, envelope, [promise](caf::expected<CommandReply<D>> reply) mutable {
    if (reply) {
      promise.deliver(std::move(*reply));
    } else {
      promise.deliver(std::move(reply.error()));
    }
  });
  return promise;
}

template <class D, class C>
void request_passivation(EntityActor<D, C>* self) {
  auto& st = self->state;
  if (st.context.registry) {
    self->send(st.context.registry, passivate_atom::value, st.key);
  } else {
    self->quit();
  }
}

// Idle passivation without an event for CAF's clock per message. CAF's `after(idle)` re-arms the
// receive timeout after every message, and in CAF 0.17 each arming is a wake-up of the clock's
// thread (about half of that thread's work under load). Here a message only notes the time; one
// check per idle period either passivates or re-arms for the rest of the period.
template <class D, class C>
void arm_idle_check(EntityActor<D, C>* self, caf::timespan delay) {
  self->state.idle_check_armed = true;
  self->delayed_send(self, delay, idle_atom::value);
}

template <class D, class C>
void note_activity(EntityActor<D, C>* self) {
  auto& st = self->state;
  st.last_active = self->clock().now();
  if (!st.idle_check_armed) arm_idle_check(self, st.context.options.idle_timeout);
}

template <class D, class C>
void check_idle(EntityActor<D, C>* self) {
  auto& st = self->state;
  st.idle_check_armed = false;
  const auto idle_for = self->clock().now() - st.last_active;
  const caf::timespan timeout = st.context.options.idle_timeout;
  if (idle_for >= timeout) {
    request_passivation(self);
  } else {
    arm_idle_check(self, timeout - idle_for);
  }
}

}  // namespace detail

// The behavior of an entity actor: the generic command/query protocol plus `extra` handlers
// (timers, entity-specific queries). Call from the entity's spawn function.
template <class D, class C, class... Extra>
caf::behavior entity_behavior(EntityActor<D, C>* self, EntityKey key, EntityContext context,
                              Extra&&... extra) {
  static_assert(DeciderFor<D>);
  auto& st = self->state;
  st.key = std::move(key);
  st.context = std::move(context);
  st.recent = RecentCommands(st.context.options.recent_commands_max);
  detail::start_recovery<D, C>(self);
  detail::note_activity(self);
  auto active = [self] { detail::note_activity(self); };
  return {
      with_prelude(
          [self](command_atom, CommandEnvelope<typename D::Command>& envelope) {
            return detail::handle_command<D, C>(self, envelope);
          },
          active),
      with_prelude(
          [self](get_atom) {
            return EntityView<D>{self->state.version, self->state.model};
          },
          active),
      [self](stop_atom) { self->quit(); },
      // Sent by the node for a due wake-up index entry. A new instance is recovered first
      // (after_recover re-arms its timers; one already due fires at once); a living one arms the
      // timer it left to the index.
      with_prelude(
          [self](wake_atom) {
            if (self->state.on_wake) self->state.on_wake();
          },
          active),
      with_prelude(std::forward<Extra>(extra), active)...,
      [self](idle_atom) { detail::check_idle(self); },
  };
}

// Wraps a command of entity D for sending: (command_atom, envelope).
template <class D>
caf::message make_command(typename D::Command command, std::string command_id = {},
                          std::int64_t timestamp_ms = 0, std::string correlation_id = {}) {
  return caf::make_message(
      command_atom::value,
      CommandEnvelope<typename D::Command>{std::move(command), std::move(command_id), {},
                                           std::move(correlation_id), timestamp_ms});
}

}  // namespace sb::runtime
