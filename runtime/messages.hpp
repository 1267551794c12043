#pragma once
// The CAF atoms of the runtime's message protocols (CAF 0.17: at most 10 characters each).
// Messages carrying runtime and domain structs stay inside one process; the cluster link and
// the RPC edge speak Cap'n Proto, so these types are marked local-only (allowed unsafe).

#include <caf/atom.hpp>
#include <caf/allowed_unsafe_message_type.hpp>

#include "runtime/journal/journal_types.hpp"

namespace sb::runtime {

using append_atom = caf::atom_constant<caf::atom("append")>;
using flush_atom = caf::atom_constant<caf::atom("flush")>;
using recover_atom = caf::atom_constant<caf::atom("recover")>;
using read_atom = caf::atom_constant<caf::atom("read")>;
using feed_atom = caf::atom_constant<caf::atom("feed")>;
using snapshot_atom = caf::atom_constant<caf::atom("snapshot")>;
using sync_atom = caf::atom_constant<caf::atom("sync")>;
using stats_atom = caf::atom_constant<caf::atom("stats")>;
using command_atom = caf::atom_constant<caf::atom("command")>;
using get_atom = caf::atom_constant<caf::atom("get")>;
using route_atom = caf::atom_constant<caf::atom("route")>;
using passivate_atom = caf::atom_constant<caf::atom("passivate")>;
using stop_atom = caf::atom_constant<caf::atom("stop")>;
using wake_atom = caf::atom_constant<caf::atom("wake")>;
using sweep_atom = caf::atom_constant<caf::atom("sweep")>;
using idle_atom = caf::atom_constant<caf::atom("idle")>;

}  // namespace sb::runtime

CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::runtime::EntityKey)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::runtime::AppendRequest)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::runtime::SnapshotRecord)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(sb::runtime::Recovery)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<sb::runtime::EventRecord>)
CAF_ALLOW_UNSAFE_MESSAGE_TYPE(std::vector<sb::runtime::FeedEntry>)
