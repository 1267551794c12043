// The brute force for agent presence (interval overlaps with the window, no hour splitting) and
// SLA figures (one walk per ticket).

#include <algorithm>
#include <cmath>
#include <map>

#include "actors/agent/agent_decider.hpp"
#include "runtime/analytics/report_builder.hpp"
#include "tests/analytics/brute_force_samples.hpp"

namespace sb::analytics::testing {
namespace {

std::string or_none(const std::string& s) { return s.empty() ? "(none)" : s; }

// Interval overlap with the window, no hour splitting.
std::int64_t overlap(std::int64_t a, std::int64_t b, std::int64_t lo, std::int64_t hi) {
  return std::max<std::int64_t>(0, std::min(b, hi) - std::max(a, lo));
}

}  // namespace

std::map<std::string, Presence> presence(const std::vector<RawEvent>& events, const ReportQuery& q,
                                         std::int64_t watermark) {
  const HourRange r = hours_of(q);
  const std::int64_t lo = r.first * kHourMs, hi = r.last * kHourMs;
  std::map<std::string, std::vector<const agent::Event*>> by_agent;
  for (const auto& raw : events) {
    if (const auto* e = std::get_if<agent::Event>(&raw.event)) by_agent[raw.id].push_back(e);
  }
  std::map<std::string, Presence> out;
  for (const auto& [id, h] : by_agent) {
    if (q.agent && *q.agent != id) continue;
    Presence& p = out[id];
    agent::State state;
    std::optional<std::int64_t> last;
    auto span = [&](std::int64_t from, std::int64_t to) {
      if (state.presence == agent::Presence::offline) return;
      const std::int64_t o = overlap(from, to, lo, hi);
      if (o <= 0) return;
      const bool online = state.presence == agent::Presence::online;
      p.present = true;
      p.sums.logged_in_ms += o;
      if (online) p.sums.online_ms += o;
      if (online && !state.active.empty()) p.sums.busy_ms += o;
      if (online) p.sums.load_permille_ms += std::llround(agent::load(state) * 1000.0) * o;
    };
    for (const agent::Event* e : h) {
      const std::int64_t at = to_unix_ms(std::visit([](const auto& x) { return x.at; }, *e));
      if (last && at > *last) span(*last, at);
      last = last ? std::max(*last, at) : at;
      state = agent::evolve(std::move(state), *e);
      if (std::holds_alternative<agent::ConversationAccepted>(*e) && r.contains(hour_of(at))) {
        ++p.sums.accepted;
        p.present = true;
      }
    }
    if (last) span(*last, std::min(watermark, to_unix_ms(q.to)));
  }
  std::erase_if(out, [](const auto& entry) { return !entry.second.present; });
  return out;
}

std::vector<SlaRow> sla(const std::vector<RawEvent>& events, const ReportQuery& q) {
  struct Ticket {
    std::string policy;
    std::uint8_t channel = 0, tier = 0;
    bool breached = false;
  };
  std::map<std::string, Ticket> tickets;
  std::map<std::string, SlaRow> rows;
  const HourRange r = hours_of(q);
  for (const auto& raw : events) {
    const auto* e = std::get_if<ticket::Event>(&raw.event);
    if (e == nullptr) continue;
    Ticket& t = tickets[raw.id];
    auto counted = [&](Timestamp at) -> SlaRow* {
      const bool match = r.contains(hour_of(to_unix_ms(at))) &&
                         (!q.channel || static_cast<std::uint8_t>(*q.channel) == t.channel) &&
                         (!q.tier || static_cast<std::uint8_t>(*q.tier) == t.tier);
      if (!match) return nullptr;
      SlaRow& row = rows[or_none(t.policy)];
      row.policy = or_none(t.policy);
      return &row;
    };
    if (const auto* x = std::get_if<ticket::TicketCreated>(e)) {
      t = Ticket{x->policy.name, static_cast<std::uint8_t>(x->channel),
                 static_cast<std::uint8_t>(x->tier), false};
    } else if (const auto* x = std::get_if<ticket::SlaPolicyChanged>(e)) {
      t.policy = x->policy.name;
      t.tier = static_cast<std::uint8_t>(x->tier);
    } else if (const auto* x = std::get_if<ticket::SlaWarned>(e)) {
      if (auto* row = counted(x->at)) ++row->warned[ticket::index_of(x->clock)];
    } else if (const auto* x = std::get_if<ticket::SlaBreached>(e)) {
      if (auto* row = counted(x->at)) ++row->breached[ticket::index_of(x->clock)];
      t.breached = true;
    } else if (const auto* x = std::get_if<ticket::TicketResolved>(e)) {
      if (auto* row = counted(x->at)) {
        ++row->tickets_resolved;
        if (!t.breached) ++row->resolved_within_sla;
      }
    } else if (std::holds_alternative<ticket::TicketClosed>(*e)) {
      tickets.erase(raw.id);
    }
  }
  std::vector<SlaRow> out;
  for (auto& [name, row] : rows) {
    row.attainment = ratio(static_cast<double>(row.resolved_within_sla),
                           static_cast<double>(row.tickets_resolved));
    out.push_back(row);
  }
  return out;
}

}  // namespace sb::analytics::testing
