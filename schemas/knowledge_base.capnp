@0xc9e4d0862d1bd6db;
# Knowledge-base versions (actors/knowledge_base). Ordinals are append-only (schemas/README.md).

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("sb::schema::knowledge_base");

struct Imported {
  version @0 :UInt32;
  sha256 @1 :Text;
  bytes @2 :UInt64;
  intents @3 :UInt32;
  examples @4 :UInt32;
  chunks @5 :UInt32;
  by @6 :Text;
  atMs @7 :Int64;
}

struct Chunk {
  version @0 :UInt32;
  index @1 :UInt32;
  bytes @2 :Data;
}

struct RolledBack {
  fromVersion @0 :UInt32;
  toVersion @1 :UInt32;
  by @2 :Text;
  atMs @3 :Int64;
}

struct KnowledgeBaseEvent {
  union {
    imported @0 :Imported;
    chunk @1 :Chunk;
    rolledBack @2 :RolledBack;
  }
}

struct VersionInfo {
  version @0 :UInt32;
  sha256 @1 :Text;
  bytes @2 :UInt64;
  intents @3 :UInt32;
  examples @4 :UInt32;
  importedBy @5 :Text;
  atMs @6 :Int64;
  firstChunkEvent @7 :UInt64;
  lastChunkEvent @8 :UInt64;
}

struct KnowledgeBaseState {
  versions @0 :List(VersionInfo);
  current @1 :UInt32;
  events @2 :UInt64;
}
