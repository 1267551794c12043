// The report as terminal tables (`switchboard report`).

#include <string>

#include "runtime/analytics/format.hpp"
#include "runtime/analytics/report.hpp"
#include "runtime/analytics/text_table.hpp"

namespace sb::analytics {
namespace {

std::string n(std::uint64_t v) { return std::to_string(v); }

void add_latency(TextTable& table, const std::string& name, const LatencySummary& s) {
  table.add({name, n(s.count), format_ms(static_cast<std::int64_t>(s.average_ms)),
             format_ms(s.p50_ms), format_ms(s.p90_ms), format_ms(s.p99_ms)});
}

std::string counts(const std::string& title, const std::string& what,
                   const std::vector<CountRow>& rows) {
  TextTable table(title, {what, "count"});
  for (const auto& r : rows) table.add({r.label, n(r.count)});
  return table.render();
}

std::string overview(const Report& r) {
  const Totals& t = r.totals;
  TextTable table("Overview " + format_utc_hour(to_unix_ms(r.query.from)) + " .. " +
                      format_utc_hour(to_unix_ms(r.query.to)),
                  {"figure", "value"});
  table.add({"conversations opened", n(t.conversations_opened)});
  table.add({"customer messages", n(t.customer_messages)});
  table.add({"bot replies / agent replies", n(t.bot_replies) + " / " + n(t.agent_replies)});
  table.add({"questions to the bot (not understood)",
             n(t.questions) + " (" + n(t.questions_unanswered) + ")"});
  table.add({"bot resolution rate", format_percent(t.bot_resolution_rate)});
  table.add({"handoff rate", format_percent(t.handoff_rate)});
  table.add({"first-contact resolution", format_percent(t.fcr_rate)});
  table.add({"transfers (per resolution)",
             n(t.transfers) + " (" + format_percent(t.transfer_rate) + ")"});
  table.add(
      {"CSAT average (ratings)", format_fixed(r.csat.average, 2) + " (" + n(r.csat.count) + ")"});
  return table.render();
}

std::string latencies(const Report& r) {
  TextTable table("Latencies", {"figure", "count", "avg", "p50", "p90", "p99"});
  add_latency(table, "queue wait", r.queue_wait);
  add_latency(table, "first response (agent)", r.first_response);
  add_latency(table, "first response (bot)", r.bot_first_response);
  add_latency(table, "handle time", r.handle_time);
  std::string out = table.render();
  TextTable groups("Queue wait by skill group and tier",
                   {"skill", "tier", "count", "avg", "p50", "p90", "p99"});
  for (const auto& w : r.queue_wait_by_group) {
    groups.add({w.skill, w.tier, n(w.wait.count),
                format_ms(static_cast<std::int64_t>(w.wait.average_ms)), format_ms(w.wait.p50_ms),
                format_ms(w.wait.p90_ms), format_ms(w.wait.p99_ms)});
  }
  return out + groups.render();
}

std::string hours(const Report& r) {
  TextTable table("By hour", {"hour", "opened", "messages", "handoffs", "ratings", "CSAT"});
  for (const auto& h : r.by_hour) {
    table.add({format_utc_hour(h.hour_start_ms), n(h.conversations_opened), n(h.customer_messages),
               n(h.handoffs), n(h.csat_count), format_fixed(h.csat_average, 2)});
  }
  return table.render();
}

std::string csat(const Report& r) {
  TextTable table("CSAT distribution", {"score", "ratings"});
  for (std::size_t i = 0; i < r.csat.distribution.size(); ++i) {
    table.add({std::to_string(i + 1), n(r.csat.distribution[i])});
  }
  return table.render();
}

std::string sla(const Report& r) {
  TextTable table("SLA by policy", {"policy", "warned fr/nr/res", "breached fr/nr/res", "resolved",
                                    "within SLA", "attainment"});
  auto triple = [](const std::array<std::uint64_t, 3>& v) {
    return n(v[0]) + "/" + n(v[1]) + "/" + n(v[2]);
  };
  for (const auto& s : r.sla) {
    table.add({s.policy, triple(s.warned), triple(s.breached), n(s.tickets_resolved),
               n(s.resolved_within_sla), format_percent(s.attainment)});
  }
  return table.render();
}

std::string agents(const Report& r) {
  TextTable table("Agents", {"agent", "online", "occupancy", "utilisation", "accepted", "replies",
                             "resolved", "transfers", "handle p50", "CSAT"});
  for (const auto& a : r.agents) {
    table.add({a.agent, format_ms(a.online_ms), format_percent(a.occupancy),
               format_percent(a.utilisation), n(a.accepted), n(a.replies), n(a.resolutions),
               n(a.transfers), format_ms(a.handle_time.p50_ms), format_fixed(a.csat.average, 2)});
  }
  const LoadBalance& lb = r.load_balance;
  TextTable balance("Load balance (conversations accepted per agent)",
                    {"agents", "mean", "min", "max", "stddev", "max/mean - 1"});
  balance.add({n(lb.agents), format_fixed(lb.mean, 2), n(lb.min), n(lb.max),
               format_fixed(lb.stddev, 2), format_percent(lb.imbalance)});
  return table.render() + balance.render();
}

std::string quality(const Report& r) {
  TextTable table("Quality violations", {"agent", "rule", "count"});
  for (const auto& q : r.quality) table.add({q.agent, q.rule, n(q.count)});
  return table.render();
}

}  // namespace

std::string render_text(const Report& r) {
  return overview(r) + counts("Customer messages by channel", "channel", r.messages_by_channel) +
         hours(r) + counts("Questions by intent", "intent", r.questions_by_intent) +
         counts("Top questions", "question", r.top_questions) +
         counts("Top questions the bot did not understand (KB gaps)", "question",
                r.top_unanswered) +
         counts("Handoff reasons", "reason", r.handoff_reasons) + latencies(r) + csat(r) + sla(r) +
         agents(r) + quality(r);
}

}  // namespace sb::analytics
