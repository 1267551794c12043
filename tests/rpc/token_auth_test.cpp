#include "runtime/rpc/token_auth.hpp"

#include <gtest/gtest.h>

namespace sb::rpc {
namespace {

TEST(TokenAuth, Sha256HexMatchesTheStandardVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(TokenAuth, ParsesGrants) {
  const std::string hash = sha256_hex("secret");
  auto agent = parse_token_grant("agent:alice:" + hash);
  ASSERT_TRUE(agent) << agent.error();
  EXPECT_EQ(agent->role, Role::agent);
  EXPECT_EQ(agent->subject, "alice");
  auto channel = parse_token_grant("channel:web:" + hash);
  ASSERT_TRUE(channel);
  EXPECT_EQ(channel->channel(), Channel::web);
  auto any = parse_token_grant("channel::" + hash);
  ASSERT_TRUE(any);
  EXPECT_FALSE(any->channel().has_value());
  EXPECT_TRUE(parse_token_grant("admin::" + hash));
}

TEST(TokenAuth, RejectsBadGrants) {
  const std::string hash = sha256_hex("secret");
  EXPECT_FALSE(parse_token_grant("agent::" + hash));       // no agent id
  EXPECT_FALSE(parse_token_grant("channel:fax:" + hash));  // unknown channel
  EXPECT_FALSE(parse_token_grant("root::" + hash));        // unknown role
  EXPECT_FALSE(parse_token_grant("admin::secret"));        // a token, not its hash
  EXPECT_FALSE(parse_token_grant("admin"));
}

TEST(TokenAuth, FindsTokensByHashOnly) {
  TokenTable table({{Role::agent, "alice", sha256_hex("alice-token")}});
  auto grant = table.find("alice-token");
  ASSERT_TRUE(grant);
  EXPECT_EQ(grant->subject, "alice");
  EXPECT_FALSE(table.find("alice-token "));
  EXPECT_FALSE(table.find(sha256_hex("alice-token")));
}

}  // namespace
}  // namespace sb::rpc
