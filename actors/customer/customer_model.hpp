#pragma once
// Customer: one actor per customer. Channel identities, merge links, the cross-channel timeline,
// profile, tier and last agent. Commands are imperative, events past tense; time arrives inside
// commands. The identity index (identity -> customer id) lives outside this core; it is kept up to
// date from IdentityLinked / IdentityUnlinked / CustomersMerged / CustomerUnmerged.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/time.hpp"

namespace sb::customer {

inline constexpr std::size_t kIdentitiesMax = 32;
inline constexpr std::size_t kIdentityValueBytesMax = 256;
inline constexpr std::size_t kPhoneDigitsMin = 3;
inline constexpr std::size_t kPhoneDigitsMax = 20;
// Customers absorbed into this one at the same time (each may itself have absorbed others).
inline constexpr std::size_t kAbsorbedMax = 16;
// Newest timeline entries kept in state; older ones remain in the event log and in the
// conversation and ticket entities themselves.
inline constexpr std::size_t kTimelineEntriesMax = 200;
inline constexpr std::size_t kDisplayNameBytesMax = 256;
inline constexpr std::size_t kLanguageBytesMax = 16;

// Values are persisted: only append.
enum class IdentityKind : std::uint8_t {
  web_visitor = 1,     // the web widget's cookie id
  app_user = 2,        // the app's user id
  wechat_openid = 3,   // per official account
  wechat_unionid = 4,  // across the shop's WeChat accounts
  phone = 5,           // E.164-ish: '+' and digits only after normalization
  email = 6,           // lower-cased
  social_handle = 7,
  account_id = 8,  // the shop's own customer account
};
std::string_view to_string(IdentityKind kind);

// Only these can be verified (by an OTP, a confirmation mail or a login); a verified identifier
// shared by two customers joins their histories.
bool is_verifiable(IdentityKind kind);

struct Identity {
  IdentityKind kind = IdentityKind::web_visitor;
  std::string value;
  bool verified = false;
  Timestamp linked_at;
  bool operator==(const Identity&) const = default;
};

struct Profile {
  std::string display_name;
  std::string language;          // preferred, e.g. "zh" or "en"; empty when unknown
  Timestamp account_created_at;  // the shop account's age drives the regular tier
  std::uint32_t orders_total = 0;
  std::int64_t spend_cents_total = 0;
  bool vip_flag = false;         // set by the shop (e.g. membership programme)
  bool enterprise_flag = false;  // a business account
  bool operator==(const Profile&) const = default;
};

// Configurable tier rules (see evaluate_tier in customer_tier.hpp).
struct TierRules {
  // A customer becomes regular at this account age or this many orders (0: rule off).
  Duration regular_after_account_age = std::chrono::hours(24 * 30);
  std::uint32_t regular_after_orders = 1;
  // A customer becomes VIP at this spend (nullopt: only by flag).
  std::optional<std::int64_t> vip_after_spend_cents = 1'000'000;
  bool vip_by_flag = true;
  bool enterprise_by_flag = true;
  bool operator==(const TierRules&) const = default;
};

enum class TimelineKind : std::uint8_t { conversation = 1, ticket = 2 };
std::string_view to_string(TimelineKind kind);

struct TimelineEntry {
  TimelineKind kind = TimelineKind::conversation;
  std::string id;
  Channel channel = Channel::web;
  Timestamp started_at;
  bool operator==(const TimelineEntry&) const = default;
};

// Why two customers were merged. Values are persisted: only append.
enum class MergeReason : std::uint8_t {
  verified_identity = 1,  // both hold the same verified phone, email or account id
  agent_decision = 2,     // an agent saw they are the same person
};
std::string_view to_string(MergeReason reason);

struct MergeLink {
  std::string customer_id;
  MergeReason reason = MergeReason::verified_identity;
  Timestamp at;
  bool operator==(const MergeLink&) const = default;
};

struct LastAgent {
  std::string agent_id;
  std::string conversation_id;
  Timestamp at;
  bool operator==(const LastAgent&) const = default;
};

// ---- commands -------------------------------------------------------------------------------
// Sent to both customers (the runtime does the absorbed one first, then the survivor); each side
// checks its own role. Both histories stay where they are: only links are recorded.
struct MergeCustomers {
  std::string survivor_id;
  std::string absorbed_id;
  MergeReason reason = MergeReason::verified_identity;
  Timestamp at;
  bool operator==(const MergeCustomers&) const = default;
};
struct RegisterCustomer {
  std::string customer_id;
  Identity first_identity;  // linked_at is taken from `at`
  Profile profile;
  TierRules rules;
  Timestamp at;
  // Registers the customer already merged (this one absorbed): a channel identity first seen
  // with the shop account's login joins the account's customer in the same write, instead of
  // a registration and then the absorbed side of a merge (MergeCustomers) one after the other.
  std::optional<MergeCustomers> merged = std::nullopt;
  // Registers the customer as the survivor of a merge whose absorbed side is written already: a
  // new shop account's first message joins its channel identity's customer in the account's
  // registration, one write instead of a registration and then the survivor's side of the merge.
  std::optional<MergeCustomers> absorbs = std::nullopt;
  bool operator==(const RegisterCustomer&) const = default;
};
// Links a new identity or upgrades an unverified one to verified.
// With `absorbs`, also the survivor's side of a merge whose absorbed side is written already:
// an account's login on a new channel joins that channel identity's customer in the same write.
struct LinkIdentity {
  IdentityKind kind = IdentityKind::web_visitor;
  std::string value;
  bool verified = false;
  Timestamp at;
  std::optional<MergeCustomers> absorbs = std::nullopt;
  bool operator==(const LinkIdentity&) const = default;
};
struct UnlinkIdentity {
  IdentityKind kind = IdentityKind::web_visitor;
  std::string value;
  Timestamp at;
  bool operator==(const UnlinkIdentity&) const = default;
};
struct UnmergeCustomers {
  std::string survivor_id;
  std::string absorbed_id;
  Timestamp at;
  bool operator==(const UnmergeCustomers&) const = default;
};
struct RecordConversation {
  std::string conversation_id;
  Channel channel = Channel::web;
  Timestamp at;
  bool operator==(const RecordConversation&) const = default;
};
struct RecordTicket {
  std::string ticket_id;
  Channel channel = Channel::web;
  Timestamp at;
  bool operator==(const RecordTicket&) const = default;
};
// The agent who last served the customer, for sticky routing.
struct RecordLastAgent {
  std::string agent_id;
  std::string conversation_id;
  Timestamp at;
  bool operator==(const RecordLastAgent&) const = default;
};
// Replaces the profile (a sync from the shop) and re-evaluates the tier with `rules`.
struct UpdateProfile {
  Profile profile;
  TierRules rules;
  Timestamp at;
  bool operator==(const UpdateProfile&) const = default;
};
// Sent by the tier timer (next_tier_review) or after the rules changed.
struct EvaluateTier {
  TierRules rules;
  Timestamp at;
  bool operator==(const EvaluateTier&) const = default;
};

using Command =
    std::variant<RegisterCustomer, LinkIdentity, UnlinkIdentity, MergeCustomers, UnmergeCustomers,
                 RecordConversation, RecordTicket, RecordLastAgent, UpdateProfile, EvaluateTier>;

// ---- events ---------------------------------------------------------------------------------
struct CustomerRegistered {
  std::string customer_id;
  Profile profile;
  Timestamp at;
  bool operator==(const CustomerRegistered&) const = default;
};
struct IdentityLinked {
  Identity identity;  // normalized; linked_at is the event time
  bool operator==(const IdentityLinked&) const = default;
};
struct IdentityUnlinked {
  IdentityKind kind = IdentityKind::web_visitor;
  std::string value;
  Timestamp at;
  bool operator==(const IdentityUnlinked&) const = default;
};
// The same event is recorded by both customers; each applies its own side.
struct CustomersMerged {
  std::string survivor_id;
  std::string absorbed_id;
  MergeReason reason = MergeReason::verified_identity;
  Timestamp at;
  bool operator==(const CustomersMerged&) const = default;
};
struct CustomerUnmerged {
  std::string survivor_id;
  std::string absorbed_id;
  Timestamp at;
  bool operator==(const CustomerUnmerged&) const = default;
};
struct ConversationStarted {
  std::string conversation_id;
  Channel channel = Channel::web;
  Timestamp at;
  bool operator==(const ConversationStarted&) const = default;
};
struct TicketOpened {
  std::string ticket_id;
  Channel channel = Channel::web;
  Timestamp at;
  bool operator==(const TicketOpened&) const = default;
};
struct LastAgentRecorded {
  LastAgent last_agent;
  bool operator==(const LastAgentRecorded&) const = default;
};
struct ProfileUpdated {
  Profile profile;
  Timestamp at;
  bool operator==(const ProfileUpdated&) const = default;
};
struct TierChanged {
  Tier from = Tier::new_customer;
  Tier to = Tier::new_customer;
  Timestamp at;
  bool operator==(const TierChanged&) const = default;
};

using Event = std::variant<CustomerRegistered, IdentityLinked, IdentityUnlinked, CustomersMerged,
                           CustomerUnmerged, ConversationStarted, TicketOpened, LastAgentRecorded,
                           ProfileUpdated, TierChanged>;

// ---- state ----------------------------------------------------------------------------------
struct State {
  bool registered = false;
  std::string customer_id;
  Timestamp registered_at;
  Profile profile;
  std::vector<Identity> identities;       // in link order, at most kIdentitiesMax
  std::optional<MergeLink> merged_into;   // set while this customer is absorbed by another
  std::vector<MergeLink> absorbed;        // customers merged into this one, in merge order
  std::vector<TimelineEntry> timeline;    // ordered by (started_at, kind, id), newest kept
  std::uint64_t conversations_total = 0;  // including entries dropped from `timeline`
  std::uint64_t tickets_total = 0;
  Tier tier = Tier::new_customer;
  Timestamp tier_since;
  std::optional<LastAgent> last_agent;
  bool operator==(const State&) const = default;
};
// Whether `customer_id` is merged into this customer.
bool has_absorbed(const State& state, std::string_view customer_id);

enum class Rejection : std::uint8_t {
  not_registered = 1,
  already_registered,
  invalid_field,
  merged,  // this customer was absorbed: send to the survivor (the detail names it)
  already_linked,
  not_linked,
  too_many_identities,
  not_party,  // a merge/unmerge that names neither this customer's side
  self_merge,
  already_merged,
  not_merged,
  too_many_absorbed,
  already_recorded,
  stale,  // older than what is recorded
};
std::string_view to_string(Rejection rejection);

}  // namespace sb::customer
