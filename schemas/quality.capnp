@0xa59f2d564ee9cba2;
# The quality monitor's events and snapshot state (actors/quality): every violation of a quality
# rule found in the feed, and how far the monitor has checked the feed. Ordinals are append-only
# (schemas/README.md).

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("sb::schema::quality");

struct ViolationDetected {
  rule @0 :UInt8;               # sb::quality::Rule
  evidence @1 :Text;            # at most sb::quality::kEvidenceBytesMax bytes, whole UTF-8 characters
  evidenceTruncated @2 :Bool;   # the evidence was cut to fit
  agentId @3 :Text;
  conversationId @4 :Text;
  sourceSeq @5 :UInt64;         # the feed position of the event that revealed the violation
  sourceVersion @6 :UInt64;     # that event's version in the conversation's history
  atMs @7 :Int64;               # when the reply was written (or the conversation ended)
}

struct FeedChecked {
  throughSeq @0 :UInt64;        # every feed entry up to here has been checked
  atMs @1 :Int64;
}

struct QualityEvent {
  union {
    violationDetected @0 :ViolationDetected;
    feedChecked @1 :FeedChecked;
  }
}

struct QualityMonitorState {
  checkedThroughSeq @0 :UInt64;
  violationsTotal @1 :UInt64;
  lastCheckedAtMs @2 :Int64;
}
