#include "runtime/bot/slot_extractor.hpp"

#include <gtest/gtest.h>

#include "runtime/bot/language.hpp"

namespace sb::bot {
namespace {

std::string valid_value(SlotType type, std::string_view text, bool awaited = false) {
  const SlotExtraction got = extract_slot(type, text, awaited);
  EXPECT_EQ(got.status, SlotStatus::valid) << text;
  return got.value;
}

SlotStatus status_of(SlotType type, std::string_view text, bool awaited = false) {
  return extract_slot(type, text, awaited).status;
}

TEST(SlotExtractor, OrderNumberInBothLanguages) {
  EXPECT_EQ(valid_value(SlotType::order_number, "我的订单号是SB2026111101"), "SB2026111101");
  EXPECT_EQ(valid_value(SlotType::order_number, "order sb2026111101 please"), "SB2026111101");
  EXPECT_EQ(valid_value(SlotType::order_number, "ＳＢ２０２６１１１１０１"), "SB2026111101");
  EXPECT_EQ(valid_value(SlotType::order_number, "订单 SB-2026111101 到哪了"), "SB2026111101");
  EXPECT_EQ(valid_value(SlotType::order_number, "订单号：SB 2026111101。"), "SB2026111101");
}

TEST(SlotExtractor, BareDigitsCountOnlyWhenTheOrderNumberWasAskedFor) {
  EXPECT_EQ(status_of(SlotType::order_number, "2026111101"), SlotStatus::absent);
  EXPECT_EQ(valid_value(SlotType::order_number, "2026111101", true), "SB2026111101");
  // A tracking number glued to letters is not an order number.
  EXPECT_EQ(status_of(SlotType::order_number, "SF2026111101", true), SlotStatus::absent);
}

TEST(SlotExtractor, WrongOrderNumberSaysWhy) {
  const SlotExtraction short_one = extract_slot(SlotType::order_number, "订单号SB20261111", false);
  ASSERT_EQ(short_one.status, SlotStatus::invalid);
  EXPECT_NE(short_one.problem.zh.find("订单号格式不对"), std::string::npos);
  EXPECT_NE(short_one.problem.en.find("wrong format"), std::string::npos);
  EXPECT_EQ(status_of(SlotType::order_number, "SB202611110123"), SlotStatus::invalid);
  EXPECT_EQ(status_of(SlotType::order_number, "是12345", true), SlotStatus::invalid);
  EXPECT_EQ(status_of(SlotType::order_number, "我要退款"), SlotStatus::absent);
  EXPECT_EQ(status_of(SlotType::order_number, "my usb2026111101 cable"), SlotStatus::absent);
}

TEST(SlotExtractor, Phones) {
  EXPECT_EQ(valid_value(SlotType::phone, "手机 13800138000"), "13800138000");
  EXPECT_EQ(valid_value(SlotType::phone, "call me on 138 0013 8000"), "13800138000");
  EXPECT_EQ(valid_value(SlotType::phone, "138-0013-8000"), "13800138000");
  EXPECT_EQ(valid_value(SlotType::phone, "+86 138 0013 8000"), "+8613800138000");
  EXPECT_EQ(valid_value(SlotType::phone, "+852 9123 4567"), "+85291234567");
  EXPECT_EQ(valid_value(SlotType::phone, "+86 (138) 0013-8000"), "+8613800138000");
  EXPECT_EQ(valid_value(SlotType::phone, "１３８００１３８０００"), "13800138000");
  const SlotExtraction bad = extract_slot(SlotType::phone, "12345678", true);
  ASSERT_EQ(bad.status, SlotStatus::invalid);
  EXPECT_NE(bad.problem.zh.find("手机号格式不对"), std::string::npos);
  EXPECT_EQ(status_of(SlotType::phone, "+12 34"), SlotStatus::invalid);
  // Order digits and amounts are not phone attempts unless a phone was asked for.
  EXPECT_EQ(status_of(SlotType::phone, "SB2026111101"), SlotStatus::absent);
  EXPECT_EQ(status_of(SlotType::phone, "退 199 元"), SlotStatus::absent);
  EXPECT_EQ(status_of(SlotType::phone, "12800138000", true), SlotStatus::invalid);
}

TEST(SlotExtractor, Emails) {
  EXPECT_EQ(valid_value(SlotType::email, "邮箱是 Li.Lei@Example.com。"), "li.lei@example.com");
  EXPECT_EQ(valid_value(SlotType::email, "mail me: a+b@shop.co.uk"), "a+b@shop.co.uk");
  EXPECT_EQ(status_of(SlotType::email, "lilei@example", true), SlotStatus::invalid);
  EXPECT_EQ(status_of(SlotType::email, "@客服 你好"), SlotStatus::absent);
}

TEST(SlotExtractor, ProductsByNameOrAlias) {
  EXPECT_EQ(valid_value(SlotType::product, "我的智能手表S3充不进电"), "watch_s3");
  EXPECT_EQ(valid_value(SlotType::product, "my Smart Watch S3 won't charge"), "watch_s3");
  EXPECT_EQ(valid_value(SlotType::product, "耳机连不上"), "earbuds_e5");
  EXPECT_EQ(valid_value(SlotType::product, "the earbuds keep disconnecting"), "earbuds_e5");
  EXPECT_EQ(valid_value(SlotType::product, "S3 Pro黑色什么时候补货"), "watch_s3_pro");
  EXPECT_EQ(valid_value(SlotType::product, "does this strap fit the S3"), "watch_strap");
  EXPECT_EQ(valid_value(SlotType::product, "儿童手表有货吗"), "kids_watch_k2");
  EXPECT_EQ(status_of(SlotType::product, "my account is locked"), SlotStatus::absent);
  EXPECT_EQ(status_of(SlotType::product, "我的手机号换了"), SlotStatus::absent);
  EXPECT_EQ(display_slot_value(SlotType::product, "watch_s3", Language::zh), "智能手表 S3");
  EXPECT_EQ(display_slot_value(SlotType::product, "watch_s3", Language::en), "Smart Watch S3");
}

TEST(SlotExtractor, TicketIds) {
  EXPECT_EQ(valid_value(SlotType::ticket_id, "工单 TK-10086 怎么样了"), "TK-10086");
  EXPECT_EQ(valid_value(SlotType::ticket_id, "ticket tk10086"), "TK-10086");
  EXPECT_EQ(status_of(SlotType::ticket_id, "TK-"), SlotStatus::invalid);
  EXPECT_EQ(status_of(SlotType::ticket_id, "10086", true), SlotStatus::invalid);
  EXPECT_EQ(status_of(SlotType::ticket_id, "10086"), SlotStatus::absent);
}

TEST(SlotExtractor, ResidueTellsASlotAnswerFromAQuestion) {
  const auto residue = [](std::string_view text) {
    return residue_tokens(text, extract_slot(SlotType::order_number, text, true));
  };
  EXPECT_EQ(residue("SB2026111101"), 0u);
  EXPECT_EQ(residue("我的订单号是SB2026111101"), 0u);
  EXPECT_EQ(residue("my order number is SB2026111101"), 0u);
  EXPECT_GE(residue("SB2026111101 这个订单能不能改地址"), 4u);
}

TEST(SlotExtractor, CanonicalOrderNumbers) {
  EXPECT_TRUE(is_valid_order_number("SB2026111101"));
  EXPECT_FALSE(is_valid_order_number("sb2026111101"));
  EXPECT_FALSE(is_valid_order_number("SB202611110"));
  EXPECT_FALSE(is_valid_order_number("SB2026111101 "));
}

}  // namespace
}  // namespace sb::bot
