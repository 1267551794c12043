#include "runtime/bot/suggested_replies.hpp"

#include <algorithm>

#include "runtime/bot/answer_template.hpp"
#include "runtime/bot/slot_extractor.hpp"

namespace sb::bot {

std::vector<SuggestedReply> suggest_replies(const KnowledgeBase& kb,
                                            const std::vector<IntentScore>& ranked,
                                            Language language,
                                            const std::map<std::string, std::string>& slots,
                                            std::size_t k) {
  const std::size_t wanted = std::min(k, kSuggestedRepliesMax);
  std::vector<SuggestedReply> out;
  for (const auto& candidate : ranked) {
    if (out.size() == wanted) break;
    const KbEntry* entry = kb.find(candidate.intent);
    if (entry == nullptr || entry->human_only) continue;
    TemplateValues values;
    for (const auto& spec : entry->slots) {
      const auto it = slots.find(spec.name);
      if (it != slots.end())
        values[spec.name] = display_slot_value(spec.type, it->second, language);
    }
    out.push_back(
        {entry->intent, candidate.confidence, fill_template(entry->answer.in(language), values)});
  }
  return out;
}

}  // namespace sb::bot
