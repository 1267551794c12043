@0xdc6d0f0b0a9445ca;
# The node configuration entity's events and snapshot state (actors/configuration, encoded by
# actors/configuration/configuration_codec.cpp). Ordinals are append-only forever (see
# schemas/README.md). Times are unix ms (Int64), durations ms (Int64). Enums are UInt8 holding the
# C++ values: sb::Tier, sb::ticket::Priority. SLA policies reuse the ticket schema's SlaPolicy.

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("sb::schema::configuration");

using Ticket = import "ticket.capnp";

struct TierRules {
  regularAfterAccountAgeMs @0 :Int64;
  regularAfterOrders @1 :UInt32;
  hasVipAfterSpend @2 :Bool;        # false: VIP by flag only
  vipAfterSpendCents @3 :Int64;
  vipByFlag @4 :Bool;
  enterpriseByFlag @5 :Bool;
}

struct SkillGroup {
  name @0 :Text;
  offerTimeoutMs @1 :Int64;
  stickyWindowMs @2 :Int64;
  relaxLevelEveryMs @3 :Int64;
  relaxedLevelMin @4 :UInt8;
  overflowGroups @5 :List(Text);
  overflowAfterMs @6 :Int64;
  reservedCapacityPermille @7 :UInt16;
  reservedTierMin @8 :UInt8;
}

struct SlaPolicyEntry {
  tier @0 :UInt8;
  priority @1 :UInt8;
  policy @2 :Ticket.SlaPolicy;
}

struct SlaPolicySet {
  entry @0 :SlaPolicyEntry;
  atMs @1 :Int64;
}

struct SlaPolicyRemoved {
  tier @0 :UInt8;
  priority @1 :UInt8;
  atMs @2 :Int64;
}

struct TierRulesSet {
  rules @0 :TierRules;
  atMs @1 :Int64;
}

struct SkillGroupDefined {
  group @0 :SkillGroup;
  atMs @1 :Int64;
}

struct SkillGroupRemoved {
  name @0 :Text;
  atMs @1 :Int64;
}

struct ConfigurationEvent {
  union {
    slaPolicySet @0 :SlaPolicySet;
    slaPolicyRemoved @1 :SlaPolicyRemoved;
    tierRulesSet @2 :TierRulesSet;
    skillGroupDefined @3 :SkillGroupDefined;
    skillGroupRemoved @4 :SkillGroupRemoved;
  }
}

struct ConfigurationState {
  slaPolicies @0 :List(SlaPolicyEntry);
  hasTierRules @1 :Bool;
  tierRules @2 :TierRules;
  skillGroups @3 :List(SkillGroup);
  changedAtMs @4 :Int64;
}
