#pragma once
// Suggested replies for the agent desk: the knowledge base's best answers to the customer's last
// message, in the customer's language, with the slots already known filled in.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "runtime/bot/intent_classifier.hpp"
#include "runtime/bot/knowledge_base.hpp"
#include "runtime/bot/language.hpp"

namespace sb::bot {

inline constexpr std::size_t kSuggestedRepliesMax = 5;

struct SuggestedReply {
  std::string intent;
  double confidence = 0;  // the classifier's
  std::string text;       // backend placeholders such as {status_text} are left for the agent

  bool operator==(const SuggestedReply&) const = default;
};

// At most min(k, kSuggestedRepliesMax) replies in the order of `ranked`. Human-only entries are
// left out (their "answer" is the handoff notice, not something to send), and so are intents the
// KB does not have (out of scope).
std::vector<SuggestedReply> suggest_replies(const KnowledgeBase& kb,
                                            const std::vector<IntentScore>& ranked,
                                            Language language,
                                            const std::map<std::string, std::string>& slots,
                                            std::size_t k);

}  // namespace sb::bot
