@0xbf8572d0157c745b;
# Conversation events and snapshot state (actors/conversation). Ordinals are append-only forever.
# Enums are UInt8 holding the C++ values: sb::conversation::{Phase, BotAction, HandoffReason,
# Author, Initiator, TargetKind, ReleaseReason, CloseReason}, sb::router::{DecidingRule,
# ReservationStatus, ChannelKind}, sb::Channel, sb::Tier. Times are unix ms, durations ms.

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("sb::schema::conversation");

struct Slot {
  name @0 :Text;
  value @1 :Text;
}

struct DialogueContext {
  activeIntent @0 :Text;
  slots @1 :List(Slot);
  awaitedSlot @2 :Text;
  slotAttempts @3 :UInt32;
  lowConfidenceStreak @4 :UInt32;
  language @5 :UInt8;
  slotFailures @6 :UInt32;
  unansweredTurns @7 :UInt32;
  turnCount @8 :UInt32;
}

struct CandidateRecord {
  agentId @0 :Text;
  skillLevel @1 :UInt8;
  load @2 :UInt32;
  freeSlots @3 :UInt16;
  idleForMs @4 :Int64;
  sticky @5 :Bool;
  overflow @6 :Bool;
  declinedBefore @7 :Bool;
}

struct AssignmentExplanation {
  winner @0 :Text;
  rule @1 :UInt8;
  decidedAtMs @2 :Int64;
  waitedMs @3 :Int64;
  tier @4 :UInt8;
  kind @5 :UInt8;
  skill @6 :Text;
  requiredLevel @7 :UInt8;
  effectiveLevel @8 :UInt8;
  reservation @9 :UInt8;
  hasStickyLastServedAgo @10 :Bool;
  stickyLastServedAgoMs @11 :Int64;
  fallbackToDeclined @12 :Bool;
  candidatesConsidered @13 :UInt32;
  candidates @14 :List(CandidateRecord);
}

struct TransferTarget {
  kind @0 :UInt8;
  id @1 :Text;
}

struct Opened {
  customerId @0 :Text;
  channel @1 :UInt8;
  atMs @2 :Int64;
}

struct MessageReceived {
  messageId @0 :Text;
  channel @1 :UInt8;
  text @2 :Text;
  atMs @3 :Int64;
}

struct ChannelSwitched {
  from @0 :UInt8;
  to @1 :UInt8;
  atMs @2 :Int64;
}

struct BotReplied {
  messageId @0 :Text;
  action @1 :UInt8;
  intent @2 :Text;
  confidence @3 :Float64;
  text @4 :Text;
  slots @5 :List(Slot);
  tags @6 :List(Text);
  context @7 :DialogueContext;
  atMs @8 :Int64;
}

struct HandoffRequested {
  initiator @0 :UInt8;
  reasons @1 :List(UInt8);
  intent @2 :Text;
  slots @3 :List(Slot);
  tags @4 :List(Text);
  skillHint @5 :Text;
  atMs @6 :Int64;
}

struct Queued {
  skillGroup @0 :Text;
  tier @1 :UInt8;
  position @2 :UInt32;
  atMs @3 :Int64;
}

struct Offered {
  agentId @0 :Text;
  expiresAtMs @1 :Int64;
  atMs @2 :Int64;
}

# OfferDeclined and OfferExpired.
struct AgentAt {
  agentId @0 :Text;
  atMs @1 :Int64;
}

struct Assigned {
  agentId @0 :Text;
  explanation @1 :AssignmentExplanation;
  atMs @2 :Int64;
}

struct AgentReplied {
  agentId @0 :Text;
  messageId @1 :Text;
  text @2 :Text;
  atMs @3 :Int64;
}

struct Transferred {
  fromAgentId @0 :Text;
  target @1 :TransferTarget;
  note @2 :Text;
  atMs @3 :Int64;
}

struct ReleasedFromAgent {
  agentId @0 :Text;
  reason @1 :UInt8;
  atMs @2 :Int64;
}

struct Resolved {
  byAgentId @0 :Text;
  atMs @1 :Int64;
}

struct Closed {
  reason @0 :UInt8;
  atMs @1 :Int64;
}

struct Reopened {
  from @0 :UInt8;
  atMs @1 :Int64;
}

struct RatedByCustomer {
  score @0 :UInt8;
  comment @1 :Text;
  atMs @2 :Int64;
}

struct ConversationEvent {
  union {
    opened @0 :Opened;
    messageReceived @1 :MessageReceived;
    channelSwitched @2 :ChannelSwitched;
    botReplied @3 :BotReplied;
    handoffRequested @4 :HandoffRequested;
    queued @5 :Queued;
    offered @6 :Offered;
    offerDeclined @7 :AgentAt;
    offerExpired @8 :AgentAt;
    assigned @9 :Assigned;
    agentReplied @10 :AgentReplied;
    transferred @11 :Transferred;
    releasedFromAgent @12 :ReleasedFromAgent;
    resolved @13 :Resolved;
    closed @14 :Closed;
    reopened @15 :Reopened;
    ratedByCustomer @16 :RatedByCustomer;
    followUpRequested @17 :FollowUpRequested;
    followUpOpened @18 :FollowUpOpened;
  }
}

struct FollowUpRequested {
  ordinal @0 :UInt32;
  reason @1 :UInt8;
  atMs @2 :Int64;
}

struct FollowUpOpened {
  ordinal @0 :UInt32;
  ticketId @1 :Text;
  atMs @2 :Int64;
}

struct Message {
  messageId @0 :Text;
  author @1 :UInt8;
  authorId @2 :Text;
  channel @3 :UInt8;
  text @4 :Text;
  atMs @5 :Int64;
}

struct Handoff {
  initiator @0 :UInt8;
  reasons @1 :List(UInt8);
  intent @2 :Text;
  slots @3 :List(Slot);
  skillHint @4 :Text;
  atMs @5 :Int64;
}

struct QueueEntry {
  skillGroup @0 :Text;
  tier @1 :UInt8;
  position @2 :UInt32;
  enqueuedAtMs @3 :Int64;
}

struct PendingOffer {
  agentId @0 :Text;
  offeredAtMs @1 :Int64;
  expiresAtMs @2 :Int64;
}

# Optional parts of the state are present exactly when their has* flag is set.
struct ConversationState {
  phase @0 :UInt8;
  customerId @1 :Text;
  channel @2 :UInt8;
  openedAtMs @3 :Int64;
  lastActivityAtMs @4 :Int64;
  messages @5 :List(Message);
  messagesTotal @6 :UInt64;
  botContext @7 :DialogueContext;
  intent @8 :Text;
  slots @9 :List(Slot);
  tags @10 :List(Text);
  hasHandoff @11 :Bool;
  handoff @12 :Handoff;
  hasQueue @13 :Bool;
  queue @14 :QueueEntry;
  hasOffer @15 :Bool;
  offer @16 :PendingOffer;
  hasAssignment @17 :Bool;
  assignment @18 :Assigned;
  lastAgentId @19 :Text;
  hasTransfer @20 :Bool;
  transfer @21 :Transferred;
  hasResolution @22 :Bool;
  resolution @23 :Resolved;
  hasClosing @24 :Bool;
  closing @25 :Closed;
  hasRating @26 :Bool;
  rating @27 :RatedByCustomer;
  reopenCount @28 :UInt32;
  followUps @29 :UInt32;
  hasFollowUp @30 :Bool;
  followUp @31 :FollowUpRequested;
  followUpTickets @32 :List(Text);
}
