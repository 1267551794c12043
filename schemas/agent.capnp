@0xfd5cc9d0c16544a8;
# Agent events and snapshot state. Ordinals are append-only (schemas/README.md).

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("sb::schema::agent");

struct Skill {
  name @0 :Text;
  level @1 :UInt8;
}

struct Capacity {
  chats @0 :Int32;
  emails @1 :Int32;
}

struct AgentRegistered {
  displayName @0 :Text;
  skills @1 :List(Skill);
  groups @2 :List(Text);
  capacity @3 :Capacity;
  atMs @4 :Int64;
}

struct PresenceChanged {
  presence @0 :UInt8;     # sb::agent::Presence
  atMs @1 :Int64;
}

struct SkillsChanged {
  skills @0 :List(Skill);
  atMs @1 :Int64;
}

struct CapacityChanged {
  capacity @0 :Capacity;
  atMs @1 :Int64;
}

struct ConversationAccepted {
  conversationId @0 :Text;
  channel @1 :UInt8;      # sb::Channel
  atMs @2 :Int64;
}

struct ConversationReleased {
  conversationId @0 :Text;
  reason @1 :UInt8;       # sb::agent::ReleaseReason
  atMs @2 :Int64;
}

struct AgentEvent {
  union {
    registered @0 :AgentRegistered;
    presenceChanged @1 :PresenceChanged;
    skillsChanged @2 :SkillsChanged;
    capacityChanged @3 :CapacityChanged;
    conversationAccepted @4 :ConversationAccepted;
    conversationReleased @5 :ConversationReleased;
  }
}

struct ActiveConversation {
  conversationId @0 :Text;
  channel @1 :UInt8;
}

struct AgentState {
  registered @0 :Bool;
  displayName @1 :Text;
  presence @2 :UInt8;
  presenceSinceMs @3 :Int64;
  skills @4 :List(Skill);
  groups @5 :List(Text);
  capacity @6 :Capacity;
  active @7 :List(ActiveConversation);
  lastAcceptedAtMs @8 :Int64;
  acceptedTotal @9 :UInt64;
}
