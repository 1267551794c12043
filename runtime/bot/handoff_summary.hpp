#pragma once
// The record an agent sees when a conversation is handed over: intent, routing, slots, reasons
// and one line that says it all in the agent's language.

#include <cstddef>

#include "runtime/bot/knowledge_base.hpp"
#include "runtime/bot/language.hpp"
#include "runtime/bot/turn.hpp"

namespace sb::bot {

inline constexpr std::size_t kSummaryQuoteBytesMax = 120;  // of the customer's last message

// `entry` is the intent being handled (nullptr when none); `turn` has its reasons, tags, state
// and customer text set. Routing: the entry's skill (general without one); priority: the entry's,
// raised to high for negative sentiment or a VIP/enterprise customer.
HandoffSummary summarize_handoff(const KbEntry* entry, const Turn& turn, Language agent_language);

}  // namespace sb::bot
