#pragma once
// Sample orders written for the tests (the shipped file's contents may change).

#include <string_view>

namespace sb::bot::testing {

inline constexpr std::string_view kTestOrders = R"jsonl(# order_no, status, refund
{"order_no":"SB2026111101","customer_phone":"13800138000","status":"shipped","status_text":{"zh":"已发货","en":"shipped"},"items":["智能手表 S3 / Smart Watch S3"],"carrier":"SF Express","tracking_no":"SF1234567890","last_scan":{"zh":"【深圳】已到达转运中心","en":"Arrived at Shenzhen hub"},"eta":"2026-11-26","refund":null}
{"order_no":"SB2026111102","customer_phone":"13900139000","status":"refunding","status_text":{"zh":"退款中","en":"refunding"},"items":["无线耳机 E5 / Wireless Earbuds E5","智能插座 P1 / Smart Plug P1"],"carrier":null,"tracking_no":null,"last_scan":null,"eta":null,"refund":{"status":"processing","amount":"199.00","eta":"2026-11-28"}}
)jsonl";

}  // namespace sb::bot::testing
