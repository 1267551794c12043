#include "runtime/bot/sample_backend.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "tests/bot/test_orders.hpp"

namespace sb::bot {
namespace {

using testing::kTestOrders;

SampleBackend backend() {
  auto parsed = SampleBackend::parse(kTestOrders);
  EXPECT_TRUE(parsed) << parsed.error().to_string();
  return std::move(parsed).value();
}

TEST(SampleBackend, AnswersOrderStatusInBothLanguages) {
  const SampleBackend orders = backend();
  EXPECT_EQ(orders.order_count(), 2u);
  const BackendResult zh = orders.order_status("SB2026111101", Language::zh);
  ASSERT_TRUE(zh);
  EXPECT_EQ(zh->fields.at("status"), "shipped");
  EXPECT_EQ(zh->fields.at("status_text"), "已发货");
  EXPECT_EQ(zh->fields.at("eta"), "2026-11-26");
  EXPECT_EQ(zh->fields.at("items"), "智能手表 S3");
  const BackendResult en = orders.order_status("SB2026111102", Language::en);
  ASSERT_TRUE(en);
  EXPECT_EQ(en->fields.at("items"), "Wireless Earbuds E5, Smart Plug P1");
  EXPECT_EQ(en->fields.at("eta"), "not available yet");
}

TEST(SampleBackend, LogisticsAndRefunds) {
  const SampleBackend orders = backend();
  const BackendResult shipped = orders.logistics("SB2026111101", Language::zh);
  ASSERT_TRUE(shipped);
  EXPECT_EQ(shipped->fields.at("carrier"), "SF Express");
  EXPECT_EQ(shipped->fields.at("last_scan"), "【深圳】已到达转运中心");
  const BackendResult refund = orders.refund_status("SB2026111102", Language::zh);
  ASSERT_TRUE(refund);
  EXPECT_EQ(refund->fields.at("refund_status"), "处理中");
  EXPECT_EQ(refund->fields.at("refund_amount"), "199.00");
  EXPECT_EQ(refund->fields.at("refund_eta"), "2026-11-28");
}

TEST(SampleBackend, UnknownThingsAreNotFound) {
  const SampleBackend orders = backend();
  const auto code = [](const BackendResult& r) { return r ? BackendErrorCode{} : r.error().code; };
  EXPECT_EQ(code(orders.order_status("SB2099999999", Language::zh)), BackendErrorCode::not_found);
  EXPECT_EQ(code(orders.refund_status("SB2026111101", Language::zh)), BackendErrorCode::not_found);
  EXPECT_EQ(code(orders.ticket_status("TK-1", Language::zh)), BackendErrorCode::not_found);
  const BackendQuery query{BackendAction::order_status, "SB2026111101", {}, Language::en};
  ASSERT_TRUE(perform_lookup(orders, query));
}

TEST(SampleBackend, ErrorsNameTheLine) {
  const std::string good(kTestOrders);
  const auto error_of = [&](std::string_view extra) {
    auto parsed = SampleBackend::parse(good + std::string(extra) + "\n");
    EXPECT_FALSE(parsed.has_value());
    return parsed ? LineError{} : parsed.error();
  };
  EXPECT_EQ(error_of("{oops").line, 4u);
  const std::string bad_number =
      R"({"order_no":"SB1","customer_phone":"1","status":"paid","status_text":{"zh":"a","en":"b"},"items":[]})";
  EXPECT_EQ(error_of(bad_number).to_string(),
            "line 4: order_no \"SB1\" is not SB followed by 10 digits");
  const std::string bad_status =
      R"({"order_no":"SB2026000001","customer_phone":"1","status":"lost","status_text":{"zh":"a","en":"b"},"items":[]})";
  EXPECT_EQ(error_of(bad_status).to_string(), "line 4: unknown status \"lost\"");
  const std::string duplicate =
      R"({"order_no":"SB2026111101","customer_phone":"1","status":"paid","status_text":{"zh":"a","en":"b"},"items":[]})";
  EXPECT_EQ(error_of(duplicate).to_string(), "line 4: duplicate order_no \"SB2026111101\"");
}

TEST(SampleBackend, ShippedFileLoadsWhenPresent) {
  const std::string path = std::string(SB_SOURCE_DIR) + "/config/kb/sample_orders.jsonl";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not written yet";
  auto orders = SampleBackend::load(path);
  ASSERT_TRUE(orders) << orders.error().to_string();
  EXPECT_GT(orders->order_count(), 0u);
}

}  // namespace
}  // namespace sb::bot
