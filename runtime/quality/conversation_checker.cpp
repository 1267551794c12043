#include "runtime/quality/conversation_checker.hpp"

#include <algorithm>
#include <variant>

#include "runtime/quality/reply_context.hpp"

namespace sb::quality {

ConversationChecker::ConversationChecker(QualityConfig config,
                                         std::unordered_map<std::string, std::string> kb_answers)
    : monitor_(std::move(config)), kb_answers_(std::move(kb_answers)) {}

Expected<std::vector<Violation>, std::string> ConversationChecker::check(
    const std::string& id, std::uint64_t version, const conversation::Event& event,
    const HistoryLoader& load) {
  auto before = states_.before(id, version, event, load);
  if (!before) return unexpected(before.error());
  watermark_ = std::max(watermark_, std::visit([](const auto& e) { return e.at; }, event));
  if (++since_housekeeping_ >= kStateHousekeepingEvery) {
    since_housekeeping_ = 0;
    states_.evict(watermark_);
  }
  if (*before == nullptr) return std::vector<Violation>{};  // no person assigned: no rule applies
  return rules_for(id, **before, event);
}

const std::string& ConversationChecker::kb_answer(const std::string& intent) const {
  static const std::string kNone;
  auto it = kb_answers_.find(intent);
  return it == kb_answers_.end() ? kNone : it->second;
}

std::vector<Violation> ConversationChecker::rules_for(const std::string& id,
                                                      const conversation::State& before,
                                                      const conversation::Event& event) const {
  if (const auto* replied = std::get_if<conversation::AgentReplied>(&event)) {
    return monitor_.check_reply(reply_context(id, before, *replied, kb_answer(before.intent)));
  }
  // A conversation's end is checked once per episode: when an agent resolves it, or when it is
  // closed while still assigned (closing after a resolution was checked at the resolution).
  if (const auto* resolved = std::get_if<conversation::Resolved>(&event)) {
    if (resolved->by_agent_id.empty()) return {};
    return monitor_.check_conversation_end(
        end_context(id, before, resolved->by_agent_id, resolved->at));
  }
  if (const auto* closed = std::get_if<conversation::Closed>(&event)) {
    if (before.phase != conversation::Phase::assigned || !before.assignment) return {};
    return monitor_.check_conversation_end(
        end_context(id, before, before.assignment->agent_id, closed->at));
  }
  return {};
}

}  // namespace sb::quality
