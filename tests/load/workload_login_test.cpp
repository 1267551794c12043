// Which generated customers send a verified shop login: all of them by default (one history
// across channels), none with --login 0, and about the share asked otherwise, decided once per
// customer so a customer's messages agree.

#include "runtime/load/workload.hpp"

#include <map>

#include <gtest/gtest.h>

#include "runtime/bot/kb_jsonl.hpp"

namespace sb::load {
namespace {

const std::string kKb = std::string(SB_SOURCE_DIR) + "/config/kb/default_kb.jsonl";

// channel user -> whether each of its messages carried an account id (all the same, or -1)
std::map<std::string, int> logins_of(double login_share) {
  auto kb = bot::load_knowledge_base(kKb);
  EXPECT_TRUE(kb);
  QuestionMix mix(*kb);
  LoadOptions options;
  options.login_share = login_share;
  options.returning_share = 0.3;
  Workload workload(options, mix, "t");
  std::map<std::string, int> logins;
  const auto now = Clock::now();
  for (int i = 0; i < 2'000; ++i) {
    const auto planned = workload.next(now);
    const int logged_in = planned.message.account_id.empty() ? 0 : 1;
    auto [it, first] = logins.emplace(planned.message.channel_user_id, logged_in);
    if (!first && it->second != logged_in) it->second = -1;
    workload.answered(planned.session, now, false);
  }
  return logins;
}

int count(const std::map<std::string, int>& logins, int value) {
  int n = 0;
  for (const auto& [user, logged_in] : logins) n += logged_in == value ? 1 : 0;
  return n;
}

TEST(WorkloadLogin, EveryCustomerLogsInByDefault) {
  const auto logins = logins_of(LoadOptions{}.login_share);
  EXPECT_EQ(count(logins, 1), static_cast<int>(logins.size()));
}

TEST(WorkloadLogin, NoneWithAZeroShare) {
  const auto logins = logins_of(0);
  EXPECT_EQ(count(logins, 0), static_cast<int>(logins.size()));
}

TEST(WorkloadLogin, AShareIsDecidedOncePerCustomer) {
  const auto logins = logins_of(0.5);
  EXPECT_EQ(count(logins, -1), 0) << "a customer's messages either all carry the login or none";
  const double share = static_cast<double>(count(logins, 1)) / static_cast<double>(logins.size());
  EXPECT_NEAR(share, 0.5, 0.1);
}

}  // namespace
}  // namespace sb::load
