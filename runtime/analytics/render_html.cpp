// The report as one self-contained HTML page: inline CSS and inline SVG charts, no scripts, no
// external fonts, images or links, so it opens offline in any browser.

#include <cctype>
#include <string>

#include "runtime/analytics/format.hpp"
#include "runtime/analytics/report.hpp"
#include "runtime/analytics/svg_chart.hpp"

namespace sb::analytics {
namespace {

inline constexpr std::string_view kStyle =
    "body{font-family:system-ui,sans-serif;margin:24px;color:#222}"
    "h1{font-size:22px}h2{font-size:17px;margin-top:28px}"
    "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px}"
    "td.n{text-align:right}.kpi{display:inline-block;margin:6px 14px 6px 0;padding:8px 12px;"
    "background:#f2f5f9;border-radius:6px}.kpi b{display:block;font-size:20px}"
    ".chart rect{fill:#4a7fc1}.chart polyline{fill:none;stroke:#c1554a;stroke-width:2}"
    ".chart text{font-size:11px}.chart .t{font-size:13px;font-weight:bold}"
    ".chart .axis{stroke:#999}";

std::string n(std::uint64_t v) { return std::to_string(v); }

std::string cell(const std::string& text) {
  const bool numeric = !text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) != 0);
  return std::string(numeric ? "<td class=\"n\">" : "<td>") + html_escape(text) + "</td>";
}

std::string table(const std::vector<std::string>& header,
                  const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<table><tr>";
  for (const auto& h : header) out += "<th>" + html_escape(h) + "</th>";
  out += "</tr>";
  for (const auto& row : rows) {
    out += "<tr>";
    for (const auto& c : row) out += cell(c);
    out += "</tr>";
  }
  return out + "</table>";
}

std::string kpi(const std::string& name, const std::string& value) {
  return "<div class=\"kpi\"><b>" + html_escape(value) + "</b>" + html_escape(name) + "</div>";
}

std::vector<ChartPoint> points(const std::vector<CountRow>& rows) {
  std::vector<ChartPoint> out;
  for (const auto& r : rows) out.push_back({r.label, static_cast<double>(r.count)});
  return out;
}

std::string count_section(const std::string& title, const std::vector<CountRow>& rows) {
  std::vector<std::vector<std::string>> body;
  for (const auto& r : rows) body.push_back({r.label, n(r.count)});
  return "<h2>" + html_escape(title) + "</h2>" + svg_bar_chart(title, points(rows)) +
         table({"", "count"}, body);
}

std::string overview(const Report& r) {
  const Totals& t = r.totals;
  return kpi("conversations", n(t.conversations_opened)) +
         kpi("customer messages", n(t.customer_messages)) +
         kpi("bot resolution", format_percent(t.bot_resolution_rate)) +
         kpi("handoff rate", format_percent(t.handoff_rate)) +
         kpi("first-contact resolution", format_percent(t.fcr_rate)) +
         kpi("queue wait p90", format_ms(r.queue_wait.p90_ms)) +
         kpi("first response p50", format_ms(r.first_response.p50_ms)) +
         kpi("CSAT", format_fixed(r.csat.average, 2));
}

std::string trend(const Report& r) {
  std::vector<ChartPoint> messages;
  std::vector<ChartPoint> csat;
  std::vector<std::vector<std::string>> rows;
  for (const auto& h : r.by_hour) {
    const std::string hour = format_utc_hour(h.hour_start_ms);
    messages.push_back({hour, static_cast<double>(h.customer_messages)});
    if (h.csat_count > 0) csat.push_back({hour, h.csat_average});
    rows.push_back({hour, n(h.conversations_opened), n(h.customer_messages), n(h.handoffs),
                    n(h.csat_count), format_fixed(h.csat_average, 2)});
  }
  return "<h2>Volume and CSAT by hour</h2>" +
         svg_line_chart("Customer messages per hour", messages) +
         svg_line_chart("CSAT average per hour", csat) +
         table({"hour", "opened", "messages", "handoffs", "ratings", "CSAT"}, rows);
}

std::vector<std::string> latency_row(const std::string& name, const LatencySummary& s) {
  return {name,
          n(s.count),
          format_ms(static_cast<std::int64_t>(s.average_ms)),
          format_ms(s.p50_ms),
          format_ms(s.p90_ms),
          format_ms(s.p99_ms)};
}

std::string latencies(const Report& r) {
  std::vector<std::vector<std::string>> rows{
      latency_row("queue wait", r.queue_wait),
      latency_row("first response (agent)", r.first_response),
      latency_row("first response (bot)", r.bot_first_response),
      latency_row("handle time", r.handle_time)};
  std::vector<std::vector<std::string>> groups;
  std::vector<ChartPoint> p90;
  for (const auto& w : r.queue_wait_by_group) {
    auto row = latency_row(w.skill + " / " + w.tier, w.wait);
    groups.push_back(row);
    p90.push_back({w.skill + " / " + w.tier, static_cast<double>(w.wait.p90_ms) / 1000.0});
  }
  const std::vector<std::string> header{"", "count", "avg", "p50", "p90", "p99"};
  return "<h2>Latencies</h2>" + table(header, rows) +
         "<h2>Queue wait by skill group and tier</h2>" +
         svg_bar_chart("Queue wait p90 (s) by skill / tier", p90) + table(header, groups);
}

std::string csat_sla(const Report& r) {
  std::vector<CountRow> scores;
  for (std::size_t i = 0; i < r.csat.distribution.size(); ++i) {
    scores.push_back({std::to_string(i + 1), r.csat.distribution[i]});
  }
  std::vector<std::vector<std::string>> sla;
  auto triple = [](const std::array<std::uint64_t, 3>& v) {
    return n(v[0]) + "/" + n(v[1]) + "/" + n(v[2]);
  };
  for (const auto& s : r.sla) {
    sla.push_back({s.policy, triple(s.warned), triple(s.breached), n(s.tickets_resolved),
                   format_percent(s.attainment)});
  }
  return count_section("CSAT distribution", scores) + "<h2>SLA by policy</h2>" +
         table({"policy", "warned fr/nr/res", "breached fr/nr/res", "resolved", "attainment"}, sla);
}

std::string agents(const Report& r) {
  std::vector<std::vector<std::string>> rows;
  std::vector<ChartPoint> accepted;
  for (const auto& a : r.agents) {
    rows.push_back({a.agent, format_ms(a.online_ms), format_percent(a.occupancy),
                    format_percent(a.utilisation), n(a.accepted), n(a.replies), n(a.resolutions),
                    n(a.transfers), format_ms(a.handle_time.p50_ms),
                    format_fixed(a.csat.average, 2)});
    accepted.push_back({a.agent, static_cast<double>(a.accepted)});
  }
  const LoadBalance& lb = r.load_balance;
  return "<h2>Agents</h2>" + svg_bar_chart("Conversations accepted per agent", accepted) +
         table({"agent", "online", "occupancy", "utilisation", "accepted", "replies", "resolved",
                "transfers", "handle p50", "CSAT"},
               rows) +
         "<p>Load balance: " + n(lb.agents) + " agents, mean " + format_fixed(lb.mean, 2) +
         ", min " + n(lb.min) + ", max " + n(lb.max) +
         ", max/mean&minus;1 = " + format_percent(lb.imbalance) + "</p>";
}

std::string quality(const Report& r) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& q : r.quality) rows.push_back({q.agent, q.rule, n(q.count)});
  return "<h2>Quality violations</h2>" + table({"agent", "rule", "count"}, rows);
}

}  // namespace

std::string render_html(const Report& r) {
  const std::string window =
      format_utc_hour(to_unix_ms(r.query.from)) + " .. " + format_utc_hour(to_unix_ms(r.query.to));
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
      "switchboard report " +
      html_escape(window) + "</title><style>" + std::string(kStyle) +
      "</style></head><body><h1>switchboard report " + html_escape(window) + "</h1>";
  out += overview(r) + trend(r) +
         count_section("Customer messages by channel", r.messages_by_channel) +
         count_section("Questions by intent", r.questions_by_intent) +
         count_section("Top questions", r.top_questions) +
         count_section("Top questions the bot did not understand (KB gaps)", r.top_unanswered) +
         count_section("Handoff reasons", r.handoff_reasons) + latencies(r) + csat_sla(r) +
         agents(r) + quality(r);
  return out + "</body></html>\n";
}

}  // namespace sb::analytics
