@0xba447a4bef40a99c;
# The persisted envelope around every entity event and snapshot. Entity payloads are encoded by
# each entity's codec (schemas/<entity>.capnp) and carried here as bytes.
# Ordinals are append-only forever (see schemas/README.md).

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("sb::schema");

struct EventEnvelope {
  entityKind @0 :UInt8;      # sb::EntityKind
  entityId @1 :Text;
  version @2 :UInt64;        # 1-based position in the entity's history
  timestampMs @3 :Int64;     # unix ms, from the command
  commandId @4 :Text;        # the client's command id (idempotency); empty when none
  causationId @5 :Text;      # what caused this command (an event or message id)
  correlationId @6 :Text;    # the conversation/flow this belongs to, across entities
  payload @7 :Data;          # the entity event, encoded by the entity's codec
}

struct RecentCommand {
  commandId @0 :Text;
  firstVersion @1 :UInt64;
  lastVersion @2 :UInt64;
}

struct SnapshotEnvelope {
  entityKind @0 :UInt8;
  entityId @1 :Text;
  version @2 :UInt64;        # the state includes every event up to this version
  timestampMs @3 :Int64;
  state @4 :Data;            # the entity state, encoded by the entity's codec
  recentCommands @5 :List(RecentCommand);   # idempotency window, oldest first
}
