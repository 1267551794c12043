#pragma once
// Channel identities: normalization (so the same phone or email always maps to the same index
// key) and the identity index key. Pure.

#include <string>
#include <string_view>

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

// The customer's identity of `kind` with `value`, or nullptr.
const Identity* find_identity(const State& state, IdentityKind kind, std::string_view value);

}  // namespace sb::customer
