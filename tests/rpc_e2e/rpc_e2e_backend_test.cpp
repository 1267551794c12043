// The integrator's business backend over RPC, on the real node: registered through Admin, it
// answers the bot's order lookups (the shipped sample backend does while none is registered);
// one that cannot answer, or answers too late, hands the customer to a person; when its
// connection goes, the sample backend answers again.

#include <atomic>
#include <mutex>
#include <thread>

#include "runtime/bot/business_backend.hpp"
#include "tests/rpc_e2e/e2e_fixture.hpp"

namespace sb::e2e {
namespace {

constexpr char kIntegratorOrder[] = "SB2026119999";  // not in the shipped sample orders
constexpr char kIntegratorStatus[] = "已到达您所在城市的配送站";

enum class Behaviour { answer, unavailable, slow };

// The integrator's order system, as a test double that records what it was asked.
class IntegratorOrders final : public bot::BusinessBackend {
 public:
  explicit IntegratorOrders(Behaviour behaviour) : behaviour_(behaviour) {}

  bot::BackendResult order_status(std::string_view order_no,
                                  bot::Language language) const override {
    {
      std::lock_guard lock(mutex_);
      asked_.emplace_back(order_no);
      languages_.push_back(language);
    }
    if (behaviour_ == Behaviour::slow) std::this_thread::sleep_for(std::chrono::milliseconds(2600));
    if (behaviour_ == Behaviour::unavailable) {
      return unexpected(bot::BackendError{bot::BackendErrorCode::unavailable, "maintenance"});
    }
    if (order_no != kIntegratorOrder) {
      return unexpected(bot::BackendError{bot::BackendErrorCode::not_found, "no such order"});
    }
    bot::BackendAnswer answer;
    answer.fields = {{"status", "shipped"},
                     {"status_text", kIntegratorStatus},
                     {"eta", "2026-12-01"},
                     {"items", "智能手表 S3"}};
    return answer;
  }
  bot::BackendResult logistics(std::string_view order_no, bot::Language language) const override {
    return order_status(order_no, language);
  }
  bot::BackendResult refund_status(std::string_view order_no,
                                   bot::Language language) const override {
    return order_status(order_no, language);
  }
  bot::BackendResult ticket_status(std::string_view, bot::Language) const override {
    return unexpected(bot::BackendError{bot::BackendErrorCode::not_found, "no tickets here"});
  }

  std::vector<std::string> asked() const {
    std::lock_guard lock(mutex_);
    return asked_;
  }
  std::vector<bot::Language> languages() const {
    std::lock_guard lock(mutex_);
    return languages_;
  }

 private:
  Behaviour behaviour_;
  mutable std::mutex mutex_;
  mutable std::vector<std::string> asked_;
  mutable std::vector<bot::Language> languages_;
};

class RpcE2eBackend : public RpcE2eTest {
 protected:
  void SetUp() override { start_server(); }

  std::unique_ptr<rpc::Client> integrator(std::shared_ptr<IntegratorOrders> orders) {
    auto client = connect_as(kAdminToken);
    if (!client) return nullptr;
    auto registered = client->register_business_backend(std::move(orders));
    EXPECT_TRUE(registered) << registered.error().message;
    return client;
  }

  rpc::Outcome<service::DeliverResult> ask(rpc::Client& channel, const std::string& user,
                                           const std::string& order) {
    return channel.deliver(inbound(Channel::web, user, "m-1", "我的订单" + order + "到哪了"));
  }

  // A customer asks about the integrator's order while a backend that behaves so is registered.
  rpc::Outcome<service::DeliverResult> ask_with(std::shared_ptr<IntegratorOrders> orders,
                                                const std::string& user) {
    auto channel = channel_client();
    auto backend = integrator(std::move(orders));
    if (!channel || !backend) {
      return unexpected(service::ServiceError{service::ErrorCode::internal, "no clients", {}});
    }
    return ask(*channel, user, kIntegratorOrder);
  }
};

TEST_F(RpcE2eBackend, TheBotAsksTheIntegratorsBackendAndAnswersFromIt) {
  auto channel = channel_client();
  ASSERT_TRUE(channel);
  // Before any registration the sample backend answers: it does not know this order.
  auto before = ask(*channel, "visitor-1", kIntegratorOrder);
  ASSERT_TRUE(before && before->bot_reply) << (before ? "no bot reply" : before.error().message);
  EXPECT_EQ(before->bot_reply->text.find(kIntegratorStatus), std::string::npos);

  auto orders = std::make_shared<IntegratorOrders>(Behaviour::answer);
  auto backend = integrator(orders);
  ASSERT_TRUE(backend);
  auto answered = ask(*channel, "visitor-2", kIntegratorOrder);
  ASSERT_TRUE(answered && answered->bot_reply)
      << (answered ? "no bot reply" : answered.error().message);
  EXPECT_NE(answered->bot_reply->text.find(kIntegratorStatus), std::string::npos)
      << answered->bot_reply->text;
  EXPECT_FALSE(answered->handed_off);
  ASSERT_EQ(orders->asked(), std::vector<std::string>{kIntegratorOrder});
  EXPECT_EQ(orders->languages(), std::vector<bot::Language>{bot::Language::zh});

  // The integrator goes away: the sample backend answers again (it knows SB2026111101).
  backend.reset();
  bool sample_again = false;
  for (int attempt = 0; attempt < 100 && !sample_again; ++attempt) {
    auto reply = ask(*channel, "visitor-3-" + std::to_string(attempt), "SB2026111101");
    sample_again =
        reply && reply->bot_reply && reply->bot_reply->text.find("已发货") != std::string::npos;
    if (!sample_again) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(sample_again) << "the sample backend did not take over after the integrator left";
  EXPECT_EQ(orders->asked().size(), 1u);
}

TEST_F(RpcE2eBackend, ABackendThatCannotAnswerHandsTheCustomerToAPerson) {
  auto orders = std::make_shared<IntegratorOrders>(Behaviour::unavailable);
  auto result = ask_with(orders, "visitor-4");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_TRUE(result->handed_off);
  EXPECT_EQ(orders->asked().size(), 1u);
}

TEST_F(RpcE2eBackend, ABackendThatAnswersTooLateHandsTheCustomerToAPerson) {
  // It would answer (after 2.6 s, past the 2 s the bot waits): the customer goes to a person.
  auto result = ask_with(std::make_shared<IntegratorOrders>(Behaviour::slow), "visitor-5");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_TRUE(result->handed_off);
  if (result->bot_reply) {
    EXPECT_EQ(result->bot_reply->text.find(kIntegratorStatus), std::string::npos);
  }
}

}  // namespace
}  // namespace sb::e2e
