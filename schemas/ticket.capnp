@0xe8f433d7584ac7b6;
# Ticket events and snapshot state (actors/ticket, encoded by actors/ticket/ticket_codec.cpp).
# Ordinals are append-only forever (see schemas/README.md).
# Times are unix ms (Int64), durations ms (Int64). Enums are UInt8 holding the C++ values:
# sb::Channel, sb::Tier, sb::ticket::{Status, Priority, TicketSource, FieldSource, SlaClockKind,
# ClockPhase}. Lists named elapsedMs hold one entry per SLA clock, in SlaClockKind order
# (firstResponse, nextReply, resolution). An absent optional struct (calendar, field, Instant)
# means "not set".

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("sb::schema::ticket");

struct Instant {
  unixMs @0 :Int64;
}

struct FieldValue {
  value @0 :Text;
  source @1 :UInt8;
}

struct Fields {
  category @0 :FieldValue;
  orderNumber @1 :FieldValue;
  phone @2 :FieldValue;
  email @3 :FieldValue;
  product @4 :FieldValue;
}

struct OpeningInterval {
  isoWeekday @0 :UInt8;      # 1 = Monday ... 7 = Sunday
  openMinute @1 :UInt16;
  closeMinute @2 :UInt16;
}

struct BusinessCalendar {
  utcOffsetMinutes @0 :Int32;
  openingHours @1 :List(OpeningInterval);
  holidayDays @2 :List(Int32);   # local dates as days since 1970-01-01
}

struct SlaPolicy {
  name @0 :Text;
  firstResponseTargetMs @1 :Int64;
  nextReplyTargetMs @2 :Int64;
  resolutionTargetMs @3 :Int64;
  warnFraction @4 :Float64;
  calendar @5 :BusinessCalendar;
  supervisorGroup @6 :Text;
}

struct TicketCreated {
  ticketId @0 :Text;
  customerId @1 :Text;
  conversationId @2 :Text;
  channel @3 :UInt8;
  tier @4 :UInt8;
  priority @5 :UInt8;
  source @6 :UInt8;
  createdBy @7 :Text;
  subject @8 :Text;
  description @9 :Text;
  fields @10 :Fields;
  policy @11 :SlaPolicy;
  atMs @12 :Int64;
}

struct FieldsUpdated {
  fields @0 :Fields;
  by @1 :Text;
  atMs @2 :Int64;
}

struct TicketAssigned {
  assignee @0 :Text;
  by @1 :Text;
  atMs @2 :Int64;
}

struct StatusChanged {
  to @0 :UInt8;
  by @1 :Text;
  elapsedMs @2 :List(Int64);
  atMs @3 :Int64;
}

struct AgentReplied {
  agentId @0 :Text;
  elapsedMs @1 :List(Int64);
  atMs @2 :Int64;
}

struct CustomerReplied {
  atMs @0 :Int64;
}

struct NoteAdded {
  authorId @0 :Text;
  text @1 :Text;
  atMs @2 :Int64;
}

struct PriorityChanged {
  priority @0 :UInt8;
  by @1 :Text;
  atMs @2 :Int64;
}

struct SlaPolicyChanged {
  tier @0 :UInt8;
  policy @1 :SlaPolicy;
  elapsedMs @2 :List(Int64);
  atMs @3 :Int64;
}

struct SlaWarned {
  clock @0 :UInt8;
  cycle @1 :UInt32;
  targetMs @2 :Int64;
  elapsedMs @3 :Int64;
  dueAtMs @4 :Int64;
  atMs @5 :Int64;
}

struct SlaBreached {
  clock @0 :UInt8;
  cycle @1 :UInt32;
  targetMs @2 :Int64;
  elapsedMs @3 :Int64;
  dueAtMs @4 :Int64;
  atMs @5 :Int64;
}

struct Escalated {
  level @0 :UInt32;
  priority @1 :UInt8;
  assignee @2 :Text;
  clock @3 :UInt8;
  atMs @4 :Int64;
}

struct TicketResolved {
  by @0 :Text;
  summary @1 :Text;
  elapsedMs @2 :List(Int64);
  atMs @3 :Int64;
}

struct TicketReopened {
  by @0 :Text;
  reason @1 :Text;
  atMs @2 :Int64;
}

struct TicketClosed {
  by @0 :Text;
  atMs @1 :Int64;
}

struct TicketEvent {
  union {
    ticketCreated @0 :TicketCreated;
    fieldsUpdated @1 :FieldsUpdated;
    ticketAssigned @2 :TicketAssigned;
    statusChanged @3 :StatusChanged;
    agentReplied @4 :AgentReplied;
    customerReplied @5 :CustomerReplied;
    noteAdded @6 :NoteAdded;
    priorityChanged @7 :PriorityChanged;
    slaPolicyChanged @8 :SlaPolicyChanged;
    slaWarned @9 :SlaWarned;
    slaBreached @10 :SlaBreached;
    escalated @11 :Escalated;
    ticketResolved @12 :TicketResolved;
    ticketReopened @13 :TicketReopened;
    ticketClosed @14 :TicketClosed;
  }
}

struct Note {
  authorId @0 :Text;
  text @1 :Text;
  atMs @2 :Int64;
}

struct SlaClock {
  phase @0 :UInt8;
  targetMs @1 :Int64;
  elapsedMs @2 :Int64;
  runningSince @3 :Instant;   # set exactly while running
  cycle @4 :UInt32;
  warned @5 :Bool;
  breached @6 :Bool;
}

struct TicketState {
  status @0 :UInt8;
  ticketId @1 :Text;
  customerId @2 :Text;
  conversationId @3 :Text;
  channel @4 :UInt8;
  tier @5 :UInt8;
  priority @6 :UInt8;
  source @7 :UInt8;
  createdBy @8 :Text;
  subject @9 :Text;
  description @10 :Text;
  fields @11 :Fields;
  assignee @12 :Text;
  notes @13 :List(Note);
  policy @14 :SlaPolicy;
  clocks @15 :List(SlaClock);   # one per SLA clock, in SlaClockKind order
  escalationLevel @16 :UInt32;
  breachCount @17 :UInt32;
  reopenCount @18 :UInt32;
  resolutionSummary @19 :Text;
  createdAtMs @20 :Int64;
  updatedAtMs @21 :Int64;
  firstResponseAt @22 :Instant;
  resolvedAt @23 :Instant;
  closedAt @24 :Instant;
}
