#include "runtime/bot/bot_replies.hpp"

namespace sb::bot {

const Localized kNotUnderstoodReply{
    "抱歉，我没有理解您的问题。您可以换个说法再问一次，或回复“转人工”联系人工客服。",
    "Sorry, I didn't understand that. You can rephrase your question, or type \"agent\" to talk "
    "to a person."};
const Localized kHandoffReply{"正在为您转接人工客服，请稍候。",
                              "I'm connecting you with a colleague, one moment please."};
const Localized kLookingUpReply{"好的，正在为您查询，请稍候。", "Let me look that up for you."};
const Localized kNotFoundReply{"没有查到 {key} 的相关信息，请核对后重新提供。",
                               "I couldn't find anything for {key}. Please check it and send it "
                               "again."};

const Localized& describe(HandoffReason reason) {
  static const Localized kCustomerAsked{"客户要求人工", "customer asked for a person"};
  static const Localized kLowConfidence{"机器人连续未能理解", "bot did not understand twice"};
  static const Localized kNegative{"客户情绪负面", "negative sentiment"};
  static const Localized kHumanOnly{"该问题仅限人工处理", "human-only topic"};
  static const Localized kTier{"客户等级策略", "tier policy"};
  static const Localized kBackend{"业务系统不可用", "business system unavailable"};
  static const Localized kSlots{"多次未提供有效信息", "no valid details after several tries"};
  static const Localized kTurns{"对话轮次过多", "too many bot turns"};
  switch (reason) {
    case HandoffReason::customer_asked:
      return kCustomerAsked;
    case HandoffReason::low_confidence_twice:
      return kLowConfidence;
    case HandoffReason::negative_sentiment:
      return kNegative;
    case HandoffReason::human_only_intent:
      return kHumanOnly;
    case HandoffReason::tier_policy:
      return kTier;
    case HandoffReason::backend_unavailable:
      return kBackend;
    case HandoffReason::slot_attempts_exhausted:
      return kSlots;
    case HandoffReason::turn_limit:
      return kTurns;
  }
  return kCustomerAsked;
}

}  // namespace sb::bot
