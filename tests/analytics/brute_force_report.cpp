#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "actors/agent/agent_decider.hpp"
#include "actors/common/overloaded.hpp"
#include "runtime/analytics/cells.hpp"
#include "runtime/analytics/latency_histogram.hpp"
#include "runtime/analytics/report_builder.hpp"
#include "tests/analytics/brute_force.hpp"
#include "tests/analytics/brute_force_samples.hpp"

namespace sb::analytics::testing {
namespace {

std::string or_none(const std::string& s) { return s.empty() ? "(none)" : s; }

LatencySummary exact(std::vector<std::int64_t> v) {
  LatencySummary s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.count = v.size();
  std::int64_t sum = 0;
  for (auto x : v) sum += std::max<std::int64_t>(x, 0);
  s.average_ms = static_cast<double>(sum) / static_cast<double>(v.size());
  auto at = [&](double p) {
    return LatencyHistogram::representative(v[nearest_rank_index(p, v.size())]);
  };
  s.p50_ms = at(0.5);
  s.p90_ms = at(0.9);
  s.p99_ms = at(0.99);
  return s;
}

CsatSummary exact_csat(const std::vector<std::int64_t>& scores) {
  std::array<std::uint64_t, 5> counts{};
  for (auto s : scores) ++counts[static_cast<std::size_t>(s - 1)];
  return summarize_csat(counts);
}

std::int64_t event_ms(const AnyEvent& any) {
  return std::visit(
      [](const auto& e) { return to_unix_ms(std::visit([](const auto& x) { return x.at; }, e)); },
      any);
}

std::vector<CountRow> top(std::map<std::string, std::uint64_t> counts, std::size_t n) {
  std::vector<CountRow> rows;
  for (const auto& [label, count] : counts) rows.push_back({label, count});
  std::sort(rows.begin(), rows.end(), [](const CountRow& a, const CountRow& b) {
    return a.count != b.count ? a.count > b.count : a.label < b.label;
  });
  if (rows.size() > n) rows.resize(n);
  return rows;
}

}  // namespace

Report brute_force_report(const std::vector<RawEvent>& events, const ReportQuery& q) {
  std::int64_t watermark = 0;
  for (const auto& raw : events) watermark = std::max(watermark, event_ms(raw.event));
  const HourRange range = hours_of(q);
  std::vector<Sample> selected;
  std::map<std::string, std::uint64_t> questions, unanswered;
  for (Sample& s : all_conversation_samples(events)) {
    if (!range.contains(hour_of(s.at))) continue;
    const bool question = s.metric == Metric::question_ok || s.metric == Metric::question_gap;
    if (question && (!q.channel || static_cast<std::uint8_t>(*q.channel) == s.dims.channel)) {
      ++questions[s.text];
      if (s.metric == Metric::question_gap) ++unanswered[s.text];
    }
    const Dims& d = s.dims;
    const bool match = (!q.channel || static_cast<std::uint8_t>(*q.channel) == d.channel) &&
                       (!q.tier || static_cast<std::uint8_t>(*q.tier) == d.tier) &&
                       (!q.skill || *q.skill == d.skill) && (!q.agent || *q.agent == d.agent);
    if (match) selected.push_back(std::move(s));
  }
  auto count = [&](Metric m) {
    return static_cast<std::uint64_t>(std::count_if(
        selected.begin(), selected.end(), [&](const Sample& s) { return s.metric == m; }));
  };
  auto values = [&](Metric m, const std::function<bool(const Sample&)>& also = {}) {
    std::vector<std::int64_t> v;
    for (const auto& s : selected)
      if (s.metric == m && (!also || also(s))) v.push_back(s.value);
    return v;
  };
  Report r;
  r.query = q;
  Totals& t = r.totals;
  t.conversations_opened = count(Metric::opened);
  t.customer_messages = count(Metric::message);
  t.bot_replies = count(Metric::bot_reply);
  t.agent_replies = count(Metric::agent_reply);
  t.questions = count(Metric::question_ok) + count(Metric::question_gap);
  t.questions_unanswered = count(Metric::question_gap);
  t.handoffs = count(Metric::handoff);
  t.conversations_ended = count(Metric::ended);
  t.bot_resolved = count(Metric::bot_resolved);
  t.resolutions = count(Metric::resolution);
  t.first_contact_resolutions = count(Metric::fcr);
  t.transfers = count(Metric::transfer);
  auto d = [](std::uint64_t v) { return static_cast<double>(v); };
  t.bot_resolution_rate = ratio(d(t.bot_resolved), d(t.conversations_ended));
  t.handoff_rate = ratio(d(t.handoffs), d(t.conversations_opened));
  t.fcr_rate = ratio(d(t.first_contact_resolutions), d(t.resolutions));
  t.transfer_rate = ratio(d(t.transfers), d(t.resolutions));

  std::map<std::uint8_t, std::uint64_t> by_channel;
  std::map<std::string, std::uint64_t> by_intent;
  std::map<std::int64_t, std::vector<const Sample*>> by_hour;
  std::map<std::pair<std::string, std::uint8_t>, std::vector<std::int64_t>> waits;
  std::array<std::uint64_t, 7> reasons{};
  for (const auto& s : selected) {
    by_hour[hour_of(s.at)].push_back(&s);
    if (s.metric == Metric::message) ++by_channel[s.dims.channel];
    if (s.metric == Metric::question_ok || s.metric == Metric::question_gap)
      ++by_intent[or_none(s.dims.intent)];
    if (s.metric == Metric::handoff_reason) ++reasons[static_cast<std::size_t>(s.value - 1)];
    if (s.metric == Metric::queue_wait)
      waits[{or_none(s.dims.skill), s.dims.tier}].push_back(s.value);
  }
  for (const auto& [channel, n] : by_channel)
    r.messages_by_channel.push_back({std::string(to_string(static_cast<Channel>(channel))), n});
  r.questions_by_intent = top(by_intent, SIZE_MAX);
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    r.handoff_reasons.push_back(
        {std::string(conversation::to_string(static_cast<conversation::HandoffReason>(i + 1))),
         reasons[i]});
  }
  for (const auto& [hour, samples] : by_hour) {
    HourRow row;
    row.hour_start_ms = hour * kHourMs;
    std::vector<std::int64_t> scores;
    for (const Sample* s : samples) {
      row.conversations_opened += s->metric == Metric::opened;
      row.customer_messages += s->metric == Metric::message;
      row.handoffs += s->metric == Metric::handoff;
      if (s->metric == Metric::csat) scores.push_back(s->value);
    }
    const CsatSummary c = exact_csat(scores);
    row.csat_count = c.count;
    row.csat_average = c.average;
    r.by_hour.push_back(row);
  }
  r.top_questions = top(questions, q.top);
  r.top_unanswered = top(unanswered, q.top);
  r.queue_wait = exact(values(Metric::queue_wait));
  for (const auto& [group, v] : waits) {
    r.queue_wait_by_group.push_back(
        {group.first,
         group.second == 0 ? "(none)" : std::string(to_string(static_cast<Tier>(group.second))),
         exact(v)});
  }
  r.first_response = exact(values(Metric::first_response));
  r.bot_first_response = exact(values(Metric::bot_first_response));
  r.handle_time = exact(values(Metric::handle_time));
  r.csat = exact_csat(values(Metric::csat));
  r.sla = sla(events, q);

  const auto present = presence(events, q, watermark);
  std::set<std::string> agents;
  for (const auto& [id, p] : present) agents.insert(id);
  for (const auto& s : selected)
    if (!s.dims.agent.empty()) agents.insert(s.dims.agent);
  std::vector<std::uint64_t> accepted;
  for (const auto& id : agents) {
    AgentRow row;
    row.agent = id;
    AgentCell p;
    if (auto it = present.find(id); it != present.end()) p = it->second.sums;
    row.logged_in_ms = p.logged_in_ms;
    row.online_ms = p.online_ms;
    row.busy_ms = p.busy_ms;
    row.occupancy = ratio(static_cast<double>(p.busy_ms), static_cast<double>(p.online_ms));
    row.utilisation =
        ratio(static_cast<double>(p.load_permille_ms) / 1000.0, static_cast<double>(p.online_ms));
    row.accepted = p.accepted;
    auto mine = [&](const Sample& s) { return s.dims.agent == id; };
    row.replies = values(Metric::agent_reply, mine).size();
    row.resolutions = values(Metric::resolution, mine).size();
    row.transfers = values(Metric::transfer, mine).size();
    row.handle_time = exact(values(Metric::handle_time, mine));
    row.csat = exact_csat(values(Metric::csat, mine));
    if (p.online_ms > 0 || p.accepted > 0) accepted.push_back(p.accepted);
    r.agents.push_back(std::move(row));
  }
  if (!accepted.empty()) {
    LoadBalance& lb = r.load_balance;
    lb.agents = accepted.size();
    double sum = 0;
    for (auto a : accepted) sum += static_cast<double>(a);
    lb.mean = sum / static_cast<double>(lb.agents);
    lb.min = *std::min_element(accepted.begin(), accepted.end());
    lb.max = *std::max_element(accepted.begin(), accepted.end());
    double squares = 0;
    for (auto a : accepted)
      squares += (static_cast<double>(a) - lb.mean) * (static_cast<double>(a) - lb.mean);
    lb.stddev = std::sqrt(squares / static_cast<double>(lb.agents));
    lb.imbalance = lb.mean == 0 ? 0.0 : static_cast<double>(lb.max) / lb.mean - 1.0;
  }
  return r;
}

}  // namespace sb::analytics::testing
