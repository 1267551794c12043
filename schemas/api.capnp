@0x9bb4bf209ae177b3;
# The public RPC API of a switchboard node (runtime/rpc). Evolution rules: schemas/README.md.
#
# Capabilities are the permission model: `Gateway.authenticate` turns a token into exactly the
# capabilities its role allows. A Channel capability may be bound to one channel; an AgentDesk is
# bound to one agent id and its methods take no agent id, so it cannot act for anyone else.
#
# Errors: a domain rejection or bad input is a `Result` whose `error` is set (data, not an
# exception). Infrastructure failures are RPC exceptions: OVERLOADED (a named limit was reached:
# retry later), DISCONNECTED (unavailable: storage failed or the node is stopping; the outcome may
# be unknown, so retry with the same message id) and FAILED (a bug).
# Times are unix milliseconds (`...Ms`), durations milliseconds.

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("sb::schema::api");

# ---- common -------------------------------------------------------------------------------------

enum ErrorCode {
  unspecified @0;
  invalidArgument @1;   # malformed input: oversized text, invalid UTF-8, empty id, bad enum
  notFound @2;          # unknown conversation, ticket, agent, customer
  rejected @3;          # a domain rule said no; `Error.rejection` names the rule
  permissionDenied @4;  # e.g. acting on a conversation assigned to someone else
  unauthenticated @5;   # unknown token
}

struct Error {
  code @0 :ErrorCode;
  message @1 :Text;     # a sentence for a person
  rejection @2 :Text;   # the domain rejection code (e.g. "wrong_phase") when code == rejected
}

# A value or an error. T is a struct, a list or Text.
struct Result(T) {
  union {
    ok @0 :T;
    error @1 :Error;
  }
}

struct Done {}

# Values match sb::Channel (actors/common/channel.hpp).
enum ChannelType {
  unspecified @0;
  web @1;
  app @2;
  wechat @3;
  phone @4;
  email @5;
  sms @6;
  social @7;
}

struct KeyValue {
  key @0 :Text;
  value @1 :Text;
}

# ---- gateway ------------------------------------------------------------------------------------

enum Role {
  unspecified @0;
  channel @1;
  agent @2;
  admin @3;
}

struct Session {
  role @0 :Role;
  principal @1 :Text;           # the agent id for agents, the channel name for a bound channel
  channelType @2 :ChannelType;  # the bound channel; unspecified: any channel
  # Exactly one capability is set, by role.
  union {
    channel @3 :Channel;
    agentDesk @4 :AgentDesk;
    admin @5 :Admin;
  }
}

interface Gateway {
  # The bootstrap capability. A token is checked against SHA-256 hashes in the server's config.
  authenticate @0 (token :Text) -> (result :Result(Session));
}

# Dropping this capability (or the connection) ends the subscription.
interface Subscription {}

# ---- channels -----------------------------------------------------------------------------------

struct InboundMessage {
  channel @0 :ChannelType;   # unspecified: the Channel capability's bound channel
  channelUserId @1 :Text;    # web visitor id, app user id, WeChat openid, phone number, email ...
  messageId @2 :Text;        # the channel's id: a retry with the same id returns the first result
  text @3 :Text;
  displayName @4 :Text;      # optional
  sentAtMs @5 :Int64;        # optional (0): the server stamps the receive time
  # Optional: the shop account the channel verified (a login, an OTP). Messages with the same
  # account id reach the same customer, whatever the channel: one history across channels.
  accountId @6 :Text;
}

enum OutboundKind {
  unspecified @0;
  botReply @1;
  agentReply @2;
  queueUpdate @3;   # position / estimated wait changed
  csatPrompt @4;    # "please rate this conversation"
  system @5;        # e.g. "an agent has joined"
}

struct OutboundMessage {
  kind @0 :OutboundKind;
  conversationId @1 :Text;
  customerId @2 :Text;
  channel @3 :ChannelType;
  channelUserId @4 :Text;
  messageId @5 :Text;         # unique; stable across retries
  text @6 :Text;
  agentName @7 :Text;         # agentReply
  queuePosition @8 :UInt32;   # queueUpdate
  estimatedWaitMs @9 :Int64;
  atMs @10 :Int64;
}

struct DeliverResult {
  conversationId @0 :Text;
  customerId @1 :Text;
  duplicate @2 :Bool;          # a retried message id: the first result again
  hasBotReply @3 :Bool;
  botReply @4 :OutboundMessage;
  handedOff @5 :Bool;          # the conversation is with (or waiting for) a person
  queuePosition @6 :UInt32;    # when queued
}

struct DeliverBatchResult {
  results @0 :List(Result(DeliverResult));   # one per message, in order
}

interface ChannelSink {
  push @0 (message :OutboundMessage) -> ();
}

interface Channel {
  deliver @0 (message :InboundMessage) -> (result :Result(DeliverResult));
  # At most kDeliverBatchMax (256) messages. Bad messages get their own error; if any message
  # meets an infrastructure failure the whole call fails (retrying is safe: ids are idempotent).
  deliverBatch @1 (messages :List(InboundMessage)) -> (result :Result(DeliverBatchResult));
  rate @2 (conversationId :Text, score :Int32, comment :Text) -> (result :Result(Done));
  # Bot and agent replies, queue updates and CSAT prompts for `channel` (unspecified: the bound
  # channel). Keep `subscription` to keep receiving.
  subscribe @3 (sink :ChannelSink, channel :ChannelType)
      -> (result :Result(Done), subscription :Subscription);
}

# ---- agent desks --------------------------------------------------------------------------------

enum Presence {
  unspecified @0;
  offline @1;
  online @2;
  away @3;
}

struct SkillLevel {
  skill @0 :Text;
  level @1 :UInt8;   # 1..5
}

struct AgentView {
  agentId @0 :Text;
  displayName @1 :Text;
  presence @2 :Presence;
  skills @3 :List(SkillLevel);
  activeConversations @4 :List(Text);
  chatCapacity @5 :Int32;
  emailCapacity @6 :Int32;
}

struct TranscriptLine {
  author @0 :Text;   # "customer" | "bot" | "agent"
  text @1 :Text;
  channel @2 :ChannelType;
  atMs @3 :Int64;
}

struct TimelineEntry {
  kind @0 :Text;     # "conversation" | "ticket"
  id @1 :Text;
  channel @2 :ChannelType;
  summary @3 :Text;
  atMs @4 :Int64;
}

struct HandoffInfo {
  intent @0 :Text;
  slots @1 :List(KeyValue);
  tags @2 :List(Text);
  reasons @3 :List(Text);   # e.g. "customer_asked"
  summary @4 :Text;         # one line for the agent
}

struct ConversationView {
  conversationId @0 :Text;
  customerId @1 :Text;
  phase @2 :Text;           # "bot" | "queued" | "offered" | "assigned" | "resolved" | "closed"
  channel @3 :ChannelType;
  assignedAgent @4 :Text;
  skill @5 :Text;
  transcript @6 :List(TranscriptLine);
  hasHandoff @7 :Bool;
  handoff @8 :HandoffInfo;
}

struct AgentOffer {
  offerId @0 :Text;
  conversation @1 :ConversationView;
  customerTimeline @2 :List(TimelineEntry);   # every channel, oldest first
  customerTier @3 :Text;
  explanation @4 :Text;                       # why this agent got it
  expiresAtMs @5 :Int64;
}

struct AgentEvent {
  union {
    offer @0 :AgentOffer;
    offerWithdrawn @1 :Text;   # conversation id
    customerMessage :group {
      conversationId @2 :Text;
      line @3 :TranscriptLine;
    }
    notice @4 :Text;           # SLA warnings, escalations, transfers in
  }
}

interface AgentEventSink {
  push @0 (event :AgentEvent) -> ();
}

struct SuggestedReply {
  intent @0 :Text;
  confidence @1 :Float64;
  text @2 :Text;
}

struct TicketSpec {
  conversationId @0 :Text;   # optional: fields are extracted from it
  customerId @1 :Text;
  subject @2 :Text;
  description @3 :Text;
  priority @4 :Text;         # "low" | "normal" | "high" | "urgent"; empty: from the intent
  fields @5 :List(KeyValue);
}

struct TicketView {
  ticketId @0 :Text;
  status @1 :Text;           # "new" | "open" | "pending_customer" | "resolved" | "closed"
  priority @2 :Text;
  assignee @3 :Text;
  subject @4 :Text;
  fields @5 :List(KeyValue);
  notes @6 :List(Text);
  customerStatusText @7 :Text;
  sla @8 :List(Text);        # one line per clock
  escalationLevel @9 :UInt32;
}

# Empty optional fields mean "unchanged".
struct TicketUpdate {
  ticketId @0 :Text;
  status @1 :Text;     # "open" | "pending_customer" | "resolved" | "closed" | "reopen"
  priority @2 :Text;
  assignee @3 :Text;   # "agent:<id>" | "group:<name>"
  note @4 :Text;
  fields @5 :List(KeyValue);
}

struct Timeline {
  entries @0 :List(TimelineEntry);
}

struct SuggestedReplies {
  replies @0 :List(SuggestedReply);
}

# Bound to one agent (the token's): no method takes an agent id.
interface AgentDesk {
  # Registers `sink` for offers, customer messages and notices; keep `session` to keep receiving.
  login @0 (sink :AgentEventSink) -> (result :Result(AgentView), session :Subscription);
  setPresence @1 (presence :Presence) -> (result :Result(AgentView));
  accept @2 (conversationId :Text) -> (result :Result(ConversationView));
  decline @3 (conversationId :Text) -> (result :Result(Done));
  reply @4 (conversationId :Text, text :Text) -> (result :Result(Done));
  # `target` is "agent:<id>" or "skill:<group>".
  transfer @5 (conversationId :Text, target :Text, note :Text) -> (result :Result(Done));
  resolve @6 (conversationId :Text) -> (result :Result(Done));
  conversation @7 (conversationId :Text) -> (result :Result(ConversationView));
  createTicket @8 (spec :TicketSpec) -> (result :Result(TicketView));
  updateTicket @9 (update :TicketUpdate) -> (result :Result(TicketView));
  ticket @10 (ticketId :Text) -> (result :Result(TicketView));
  customerTimeline @11 (customerId :Text) -> (result :Result(Timeline));
  suggestedReplies @12 (conversationId :Text) -> (result :Result(SuggestedReplies));
  # Goes offline: open conversations go back to the queue, and no more offers reach this desk.
  # (A desk whose connection drops is logged out the same way.)
  logout @13 () -> (result :Result(AgentView));
  # The agent saw that two customers are the same person: `absorbedId` joins `survivorId` (its
  # channels reach the survivor's conversations from now on). Both histories are kept and show as
  # one timeline (returned); repeating a merge that failed half-way completes it. Errors: unknown
  # customer (notFound), merged already, a cycle, the survivor itself absorbed (rejected).
  mergeCustomers @14 (survivorId :Text, absorbedId :Text) -> (result :Result(Timeline));
  # Undoes a merge: both customers are on their own again, nothing lost.
  unmergeCustomers @15 (survivorId :Text, absorbedId :Text) -> (result :Result(Done));
  # Lines containing `query` (case-insensitive for Latin letters, at most 256 bytes) in the
  # customer's newest 50 conversations, merged customers included; oldest first, at most 100.
  searchCustomerHistory @16 (customerId :Text, query :Text) -> (result :Result(HistoryMatches));
}

struct HistoryMatch {
  conversationId @0 :Text;
  line @1 :TranscriptLine;
}

struct HistoryMatches {
  matches @0 :List(HistoryMatch);
}

# ---- administration -----------------------------------------------------------------------------

struct AgentSpec {
  agentId @0 :Text;
  displayName @1 :Text;
  skills @2 :List(SkillLevel);
  groups @3 :List(Text);
  chatCapacity @4 :Int32 = 3;
  emailCapacity @5 :Int32 = 5;
}

struct KnowledgeBaseVersion {
  version @0 :UInt64;      # 0: the file shipped with the node
  intents @1 :UInt32;
  examples @2 :UInt32;
  sha256 @3 :Text;         # of the JSONL content; empty for version 0
  bytes @4 :UInt64;
  importedBy @5 :Text;
  importedAtMs @6 :Int64;
  current @7 :Bool;        # the version the bot answers from
}

struct KnowledgeBaseVersions {
  versions @0 :List(KnowledgeBaseVersion);  # oldest first, version 0 included
}

struct QueueSnapshot {
  skill @0 :Text;
  waiting @1 :UInt32;
  offered @2 :UInt32;
  agentsOnline @3 :UInt32;
  freeSlots @4 :UInt32;
  longestWaitMs @5 :Int64;
  estimatedWaitMs @6 :Int64;
}

struct Queues {
  queues @0 :List(QueueSnapshot);
}

interface Admin {
  upsertAgent @0 (agent :AgentSpec) -> (result :Result(AgentView));
  # JSONL text (runtime/bot/kb_jsonl.hpp), at most 16 MiB.
  importKnowledgeBase @1 (jsonl :Text) -> (result :Result(KnowledgeBaseVersion));
  listQueues @2 () -> (result :Result(Queues));
  # Analytics and quality figures over any window and slice (ReportQuery below).
  report @3 (query :ReportQuery) -> (result :Result(ReportDocument));
  # Live quality violations for supervisors.
  supervisor @4 () -> (supervisor :Supervisor);

  # Node configuration (durable; applied at once and after a restart). Bad input (an unknown
  # tier or priority name, a negative duration, an empty or oversized name) is invalidArgument;
  # a domain rule (a zero target, a warn fraction outside (0, 1), an overflow cycle ...) is
  # `rejected` naming the rule; removing what was never configured is notFound.
  # SLA policies: a new ticket takes the policy of its tier x priority in force at creation.
  listSlaPolicies @5 () -> (result :Result(SlaPolicies));
  setSlaPolicy @6 (policy :SlaPolicy) -> (result :Result(SlaPolicy));
  # The node default applies again.
  removeSlaPolicy @7 (tier :Text, priority :Text) -> (result :Result(Done));
  # Tier rules: a customer's tier is re-evaluated on the next contact.
  getTierRules @8 () -> (result :Result(TierRules));
  setTierRules @9 (rules :TierRules) -> (result :Result(TierRules));
  # Skill groups: routing options per group; a group never defined routes with the defaults.
  listSkillGroups @10 () -> (result :Result(SkillGroups));
  defineSkillGroup @11 (group :SkillGroup) -> (result :Result(SkillGroup));
  removeSkillGroup @12 (name :Text) -> (result :Result(Done));

  # Knowledge-base versions (every import is one, kept whole in the log). A roll-back makes an
  # earlier version current again (0: the shipped file); nothing is deleted. An unknown version
  # is notFound; the current one is `rejected` (already_current).
  listKnowledgeBaseVersions @13 () -> (result :Result(KnowledgeBaseVersions));
  rollBackKnowledgeBase @14 (version :UInt64) -> (result :Result(KnowledgeBaseVersion));

  # The integrator's business systems for the bot (order status, logistics, refunds, ticket
  # status). The newest registration is asked; while none is held the shipped sample backend
  # (a bundled orders file) answers. Keep `registration` to stay registered: dropping it, or the
  # connection, falls back. A lookup that fails, throws or takes longer than 2 s is `unavailable`
  # to the bot, which hands the customer to a person.
  registerBusinessBackend @15 (backend :BusinessBackend)
      -> (result :Result(Done), registration :Subscription);
}

# ---- business backend ---------------------------------------------------------------------------

enum BackendAction {
  unspecified @0;
  orderStatus @1;     # answer fields: status, status_text, eta, items
  logistics @2;       # carrier, tracking_no, last_scan, eta
  refundStatus @3;    # refund_status, refund_amount, refund_eta
  ticketStatus @4;    # ticket_status
}

struct BackendQuery {
  action @0 :BackendAction;
  key @1 :Text;                 # the order number (or the ticket id for ticketStatus)
  slots @2 :List(KeyValue);     # every slot the bot filled, by name
  language @3 :Text;            # "zh" | "en": the language of the texts to answer with
}

struct BackendAnswer {
  union {
    found @0 :List(KeyValue);   # the action's fields (unknown names are ignored)
    notFound @1 :Text;          # no such order or ticket; the text is for logs only
    unavailable @2 :Text;       # the system could not answer; the text is for logs only
  }
}

interface BusinessBackend {
  lookup @0 (query :BackendQuery) -> (answer :BackendAnswer);
}

# ---- node configuration -------------------------------------------------------------------------
# Appended after the reports (schemas/README.md: append-only). Durations are milliseconds.

struct SlaPolicy {
  tier @0 :Text;               # "new" | "regular" | "vip" | "enterprise"
  priority @1 :Text;           # "low" | "normal" | "high" | "urgent"
  name @2 :Text;               # for reports, e.g. "vip-urgent"
  firstResponseMs @3 :Int64;
  nextReplyMs @4 :Int64;
  resolutionMs @5 :Int64;
  warnFraction @6 :Float64 = 0.8;   # warn when this share of a target has passed; (0, 1)
  supervisorGroup @7 :Text;    # escalations go to "group:<supervisorGroup>"
  businessHours @8 :Bool;      # read only: the policy counts business hours (a calendar)
  configured @9 :Bool;         # read only: set by an administrator, else the node default
}

struct SlaPolicies {
  policies @0 :List(SlaPolicy);
}

struct TierRules {
  regularAfterAccountAgeMs @0 :Int64;   # 0: rule off
  regularAfterOrders @1 :UInt32;        # 0: rule off
  vipAfterSpendCents @2 :Int64;         # 0: VIP by flag only
  vipByFlag @3 :Bool = true;
  enterpriseByFlag @4 :Bool = true;
  configured @5 :Bool;                  # read only: set by an administrator, else the default
}

struct SkillGroup {
  name @0 :Text;
  offerTimeoutMs @1 :Int64 = 30000;
  stickyWindowMs @2 :Int64 = 1800000;
  relaxLevelEveryMs @3 :Int64 = 60000;   # 0: never relax the required skill level
  relaxedLevelMin @4 :UInt8 = 1;
  overflowGroups @5 :List(Text);          # wider groups that take over after overflowAfterMs
  overflowAfterMs @6 :Int64 = 120000;
  reservedCapacityPermille @7 :UInt32;    # kept for reservedTierMin and above
  reservedTierMin @8 :Text = "vip";
}

struct SkillGroups {
  groups @0 :List(SkillGroup);
}

# ---- reports and quality supervision --------------------------------------------------------------
# Appended after the original Admin methods (schemas/README.md: append-only).

# A report's window and slice. Zero or empty means "not set".
struct ReportQuery {
  fromMs @0 :Int64;          # 0: from the first hour the log covers
  toMs @1 :Int64;            # 0: to the end of the hour of the latest event
  channel @2 :ChannelType;   # unspecified: every channel
  skill @3 :Text;
  tier @4 :Text;             # "new" | "regular" | "vip" | "enterprise"
  agent @5 :Text;
  top @6 :UInt32;            # rows in the top lists; 0: 10
  withText @7 :Bool;         # also render the terminal tables
  withHtml @8 :Bool;         # also render the self-contained HTML page
}

# The report rendered: JSON always (every figure; runtime/analytics/render_json.cpp), text and
# HTML when asked for.
struct ReportDocument {
  json @0 :Text;
  text @1 :Text;
  html @2 :Text;
}

# A quality rule an agent's reply (or conversation) broke; evidence never holds personal data in
# full. Rules: runtime/quality/violation.hpp (e.g. "card_number", "rudeness").
struct Violation {
  rule @0 :Text;
  evidence @1 :Text;
  agentId @2 :Text;
  conversationId @3 :Text;
  atMs @4 :Int64;
}

interface ViolationSink {
  push @0 (violation :Violation) -> ();
}

interface Supervisor {
  # Every violation found from now on, as it happens; keep `subscription` to keep receiving.
  subscribe @0 (sink :ViolationSink) -> (result :Result(Done), subscription :Subscription);
}
