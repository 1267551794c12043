#include "runtime/bot/handoff_summary.hpp"

#include <algorithm>

#include "runtime/bot/bot_replies.hpp"
#include "runtime/bot/text_folding.hpp"

namespace sb::bot {
namespace {

Priority raised_priority(const KbEntry* entry, const Turn& turn) {
  const Priority base = entry != nullptr ? entry->priority : Priority::normal;
  const bool negative = std::find(turn.handoff_reasons.begin(), turn.handoff_reasons.end(),
                                  HandoffReason::negative_sentiment) != turn.handoff_reasons.end();
  const bool valued = turn.tier == Tier::vip || turn.tier == Tier::enterprise;
  if ((negative || valued) && base < Priority::high) return Priority::high;
  return base;
}

std::string one_line(const KbEntry* entry, const Turn& turn, Language language) {
  const bool zh = language == Language::zh;
  std::string line = zh ? "转人工（" : "Handoff (";
  for (std::size_t i = 0; i < turn.handoff_reasons.size(); ++i) {
    if (i > 0) line += zh ? "、" : ", ";
    line += describe(turn.handoff_reasons[i]).in(language);
  }
  line += zh ? "）" : ")";
  line += zh ? "｜意图：" : " | intent: ";
  line += entry != nullptr ? entry->intent : (zh ? "未识别" : "not understood");
  for (const auto& [name, value] : turn.state.slots) line += " | " + name + "=" + value;
  line += zh ? "｜客户：“" : " | customer: \"";
  const std::string_view quote = cut_utf8(turn.customer_text, kSummaryQuoteBytesMax);
  std::string flat(quote);  // one line, whatever the customer typed
  std::replace_if(
      flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  line += flat;
  if (quote.size() < turn.customer_text.size()) line += "…";
  line += zh ? "”" : "\"";
  return line;
}

}  // namespace

HandoffSummary summarize_handoff(const KbEntry* entry, const Turn& turn, Language agent_language) {
  HandoffSummary summary;
  summary.intent = entry != nullptr ? entry->intent : "";
  summary.skill = entry != nullptr ? entry->skill : Skill::general;
  summary.priority = raised_priority(entry, turn);
  summary.slots = turn.state.slots;
  summary.tags = turn.tags;
  summary.reasons = turn.handoff_reasons;
  summary.summary = one_line(entry, turn, agent_language);
  return summary;
}

}  // namespace sb::bot
