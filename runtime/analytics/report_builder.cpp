#include "runtime/analytics/report_builder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "actors/conversation/conversation_model.hpp"
#include "runtime/analytics/report_sections.hpp"

namespace sb::analytics {
namespace {

// The query's filters as ids; a name the models never saw matches nothing.
struct Filter {
  std::optional<std::uint8_t> channel;
  std::optional<std::uint8_t> tier;
  std::optional<NameId> skill;
  std::optional<NameId> agent;

  Filter(const ReportQuery& q, const Dictionary& names) {
    if (q.channel) channel = static_cast<std::uint8_t>(*q.channel);
    if (q.tier) tier = static_cast<std::uint8_t>(*q.tier);
    if (q.skill) skill = names.find(*q.skill);
    if (q.agent) agent = names.find(*q.agent);
  }
  bool matches(const CellKey& k) const {
    return (!channel || *channel == k.channel) && (!tier || *tier == k.tier) &&
           (!skill || *skill == k.skill) && (!agent || *agent == k.agent);
  }
  bool matches(const SlaKey& k) const {
    return (!channel || *channel == k.channel) && (!tier || *tier == k.tier);
  }
  bool matches_agent(NameId id) const { return !agent || *agent == id; }
  bool matches_channel(std::uint8_t c) const { return !channel || *channel == c; }
};

std::int64_t ceil_hour(std::int64_t unix_ms) { return -hour_of(-unix_ms); }

}  // namespace

HourRange hours_of(const ReportQuery& query) {
  return HourRange{hour_of(to_unix_ms(query.from)), ceil_hour(to_unix_ms(query.to))};
}

double ratio(double numerator, double denominator) {
  return denominator == 0 ? 0.0 : numerator / denominator;
}

LatencySummary summarize(const LatencyHistogram& h) {
  return LatencySummary{h.count(), h.average_ms(), h.percentile(0.50), h.percentile(0.90),
                        h.percentile(0.99)};
}

CsatSummary summarize_csat(const std::array<std::uint64_t, kCsatScores>& counts) {
  CsatSummary s;
  std::uint64_t points = 0;
  for (std::size_t i = 0; i < kCsatScores; ++i) {
    s.distribution[i] = counts[i];
    s.count += counts[i];
    points += counts[i] * (i + 1);
  }
  s.average = ratio(static_cast<double>(points), static_cast<double>(s.count));
  return s;
}

Report build_report(const ReadModels& models, const AgentTracker& agents, std::int64_t watermark_ms,
                    const ReportQuery& query) {
  const Filter filter(query, models.names);
  const HourRange range = hours_of(query);
  SectionBuilder sections(models.names, query);

  auto first = models.hours.lower_bound(range.first);
  auto last = models.hours.lower_bound(range.last);
  for (auto it = first; it != last; ++it) {
    const auto& [hour, bucket] = *it;
    for (const auto& [key, cell] : bucket.conversations) {
      if (filter.matches(key)) sections.add_conversations(hour, key, cell);
    }
    for (const auto& [key, cell] : bucket.sla) {
      if (filter.matches(key)) sections.add_sla(key, cell);
    }
    for (const auto& [agent, cell] : bucket.agents) {
      if (filter.matches_agent(agent)) sections.add_presence(agent, cell);
    }
    auto add_sketches = [&](const std::map<std::uint8_t, TopTexts>& sketches, bool unanswered) {
      for (const auto& [channel, sketch] : sketches) {
        if (filter.matches_channel(channel)) sections.add_questions(sketch, unanswered);
      }
    };
    add_sketches(bucket.questions, false);
    add_sketches(bucket.unanswered, true);
  }
  const std::int64_t tail_end = std::min(watermark_ms, to_unix_ms(query.to));
  agents.open_tails(tail_end, [&](std::int64_t hour, NameId agent, const AgentCell& cell) {
    if (range.contains(hour) && filter.matches_agent(agent)) sections.add_presence(agent, cell);
  });
  return sections.finish();
}

}  // namespace sb::analytics
