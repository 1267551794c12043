#include "runtime/rpc/token_auth.hpp"

#include <array>

namespace sb::rpc {
namespace {

constexpr std::size_t kSha256HexDigits = 64;

bool is_lower_hex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "channel") return Role::channel;
  if (name == "agent") return Role::agent;
  if (name == "admin") return Role::admin;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Role role) {
  switch (role) {
    case Role::channel:
      return "channel";
    case Role::agent:
      return "agent";
    case Role::admin:
      return "admin";
  }
  return "unknown";
}

std::optional<Channel> TokenGrant::channel() const {
  if (role != Role::channel || subject.empty()) return std::nullopt;
  return parse_channel(subject);
}

Expected<TokenGrant, std::string> parse_token_grant(std::string_view spec) {
  const auto first = spec.find(':');
  const auto second = first == std::string_view::npos ? first : spec.find(':', first + 1);
  if (second == std::string_view::npos) {
    return unexpected(std::string("a token grant is role:subject:sha256hex"));
  }
  TokenGrant grant;
  const auto role = parse_role(spec.substr(0, first));
  if (!role) return unexpected(std::string("a token role is channel, agent or admin"));
  grant.role = *role;
  grant.subject = std::string(spec.substr(first + 1, second - first - 1));
  grant.token_sha256_hex = std::string(spec.substr(second + 1));
  if (grant.token_sha256_hex.size() != kSha256HexDigits || !is_lower_hex(grant.token_sha256_hex)) {
    return unexpected(
        std::string("a token hash is 64 lowercase hex digits (sha256sum of the token)"));
  }
  if (grant.role == Role::agent && grant.subject.empty()) {
    return unexpected(std::string("an agent token names its agent id: agent:<id>:<hash>"));
  }
  if (grant.role == Role::channel && !grant.subject.empty() && !grant.channel()) {
    return unexpected("unknown channel '" + grant.subject + "' in a channel token");
  }
  return grant;
}

TokenTable::TokenTable(std::vector<TokenGrant> grants) {
  for (auto& grant : grants) {
    auto hash = grant.token_sha256_hex;
    by_hash_.insert_or_assign(std::move(hash), std::move(grant));
  }
}

std::optional<TokenGrant> TokenTable::find(std::string_view token) const {
  // Only the hash is compared, so lookup time does not depend on how much of the token matched.
  auto it = by_hash_.find(sha256_hex(token));
  if (it == by_hash_.end()) return std::nullopt;
  return it->second;
}

}  // namespace sb::rpc
