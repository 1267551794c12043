#pragma once
// A small knowledge base written for the tests, so they don't depend on the shipped KB's wording.

#include <string_view>

namespace sb::bot::testing {

inline constexpr std::string_view kTestKb = R"jsonl(# a comment line, then a blank line

{"intent":"greeting","skill":"general","human_only":false,"priority":"low","examples":{"zh":["你好","您好","在吗","哈喽"],"en":["hello","hi","hi there","good morning"]},"answer":{"zh":"您好，我是智能客服，请问有什么可以帮您？","en":"Hello! How can I help you today?"},"slots":[]}
{"intent":"thanks","skill":"general","human_only":false,"priority":"low","examples":{"zh":["谢谢","多谢","谢谢你的帮助","好的谢谢"],"en":["thanks","thank you","thanks a lot","thank you for your help"]},"answer":{"zh":"不客气，祝您生活愉快！","en":"You're welcome, have a nice day!"},"slots":[]}
{"intent":"order_status","skill":"orders","human_only":false,"priority":"normal","examples":{"zh":["我的订单到哪了","查一下订单状态","订单状态","我的订单发货了吗","帮我查订单"],"en":["where is my order","check my order status","order status","has my order shipped","track my order please"]},"answer":{"zh":"订单 {order_no} 当前状态：{status_text}，预计 {eta} 送达。","en":"Order {order_no} is {status_text}, expected on {eta}."},"slots":[{"name":"order_no","type":"order_number","required":true,"prompt":{"zh":"请提供您的订单号（例如 SB2026111101）。","en":"Could you give me your order number (e.g. SB2026111101)?"}}],"action":"order_status"}
{"intent":"refund_status","skill":"returns_refunds","human_only":false,"priority":"normal","examples":{"zh":["退款进度","我的退款怎么样了","退款到哪一步了","查一下退款","退款处理了吗"],"en":["refund status","where is my refund","check my refund","has my refund been processed","refund progress"]},"answer":{"zh":"订单 {order_no} 的退款状态：{refund_status}，金额 {refund_amount} 元。","en":"The refund for order {order_no} is {refund_status}, amount {refund_amount}."},"slots":[{"name":"order_no","type":"order_number","required":true,"prompt":{"zh":"请提供需要查询退款的订单号。","en":"Which order number is the refund for?"}}],"action":"refund_status","follow_up":["refund_timing"]}
{"intent":"refund_timing","skill":"returns_refunds","human_only":false,"priority":"normal","examples":{"zh":["多久到账","退款什么时候到账","钱什么时候退回来","几天能到账","到账时间"],"en":["when will I get the money","how long until the refund arrives","when does the money come back","how many days for the refund","refund arrival time"]},"answer":{"zh":"订单 {order_no} 的退款预计 {refund_eta} 前到账。","en":"The refund for order {order_no} should arrive by {refund_eta}."},"slots":[{"name":"order_no","type":"order_number","required":true,"prompt":{"zh":"请提供需要查询退款的订单号。","en":"Which order number is the refund for?"}}],"action":"refund_status"}
{"intent":"battery_life","skill":"technical","human_only":false,"priority":"normal","examples":{"zh":["手表电池不耐用","电池掉电太快","续航太短","手表一天就没电"],"en":["battery drains fast","watch battery life is short","battery does not last","my watch dies quickly"]},"answer":{"zh":"延长续航：关闭常亮显示、降低亮度、减少心率监测频率。","en":"To save battery: turn off always-on display, lower brightness and reduce heart-rate sampling."},"slots":[]}
{"intent":"complaint","skill":"general","human_only":true,"priority":"high","examples":{"zh":["我要投诉","投诉你们的服务","我要举报","我要投诉快递员"],"en":["I want to file a complaint","complaint about your service","I want to report this","file a formal complaint"]},"answer":{"zh":"已为您转接人工客服处理投诉。","en":"I'm passing your complaint to a colleague."},"slots":[]}
)jsonl";

}  // namespace sb::bot::testing
