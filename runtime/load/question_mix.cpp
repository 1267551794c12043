#include "runtime/load/question_mix.hpp"

#include <algorithm>

#include "runtime/bot/kb_jsonl.hpp"

namespace sb::load {
namespace {

// Intents that are not questions a peak is made of: kept out of the first-question mix.
constexpr std::string_view kClosingIntent = "thanks_goodbye";
constexpr std::string_view kHumanIntent = "ask_human";

// Lines no shop knowledge base answers; the bot should say so (and may hand off).
const std::vector<std::string> kOutOfScopeZh{
    "今天天气怎么样", "帮我写一首关于秋天的诗", "你们老板叫什么名字",   "推荐一部好看的电影",
    "一加一等于几",   "明天股票会涨吗",         "附近有什么好吃的餐厅", "帮我订一张去上海的机票",
    "你会唱歌吗",     "给我讲个笑话吧"};
const std::vector<std::string> kOutOfScopeEn{"what's the weather like today",
                                             "write me a poem about autumn",
                                             "who won the football match last night",
                                             "recommend a good movie",
                                             "what is the meaning of life",
                                             "will the stock market go up tomorrow",
                                             "book me a flight to Shanghai",
                                             "can you sing a song",
                                             "tell me a joke",
                                             "how tall is the eiffel tower"};
const std::vector<std::string> kHumanZh{"转人工", "人工客服", "我要找人工", "请帮我转人工客服",
                                        "不要机器人，给我真人"};
const std::vector<std::string> kHumanEn{"human please", "I want to talk to a person",
                                        "agent please", "let me speak to a real person",
                                        "transfer me to customer service"};

template <class T>
const T& any_of(std::mt19937_64& rng, const std::vector<T>& items) {
  std::uniform_int_distribution<std::size_t> index(0, items.size() - 1);
  return items[index(rng)];
}

bool chance(std::mt19937_64& rng, double share) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < share;
}

bool is_punctuation(const std::string& text, std::size_t i, std::size_t& length) {
  static const std::vector<std::string> kMarks{"，", "。", "？", "！", "、", "：", "；",
                                               ",",  ".",  "?",  "!",  ";",  ":"};
  for (const auto& mark : kMarks) {
    if (text.compare(i, mark.size(), mark) == 0) {
      length = mark.size();
      return true;
    }
  }
  return false;
}

}  // namespace

std::string_view to_string(QuestionKind kind) {
  switch (kind) {
    case QuestionKind::knowledge_base:
      return "knowledge_base";
    case QuestionKind::out_of_scope:
      return "out_of_scope";
    case QuestionKind::human_request:
      return "human_request";
  }
  return "unknown";
}

Expected<QuestionMix, std::string> QuestionMix::from_file(const std::string& kb_path) {
  auto kb = bot::load_knowledge_base(kb_path);
  if (!kb) return unexpected(kb_path + ": " + kb.error().to_string());
  QuestionMix mix(*kb);
  if (mix.intents() == 0) return unexpected(kb_path + ": no intent the bot answers itself");
  return mix;
}

QuestionMix::QuestionMix(const bot::KnowledgeBase& kb)
    : human_{"human_request", kHumanZh, kHumanEn},
      out_of_scope_{"out_of_scope", kOutOfScopeZh, kOutOfScopeEn} {
  for (const auto& entry : kb.entries) {
    if (entry.intent == kHumanIntent) {
      human_.zh.insert(human_.zh.end(), entry.examples_zh.begin(), entry.examples_zh.end());
      human_.en.insert(human_.en.end(), entry.examples_en.begin(), entry.examples_en.end());
      continue;
    }
    if (entry.examples_zh.empty() || entry.examples_en.empty()) continue;
    Intent intent{entry.intent, entry.examples_zh, entry.examples_en};
    if (entry.intent == kClosingIntent) {
      closing_ = std::move(intent);
    } else if (!entry.human_only) {
      intents_.push_back(std::move(intent));
    }
  }
}

Question QuestionMix::pick(std::mt19937_64& rng, const Intent& intent, QuestionKind kind,
                           bool zh) const {
  return Question{kind, intent.name, any_of(rng, zh ? intent.zh : intent.en), zh};
}

Question QuestionMix::sample(std::mt19937_64& rng, const QuestionShares& shares) const {
  const bool zh = chance(rng, shares.zh);
  const double roll = std::uniform_real_distribution<double>(0, 1)(rng);
  if (roll < shares.human_request) return pick(rng, human_, QuestionKind::human_request, zh);
  if (roll < shares.human_request + shares.out_of_scope) {
    return pick(rng, out_of_scope_, QuestionKind::out_of_scope, zh);
  }
  return sample_kb(rng, zh);
}

Question QuestionMix::sample_kb(std::mt19937_64& rng, bool zh) const {
  return pick(rng, any_of(rng, intents_), QuestionKind::knowledge_base, zh);
}

Question QuestionMix::closing(std::mt19937_64& rng, bool zh) const {
  if (!closing_) return sample_kb(rng, zh);
  return pick(rng, *closing_, QuestionKind::knowledge_base, zh);
}

std::string styled_for(Channel channel, const std::string& text, bool zh) {
  if (channel == Channel::email) {
    return zh ? "您好：\n\n" + text + "\n\n谢谢！"
              : "Hello,\n\n" + text + "\n\nThanks,\nA customer";
  }
  if (channel != Channel::phone) return text;
  std::string spoken;
  spoken.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 0;
    if (is_punctuation(text, i, length)) {
      i += length;  // spoken text has pauses, not marks: "Hi, where" -> "Hi where"
      continue;
    }
    spoken.push_back(text[i++]);
  }
  while (!spoken.empty() && spoken.back() == ' ') spoken.pop_back();
  return spoken.empty() ? text : spoken;
}

}  // namespace sb::load
