#include "actors/quality/quality_decider.hpp"

#include <optional>
#include <string>

#include "actors/common/overloaded.hpp"
#include "actors/common/text.hpp"
#include "actors/quality/evidence.hpp"

namespace sb::quality {
namespace {

using Outcome = Decision<Event, Rejection>;

// Why `finding` cannot be recorded in a check of the entries (checked, through], after a finding
// of entry `previous` (findings come in feed order; several may share an entry).
std::optional<std::string> invalid(const Finding& finding, std::uint64_t checked,
                                   std::uint64_t previous, std::uint64_t through) {
  const auto rule = static_cast<std::uint8_t>(finding.violation.rule);
  if (rule < 1 || rule > kRuleCount) return "unknown rule " + std::to_string(rule);
  const std::uint64_t seq = finding.source_seq;
  if (seq <= checked || seq > through) {
    return "source seq " + std::to_string(seq) + " is outside the checked entries (" +
           std::to_string(checked) + ", " + std::to_string(through) + "]";
  }
  if (seq < previous) return "source seq " + std::to_string(seq) + " is out of feed order";
  if (finding.violation.agent_id.size() > kIdBytesMax ||
      finding.violation.conversation_id.size() > kIdBytesMax) {
    return std::string("an id is over ") + std::to_string(kIdBytesMax) + " bytes";
  }
  return std::nullopt;
}

ViolationDetected detected(const Finding& finding) {
  const Violation& v = finding.violation;
  auto evidence = bound_text(v.evidence, kEvidenceBytesMax);
  return ViolationDetected{v.rule,
                           std::move(evidence.text),
                           evidence.truncated,
                           v.agent_id,
                           v.conversation_id,
                           finding.source_seq,
                           finding.source_version,
                           v.at};
}

Outcome record(const State& state, const RecordCheck& c) {
  if (c.through_seq <= state.checked_through_seq) {
    return Outcome::reject(Rejection::already_checked,
                           "checked through " + std::to_string(state.checked_through_seq) +
                               " already; this check ends at " + std::to_string(c.through_seq));
  }
  if (c.findings.size() > kFindingsPerCheckMax) {
    return Outcome::reject(Rejection::too_many_findings,
                           std::to_string(c.findings.size()) +
                               " findings; one check records at most " +
                               std::to_string(kFindingsPerCheckMax));
  }
  std::vector<Event> events;
  events.reserve(c.findings.size() + 1);
  std::uint64_t previous = 0;
  for (const auto& finding : c.findings) {
    if (auto why = invalid(finding, state.checked_through_seq, previous, c.through_seq)) {
      return Outcome::reject(Rejection::invalid_finding, *why);
    }
    previous = finding.source_seq;
    events.push_back(detected(finding));
  }
  events.emplace_back(std::in_place_type<FeedChecked>, c.through_seq, c.at);
  return Outcome::accept(std::move(events));
}

}  // namespace

Decision<Event, Rejection> decide(const State& state, const Command& command) {
  return std::visit(Overloaded{[&](const RecordCheck& c) { return record(state, c); }}, command);
}

State evolve(State state, const Event& event) {
  std::visit(Overloaded{
                 [&](const ViolationDetected&) { ++state.violations_total; },
                 [&](const FeedChecked& e) {
                   state.checked_through_seq = e.through_seq;
                   state.last_checked_at = e.at;
                 },
             },
             event);
  return state;
}

}  // namespace sb::quality
