@0x8a74fd86f03a27ef;
# Customer events and snapshot state (actors/customer). Ordinals are append-only forever.
# Enums are UInt8 holding the C++ values: sb::customer::IdentityKind, MergeReason, TimelineKind,
# sb::Channel, sb::Tier. Times are unix ms.

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("sb::schema::customer");

struct Identity {
  kind @0 :UInt8;
  value @1 :Text;
  verified @2 :Bool;
  linkedAtMs @3 :Int64;
}

struct Profile {
  displayName @0 :Text;
  language @1 :Text;
  accountCreatedAtMs @2 :Int64;
  ordersTotal @3 :UInt32;
  spendCentsTotal @4 :Int64;
  vipFlag @5 :Bool;
  enterpriseFlag @6 :Bool;
}

struct MergeLink {
  customerId @0 :Text;
  reason @1 :UInt8;
  atMs @2 :Int64;
}

struct TimelineEntry {
  kind @0 :UInt8;
  id @1 :Text;
  channel @2 :UInt8;
  startedAtMs @3 :Int64;
}

struct LastAgent {
  agentId @0 :Text;
  conversationId @1 :Text;
  atMs @2 :Int64;
}

struct CustomerRegistered {
  customerId @0 :Text;
  profile @1 :Profile;
  atMs @2 :Int64;
}

struct IdentityLinked {
  identity @0 :Identity;
}

struct IdentityUnlinked {
  kind @0 :UInt8;
  value @1 :Text;
  atMs @2 :Int64;
}

struct CustomersMerged {
  survivorId @0 :Text;
  absorbedId @1 :Text;
  reason @2 :UInt8;
  atMs @3 :Int64;
}

struct CustomerUnmerged {
  survivorId @0 :Text;
  absorbedId @1 :Text;
  atMs @2 :Int64;
}

struct ConversationStarted {
  conversationId @0 :Text;
  channel @1 :UInt8;
  atMs @2 :Int64;
}

struct TicketOpened {
  ticketId @0 :Text;
  channel @1 :UInt8;
  atMs @2 :Int64;
}

struct LastAgentRecorded {
  lastAgent @0 :LastAgent;
}

struct ProfileUpdated {
  profile @0 :Profile;
  atMs @1 :Int64;
}

struct TierChanged {
  from @0 :UInt8;
  to @1 :UInt8;
  atMs @2 :Int64;
}

struct CustomerEvent {
  union {
    registered @0 :CustomerRegistered;
    identityLinked @1 :IdentityLinked;
    identityUnlinked @2 :IdentityUnlinked;
    customersMerged @3 :CustomersMerged;
    customerUnmerged @4 :CustomerUnmerged;
    conversationStarted @5 :ConversationStarted;
    ticketOpened @6 :TicketOpened;
    lastAgentRecorded @7 :LastAgentRecorded;
    profileUpdated @8 :ProfileUpdated;
    tierChanged @9 :TierChanged;
  }
}

struct CustomerState {
  registered @0 :Bool;
  customerId @1 :Text;
  registeredAtMs @2 :Int64;
  profile @3 :Profile;
  identities @4 :List(Identity);
  hasMergedInto @5 :Bool;
  mergedInto @6 :MergeLink;
  absorbed @7 :List(MergeLink);
  timeline @8 :List(TimelineEntry);
  conversationsTotal @9 :UInt64;
  ticketsTotal @10 :UInt64;
  tier @11 :UInt8;
  tierSinceMs @12 :Int64;
  hasLastAgent @13 :Bool;
  lastAgent @14 :LastAgent;
}
