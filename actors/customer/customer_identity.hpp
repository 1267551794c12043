#pragma once
// Channel identities: normalization (so the same phone or email always maps to the same index
// key) and the identity index key. Pure.

#include <string>
#include <string_view>

#include "actors/common/channel.hpp"
#include "actors/common/expected.hpp"
#include "actors/customer/customer_model.hpp"

namespace sb::customer {

// The canonical form of `value` for `kind`, or why it is not a valid identifier.
// Phones keep a leading '+' and digits (spaces, dashes, dots and parentheses are dropped);
// emails are lower-cased (ASCII) and must contain one '@' with text on both sides; other kinds
// are taken as they are.
Expected<std::string, std::string> normalize_identity(IdentityKind kind, std::string_view value);

// The identity index key, e.g. "phone:+8613800000000". REQUIRES: value is normalized.
std::string identity_key(IdentityKind kind, std::string_view value);

// The identity a channel's user id is on that channel (an SMS number is a phone).
IdentityKind identity_kind_of(Channel channel);

// Customer ids: a shop account the channel verified names the customer ("acct:<id>"); without
// one, the channel identity does until a verified contact joins it to an account's customer:
// "<channel>:<user>", except that a phone number or email address is its normalized identity
// key ("phone:+8613800138000" for calls and SMS alike, "email:a@b.c" in any case).
std::string account_customer_id(std::string_view account_id);
std::string anonymous_customer_id(Channel channel, std::string_view channel_user_id);

// The customer's identity of `kind` with `value`, or nullptr.
const Identity* find_identity(const State& state, IdentityKind kind, std::string_view value);

}  // namespace sb::customer
