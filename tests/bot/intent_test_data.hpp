#pragma once
// Small labelled samples (English and Chinese) and temporary files for the classifier tests.

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "runtime/bot/intent_classifier.hpp"

namespace sb::bot::intent_test {

inline std::vector<LabeledUtterance> shop_sample() {
  const std::vector<std::pair<std::string, std::vector<std::string>>> by_intent{
      {"refund",
       {"I want a refund", "how do I get my money back", "refund my order please",
        "can I return this and get a refund", "the refund has not arrived", "我要退款",
        "怎么申请退款", "退款什么时候到账", "我想退货退款", "钱什么时候退回来"}},
      {"order_status",
       {"where is my order", "track my package", "when will my order arrive",
        "has my parcel shipped yet", "my delivery is late", "我的订单到哪了", "查一下物流",
        "快递什么时候到", "订单状态", "包裹发货了吗"}},
      {"human_agent",
       {"let me talk to a human", "I want to speak to an agent", "connect me to customer service",
        "a real person please", "transfer me to a human", "转人工", "我要人工客服", "找客服",
        "人工服务", "帮我转接人工"}},
      {"change_address",
       {"change my delivery address", "update the shipping address", "I moved, new address",
        "wrong address on my order", "ship it to a different address", "修改收货地址", "地址填错了",
        "换个地址", "更改配送地址", "收货地址要改一下"}},
      {"greeting",
       {"hello", "hi there", "good morning", "hey", "good evening", "你好", "在吗", "您好",
        "早上好", "晚上好"}},
      {"oos",
       {"what is the weather tomorrow", "tell me a joke", "who won the football game",
        "play some music", "今天天气怎么样", "讲个笑话", "明天会下雨吗", "推荐一部电影"}},
  };
  std::vector<LabeledUtterance> out;
  for (const auto& [intent, texts] : by_intent) {
    for (const auto& text : texts) out.push_back(LabeledUtterance{text, intent});
  }
  return out;
}

// A file under the test's temporary directory, removed with it.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("sb_bot_" + std::string(info->test_suite_name()) + "_" + info->name() + "_" +
             std::to_string(::getpid()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string write(const std::string& name, const std::string& content) const {
    const auto file = path_ / name;
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string to_jsonl(const std::vector<LabeledUtterance>& examples) {
  std::string out;
  for (const auto& e : examples) {
    out += nlohmann::json{{"text", e.text}, {"intent", e.intent}}.dump() + "\n";
  }
  return out;
}

}  // namespace sb::bot::intent_test
