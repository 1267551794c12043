#pragma once
// Tokens are configured as SHA-256 hashes, never in the clear, so a leaked config or log does not
// leak a credential. A token grants exactly one role, bound to a subject (agent id or channel).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/expected.hpp"
#include "runtime/digest.hpp"

namespace sb::rpc {

enum class Role : std::uint8_t { channel = 1, agent = 2, admin = 3 };
std::string_view to_string(Role role);

struct TokenGrant {
  Role role = Role::channel;
  // agent: the agent id (required). channel: the channel name, or empty for any channel.
  // admin: unused (empty).
  std::string subject;
  std::string token_sha256_hex;            // 64 lowercase hex digits
  std::optional<Channel> channel() const;  // the bound channel of a channel grant
};

// Token hashes are SHA-256 (runtime/digest.hpp).
using runtime::sha256_hex;

// Parses a config line "role:subject:sha256hex", e.g. "agent:alice:9f86d0...",
// "channel:web:...", "channel::..." (any channel), "admin::...".
Expected<TokenGrant, std::string> parse_token_grant(std::string_view spec);

// Looks tokens up by their hash. Immutable after construction, so any thread may read it.
class TokenTable {
 public:
  TokenTable() = default;
  explicit TokenTable(std::vector<TokenGrant> grants);

  // The grant for `token`, or nullopt for an unknown token. Never logs the token.
  std::optional<TokenGrant> find(std::string_view token) const;
  bool empty() const { return by_hash_.empty(); }

 private:
  std::unordered_map<std::string, TokenGrant> by_hash_;
};

}  // namespace sb::rpc
