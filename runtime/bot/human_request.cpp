#include "runtime/bot/human_request.hpp"

#include <array>

#include "runtime/bot/negation.hpp"
#include "runtime/bot/text_folding.hpp"

namespace sb::bot {
namespace {

// "人工" covers 转人工, 人工客服, 找人工, 要人工, 人工服务.
constexpr std::array<std::string_view, 18> kPhrases{
    "人工",           "真人",         "活人",
    "客服人员",       "工作人员",     "客服本人",
    "接线员",         "human",        "humans",
    "agent",          "agents",       "real person",
    "representative", "operator",     "live person",
    "live chat",      "someone real", "customer service rep"};

// Turning the bot down asks for a person too; here the negation is the request itself.
constexpr std::array<std::string_view, 9> kBotRefusals{
    "不要机器人", "不想跟机器人", "不想和机器人", "别用机器人",  "不跟机器人",
    "no bot",     "no bots",      "not a bot",    "stop the bot"};

// Phrases that contain a request word but mean something else.
constexpr std::array<std::string_view, 3> kNotRequests{"人工智能", "human resources", "user agent"};

bool inside_not_request(std::string_view folded, std::size_t at) {
  for (const auto other : kNotRequests) {
    for (std::size_t o = folded.find(other); o != std::string_view::npos;
         o = folded.find(other, o + 1)) {
      if (o <= at && at < o + other.size()) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> find_human_request(std::string_view text) {
  const std::string folded = fold_text(text);
  for (const auto refusal : kBotRefusals) {
    if (find_phrase(folded, refusal) != std::string::npos) return std::string(refusal);
  }
  for (const auto phrase : kPhrases) {
    for (std::size_t at = find_phrase(folded, phrase); at != std::string::npos;
         at = find_phrase(folded, phrase, at + 1)) {
      if (inside_not_request(folded, at) || negated_before(folded, at)) continue;
      return std::string(phrase);
    }
  }
  return std::nullopt;
}

}  // namespace sb::bot
