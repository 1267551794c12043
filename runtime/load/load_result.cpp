#include "runtime/load/load_result.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace sb::load {
namespace {

nlohmann::json latency_json(const LatencySummary& s) {
  return {{"count", s.count}, {"mean", s.mean_ms},  {"p50", s.p50_ms}, {"p90", s.p90_ms},
          {"p99", s.p99_ms},  {"p99_9", s.p999_ms}, {"max", s.max_ms}};
}

nlohmann::json options_json(const LoadOptions& o) {
  nlohmann::json mix = nlohmann::json::object();
  for (const auto& [channel, weight] : o.channel_mix) mix[std::string(to_string(channel))] = weight;
  nlohmann::json shape = {{"rate", o.shape.rate}, {"ramp_seconds", o.shape.ramp_seconds}};
  if (o.shape.spike_at_seconds) {
    shape["spike"] = {{"at_seconds", *o.shape.spike_at_seconds},
                      {"seconds", o.shape.spike_seconds},
                      {"factor", o.shape.spike_factor}};
  }
  return {{"host", o.host},
          {"port", o.port},
          {"duration_seconds", std::chrono::duration<double>(o.duration).count()},
          {"mode", to_string(o.mode)},
          {"shape", shape},
          {"concurrency", o.concurrency},
          {"channel_mix", mix},
          {"returning_share", o.returning_share},
          {"login_share", o.login_share},
          {"human_request_share", o.human_request_share},
          {"out_of_scope_share", o.out_of_scope_share},
          {"multi_turn_share", o.multi_turn_share},
          {"zh_share", o.zh_share},
          {"agents",
           {{"count", o.agents.count},
            {"chat_capacity", o.agents.chat_capacity},
            {"think_ms", {o.agents.think_min.count(), o.agents.think_max.count()}},
            {"replies", {o.agents.replies_min, o.agents.replies_max}},
            {"ticket_share", o.agents.ticket_share},
            {"presence_changes_per_minute", o.agents.presence_changes_per_minute}}},
          {"seed", o.seed}};
}

nlohmann::json agent_json(const AgentStats& a) {
  return {{"agent_id", a.agent_id},
          {"offers", a.offers},
          {"accepted", a.accepted},
          {"accept_failed", a.accept_failed},
          {"replies", a.replies},
          {"resolved", a.resolved},
          {"tickets", a.tickets},
          {"presence_changes", a.presence_changes},
          {"customer_messages", a.customer_messages},
          {"errors", a.errors},
          {"most_at_once", a.most_at_once}};
}

nlohmann::json queue_json(const service::QueueSnapshot& q) {
  return {{"skill", q.skill},
          {"waiting", q.waiting},
          {"offered", q.offered},
          {"agents_online", q.agents_online},
          {"free_slots", q.free_slots},
          {"longest_wait_ms", q.longest_wait_ms},
          {"estimated_wait_ms", q.estimated_wait_ms}};
}

std::string latency_line(const std::string& name, const LatencySummary& s) {
  return fmt::format("  {:<28} {:>8} {:>9.2f} {:>9.2f} {:>9.2f} {:>9.2f} {:>9.2f}\n", name, s.count,
                     s.p50_ms, s.p90_ms, s.p99_ms, s.p999_ms, s.max_ms);
}

}  // namespace

std::string_view to_string(LoopMode mode) { return mode == LoopMode::open ? "open" : "closed"; }

nlohmann::json to_json(const LoadResult& r) {
  const bool batching = r.options.batch_size > 1;
  nlohmann::json agents = nlohmann::json::array();
  for (const auto& a : r.agents) agents.push_back(agent_json(a));
  nlohmann::json queues = nlohmann::json::array();
  for (const auto& q : r.queues) queues.push_back(queue_json(q));
  nlohmann::json timeline = nlohmann::json::array();
  for (const auto& p : r.timeline) {
    timeline.push_back({{"second", p.second},
                        {"target_rate", p.target_rate},
                        {"sent", p.sent},
                        {"acked", p.acked},
                        {"errors", p.errors},
                        {"ack_p99_ms", p.ack_p99_ms}});
  }
  return {
      {"run_id", r.run_id},
      {"mode", to_string(r.options.mode)},
      {"delivery",
       {{"call", batching ? "deliverBatch" : "deliver"},
        {"batch_size", r.options.batch_size},
        {"batch_linger_ms", batching ? r.options.batch_linger.count() : 0}}},
      {"options", options_json(r.options)},
      {"seconds", {{"send", r.send_seconds}, {"total", r.total_seconds}}},
      {"throughput",
       {{"sent", r.sent},
        {"calls", r.calls},
        {"acked", r.acked},
        {"errors", r.errors},
        {"duplicates", r.duplicates},
        {"acked_per_second", r.acked_per_second()},
        {"generator_dropped", r.generator_dropped}}},
      {"latency_ms",
       {{"deliver_to_ack", latency_json(r.ack)},
        {"deliver_to_bot_reply", latency_json(r.bot_reply)},
        {"deliver_to_bot_reply_first_of_visit", latency_json(r.bot_reply_first)},
        {"deliver_to_bot_reply_follow_up", latency_json(r.bot_reply_follow_up)},
        {"handoff_to_offer", latency_json(r.offer)},
        {"schedule_lag", latency_json(r.schedule_lag)}}},
      {"bot",
       {{"answered", r.bot_answered},
        {"replies_seen_on_sink", r.bot_replies_seen},
        {"replies_missing_on_sink", r.bot_replies_missing}}},
      {"handoffs",
       {{"conversations", r.handoffs},
        {"offered", r.offers},
        {"still_waiting", r.handoffs_unoffered},
        {"agent_replies_seen_on_sink", r.agent_replies_seen},
        {"queue_updates_seen", r.queue_updates_seen}}},
      {"errors", r.errors_by_code},
      {"workload",
       {{"sessions", r.workload.sessions},
        {"returning_sessions", r.workload.returning_sessions},
        {"channel_switches", r.workload.channel_switches},
        {"follow_ups", r.workload.follow_ups},
        {"by_kind", r.workload.by_kind},
        {"by_channel", r.workload.by_channel},
        {"by_label", r.workload.by_label}}},
      {"agents", agents},
      {"server", {{"queues", queues}, {"counters", r.server}}},
      {"timeline", timeline},
  };
}

std::string render_summary(const LoadResult& r) {
  std::string out;
  const bool batching = r.options.batch_size > 1;
  out += fmt::format("load run {}: {} loop, {}", r.run_id, to_string(r.options.mode),
                     batching ? fmt::format("deliverBatch of up to {} (linger {} ms)",
                                            r.options.batch_size, r.options.batch_linger.count())
                              : std::string("one deliver per message"));
  if (r.options.mode == LoopMode::open) {
    out += fmt::format(", target {:.0f} msg/s", r.options.shape.rate);
    if (r.options.shape.spike_at_seconds) {
      out += fmt::format(" with a x{:.1f} spike at {:.0f} s", r.options.shape.spike_factor,
                         *r.options.shape.spike_at_seconds);
    }
  } else {
    out += fmt::format(", {} in flight", r.options.concurrency);
  }
  out += fmt::format(
      "\n  sent {} in {:.1f} s, acked {} ({:.0f} msg/s), errors {}, dropped by "
      "the generator {}\n",
      r.sent, r.send_seconds, r.acked, r.acked_per_second(), r.errors, r.generator_dropped);
  out += fmt::format("  {:<28} {:>8} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "latency (ms)", "count",
                     "p50", "p90", "p99", "p99.9", "max");
  out += latency_line("deliver -> durable ack", r.ack);
  out += latency_line("deliver -> bot reply (sink)", r.bot_reply);
  out += latency_line("  first of a visit", r.bot_reply_first);
  out += latency_line("  later in the visit", r.bot_reply_follow_up);
  out += latency_line("handoff -> agent offer", r.offer);
  out += latency_line("send lag (generator)", r.schedule_lag);
  out += fmt::format(
      "  bot answered {} ({} seen on the sink, {} missing); handoffs {}, offered {}, "
      "still waiting {}\n",
      r.bot_answered, r.bot_replies_seen, r.bot_replies_missing, r.handoffs, r.offers,
      r.handoffs_unoffered);
  out += fmt::format("  sessions {} ({} returning, {} switched channel), follow-up turns {}\n",
                     r.workload.sessions, r.workload.returning_sessions,
                     r.workload.channel_switches, r.workload.follow_ups);
  for (const auto& [code, count] : r.errors_by_code) {
    out += fmt::format("  error {}: {}\n", code, count);
  }
  for (const auto& a : r.agents) {
    out += fmt::format(
        "  agent {:<6} offers {:>4} accepted {:>4} replies {:>4} resolved {:>4} "
        "tickets {:>3} away {:>2} errors {}\n",
        a.agent_id, a.offers, a.accepted, a.replies, a.resolved, a.tickets, a.presence_changes / 2,
        a.errors);
  }
  return out;
}

}  // namespace sb::load
