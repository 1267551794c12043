// The report as JSON: every figure, keys in a fixed order (nlohmann::ordered_json), times in
// Unix milliseconds, durations in milliseconds.

#include <nlohmann/json.hpp>

#include "runtime/analytics/report.hpp"

namespace sb::analytics {
namespace {

using Json = nlohmann::ordered_json;

Json to_json(const LatencySummary& s) {
  return Json{{"count", s.count},
              {"average_ms", s.average_ms},
              {"p50_ms", s.p50_ms},
              {"p90_ms", s.p90_ms},
              {"p99_ms", s.p99_ms}};
}

Json to_json(const std::vector<CountRow>& rows) {
  Json out = Json::array();
  for (const auto& r : rows) out.push_back(Json{{"label", r.label}, {"count", r.count}});
  return out;
}

Json to_json(const CsatSummary& c) {
  return Json{{"distribution", c.distribution}, {"count", c.count}, {"average", c.average}};
}

Json query_json(const ReportQuery& q) {
  Json out{{"from_ms", to_unix_ms(q.from)}, {"to_ms", to_unix_ms(q.to)}};
  out["channel"] = q.channel ? Json(std::string(to_string(*q.channel))) : Json(nullptr);
  out["skill"] = q.skill ? Json(*q.skill) : Json(nullptr);
  out["tier"] = q.tier ? Json(std::string(to_string(*q.tier))) : Json(nullptr);
  out["agent"] = q.agent ? Json(*q.agent) : Json(nullptr);
  out["top"] = q.top;
  return out;
}

Json totals_json(const Totals& t) {
  return Json{{"conversations_opened", t.conversations_opened},
              {"customer_messages", t.customer_messages},
              {"bot_replies", t.bot_replies},
              {"agent_replies", t.agent_replies},
              {"questions", t.questions},
              {"questions_unanswered", t.questions_unanswered},
              {"handoffs", t.handoffs},
              {"conversations_ended", t.conversations_ended},
              {"bot_resolved", t.bot_resolved},
              {"resolutions", t.resolutions},
              {"first_contact_resolutions", t.first_contact_resolutions},
              {"transfers", t.transfers},
              {"bot_resolution_rate", t.bot_resolution_rate},
              {"handoff_rate", t.handoff_rate},
              {"fcr_rate", t.fcr_rate},
              {"transfer_rate", t.transfer_rate}};
}

Json hours_json(const std::vector<HourRow>& rows) {
  Json out = Json::array();
  for (const auto& h : rows) {
    out.push_back(Json{{"hour_start_ms", h.hour_start_ms},
                       {"conversations_opened", h.conversations_opened},
                       {"customer_messages", h.customer_messages},
                       {"handoffs", h.handoffs},
                       {"csat_count", h.csat_count},
                       {"csat_average", h.csat_average}});
  }
  return out;
}

Json agents_json(const std::vector<AgentRow>& rows) {
  Json out = Json::array();
  for (const auto& a : rows) {
    out.push_back(Json{{"agent", a.agent},
                       {"logged_in_ms", a.logged_in_ms},
                       {"online_ms", a.online_ms},
                       {"busy_ms", a.busy_ms},
                       {"occupancy", a.occupancy},
                       {"utilisation", a.utilisation},
                       {"accepted", a.accepted},
                       {"replies", a.replies},
                       {"resolutions", a.resolutions},
                       {"transfers", a.transfers},
                       {"handle_time", to_json(a.handle_time)},
                       {"csat", to_json(a.csat)}});
  }
  return out;
}

Json sla_json(const std::vector<SlaRow>& rows) {
  Json out = Json::array();
  for (const auto& s : rows) {
    out.push_back(Json{{"policy", s.policy},
                       {"warned", s.warned},
                       {"breached", s.breached},
                       {"tickets_resolved", s.tickets_resolved},
                       {"resolved_within_sla", s.resolved_within_sla},
                       {"attainment", s.attainment}});
  }
  return out;
}

}  // namespace

std::string render_json(const Report& r) {
  Json out;
  out["query"] = query_json(r.query);
  out["totals"] = totals_json(r.totals);
  out["messages_by_channel"] = to_json(r.messages_by_channel);
  out["questions_by_intent"] = to_json(r.questions_by_intent);
  out["handoff_reasons"] = to_json(r.handoff_reasons);
  out["by_hour"] = hours_json(r.by_hour);
  out["top_questions"] = to_json(r.top_questions);
  out["top_unanswered"] = to_json(r.top_unanswered);
  out["queue_wait"] = to_json(r.queue_wait);
  Json groups = Json::array();
  for (const auto& w : r.queue_wait_by_group) {
    groups.push_back(Json{{"skill", w.skill}, {"tier", w.tier}, {"wait", to_json(w.wait)}});
  }
  out["queue_wait_by_group"] = std::move(groups);
  out["first_response"] = to_json(r.first_response);
  out["bot_first_response"] = to_json(r.bot_first_response);
  out["handle_time"] = to_json(r.handle_time);
  out["csat"] = to_json(r.csat);
  out["sla"] = sla_json(r.sla);
  out["agents"] = agents_json(r.agents);
  const LoadBalance& lb = r.load_balance;
  out["load_balance"] =
      Json{{"agents", lb.agents}, {"mean", lb.mean},     {"min", lb.min},
           {"max", lb.max},       {"stddev", lb.stddev}, {"imbalance", lb.imbalance}};
  Json quality = Json::array();
  for (const auto& q : r.quality) {
    quality.push_back(Json{{"agent", q.agent}, {"rule", q.rule}, {"count", q.count}});
  }
  out["quality"] = std::move(quality);
  out["feed"] = Json{{"applied", r.feed.applied},
                     {"duplicates", r.feed.duplicates},
                     {"ignored_kinds", r.feed.ignored_kinds},
                     {"undecodable", r.feed.undecodable},
                     {"last_seq", r.feed.last_seq},
                     {"watermark_ms", r.feed.watermark_ms}};
  return out.dump(2);
}

}  // namespace sb::analytics
