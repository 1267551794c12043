#include "actors/router/explanation.hpp"

#include <cstddef>

namespace sb::router {
namespace {

const CandidateRecord* runner_up(const AssignmentExplanation& e) {
  return e.candidates.size() > 1 ? &e.candidates[1] : nullptr;
}

std::string rule_reason(const AssignmentExplanation& e) {
  const CandidateRecord* winner = e.candidates.empty() ? nullptr : &e.candidates.front();
  const CandidateRecord* next = runner_up(e);
  switch (e.rule) {
    case DecidingRule::sticky:
      return "last agent " + render_duration(e.sticky_last_served_ago.value_or(Duration{0})) +
             " ago";
    case DecidingRule::least_loaded:
      if (winner == nullptr) return "least loaded";
      if (next == nullptr) return "load " + std::to_string(winner->load) + ", only candidate";
      return "load " + std::to_string(winner->load) + ", next best load " +
             std::to_string(next->load);
    case DecidingRule::longest_idle:
      if (winner == nullptr || next == nullptr) return "longest idle";
      return "load " + std::to_string(winner->load) + " like " + next->agent_id + ", idle " +
             render_duration(winner->idle_for) + " vs " + render_duration(next->idle_for);
    case DecidingRule::relaxed_skill:
      return "level " + std::to_string(e.effective_level) + " accepted after waiting " +
             render_duration(e.waited) + "; level " + std::to_string(e.required_level) +
             " was required";
    case DecidingRule::overflow:
      return "overflow group after waiting " + render_duration(e.waited);
  }
  return "unknown rule";
}

std::string render_candidate(const CandidateRecord& c) {
  std::string s = c.agent_id + " (";
  s += c.skill_level == 0 ? std::string("no skill") : "level " + std::to_string(c.skill_level);
  s += ", load " + std::to_string(c.load) + ", " + std::to_string(c.free_slots) + " free, idle " +
       render_duration(c.idle_for);
  if (c.sticky) s += ", last agent";
  if (c.overflow) s += ", overflow";
  if (c.declined_before) s += ", declined before";
  return s + ")";
}

std::string render_others(const AssignmentExplanation& e) {
  const std::size_t others_recorded = e.candidates.empty() ? 0 : e.candidates.size() - 1;
  const std::size_t others = e.candidates_considered > 0 ? e.candidates_considered - 1 : 0;
  if (others == 0) return "no other candidates";
  std::string s =
      std::to_string(others) + (others == 1 ? " other candidate: " : " other candidates: ");
  for (std::size_t i = 1; i < e.candidates.size(); ++i) {
    if (i > 1) s += ", ";
    s += render_candidate(e.candidates[i]);
  }
  if (others > others_recorded) s += " and " + std::to_string(others - others_recorded) + " more";
  return s;
}

}  // namespace

std::string render_duration(Duration d) {
  const auto s = std::chrono::duration_cast<std::chrono::seconds>(d).count();
  if (s < 60) return std::to_string(s < 0 ? 0 : s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min";
  std::string out = std::to_string(s / 3600) + " h";
  if ((s % 3600) / 60 != 0) out += " " + std::to_string((s % 3600) / 60) + " min";
  return out;
}

std::string render(const AssignmentExplanation& e) {
  std::string s =
      "agent " + e.winner + " won: " + std::string(to_string(e.rule)) + " (" + rule_reason(e) + ")";
  s += "; " + std::string(to_string(e.tier)) + " " + std::string(to_string(e.kind)) + " on " +
       e.skill + " waited " + render_duration(e.waited);
  if (e.reservation == ReservationStatus::priority_tier) s += ", may use reserved capacity";
  if (e.fallback_to_declined)
    s += "; re-offered to an agent who declined: nobody else could take it";
  return s + "; " + render_others(e);
}

}  // namespace sb::router
