#pragma once
// What travels to an entity and back: a command with its client command id and trace ids, and
// the reply — accepted (with the events), rejected (a domain rejection, as data) or duplicate
// (a retried command id: the first outcome again, nothing new written).

#include <caf/allowed_unsafe_message_type.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/common/decision.hpp"

namespace sb::runtime {

template <class Command>
struct CommandEnvelope {
  Command command;
  std::string command_id;      // the client's idempotency key; empty: not deduplicated
  std::string causation_id;    // what caused it (a message id, an event)
  std::string correlation_id;  // the flow it belongs to (usually the conversation id)
  std::int64_t timestamp_ms = 0;  // when the node received it (stamped on the events)
};

enum class ReplyKind : std::uint8_t { accepted = 1, rejected = 2, duplicate = 3 };

template <class D>
struct CommandReply {
  ReplyKind kind = ReplyKind::accepted;
  std::uint64_t version = 0;                // the entity's version after the command
  std::vector<typename D::Event> events;    // what the command caused (also for duplicate)
  std::optional<Rejected<typename D::Rejection>> rejection;

  bool ok() const { return kind != ReplyKind::rejected; }
};

// A consistent read of an entity: its state at a version.
template <class D>
struct EntityView {
  std::uint64_t version = 0;
  typename D::State state;
};

}  // namespace sb::runtime

namespace caf {
// In-process only: these never cross a process boundary (the cluster and RPC speak Cap'n Proto).
template <class C>
struct allowed_unsafe_message_type<sb::runtime::CommandEnvelope<C>> : std::true_type {};
template <class D>
struct allowed_unsafe_message_type<sb::runtime::CommandReply<D>> : std::true_type {};
template <class D>
struct allowed_unsafe_message_type<sb::runtime::EntityView<D>> : std::true_type {};
}  // namespace caf
