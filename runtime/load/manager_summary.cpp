#include "runtime/load/manager_summary.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "runtime/analytics/format.hpp"

namespace sb::load {
namespace {

using analytics::format_ms;
using analytics::format_percent;

const std::string kNoIntentLabel = "(none)";
const std::string kNoIntentShown = "(not understood)";

double share(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

std::string peak_line(const LoadResult& load) {
  double peak = 0;
  for (const auto& point : load.timeline) peak = std::max(peak, static_cast<double>(point.acked));
  return fmt::format("  busiest second         {:.0f} messages (average {:.0f}/s)\n", peak,
                     load.acked_per_second());
}

std::string questions(const analytics::Report& report) {
  std::string out = "\nWhat customers asked most\n";
  const auto& rows = report.questions_by_intent;
  for (std::size_t i = 0; i < rows.size() && i < kTopQuestionsShown; ++i) {
    // The bot's "no intent" bucket, in words a manager reads.
    const auto& label = rows[i].label == kNoIntentLabel ? kNoIntentShown : rows[i].label;
    out += fmt::format("  {}. {:<28} {}\n", i + 1, label, rows[i].count);
  }
  if (!report.top_unanswered.empty()) {
    out += "  the bot could not answer, e.g.:";
    for (std::size_t i = 0; i < report.top_unanswered.size() && i < 3; ++i) {
      out += fmt::format(" \"{}\"", report.top_unanswered[i].label);
    }
    out += "\n";
  }
  return out;
}

std::string agents(const analytics::Report& report, const LoadResult& load) {
  std::string out = "\nLoad per agent\n";
  out += fmt::format("  {:<8} {:>9} {:>8} {:>9} {:>9} {:>10}\n", "agent", "accepted", "replies",
                     "resolved", "tickets", "occupancy");
  for (const auto& row : report.agents) {
    std::uint64_t tickets = 0;
    for (const auto& a : load.agents) {
      if (a.agent_id == row.agent) tickets = a.tickets;
    }
    out += fmt::format("  {:<8} {:>9} {:>8} {:>9} {:>9} {:>10}\n", row.agent, row.accepted,
                       row.replies, row.resolutions, tickets, format_percent(row.occupancy));
  }
  const auto& lb = report.load_balance;
  if (lb.agents > 0) {
    out += fmt::format("  spread: {} to {} conversations per agent ({} from an even split)\n",
                       lb.min, lb.max, format_percent(lb.imbalance));
  }
  return out;
}

}  // namespace

std::string render_manager_summary(const RunAnalytics& analytics, const LoadResult& load) {
  const auto& r = analytics.report;
  const auto& t = r.totals;
  std::uint64_t warned = 0;
  std::uint64_t breached = 0;
  for (const auto& row : r.sla) {
    for (auto n : row.warned) warned += n;
    for (auto n : row.breached) breached += n;
  }
  std::string out = "\n=== switchboard demo: what happened ===\n";
  out += fmt::format("  customer messages      {} in {:.0f} s, over {} conversations\n",
                     t.customer_messages, load.send_seconds, t.conversations_opened);
  out += peak_line(load);
  out += fmt::format(
      "  answered by the bot    {} replies ({} of messages); {} of questions "
      "not understood\n",
      t.bot_replies, format_percent(share(t.bot_replies, t.customer_messages)),
      format_percent(share(t.questions_unanswered, t.questions)));
  out += fmt::format("  handed to a person     {} conversations ({} of conversations)\n",
                     t.handoffs, format_percent(t.handoff_rate));
  out += fmt::format("  wait for an agent      average {}, p99 {} ({} waits)\n",
                     format_ms(static_cast<std::int64_t>(r.queue_wait.average_ms)),
                     format_ms(r.queue_wait.p99_ms), r.queue_wait.count);
  out += fmt::format("  bot reply time         p99 {:.1f} ms from the customer's message\n",
                     load.bot_reply.p99_ms);
  out += fmt::format("  tickets created        {}\n", analytics.tickets_created);
  out += fmt::format("  SLA                    {} warnings, {} breaches\n", warned, breached);
  out += fmt::format("  resolved by agents     {}\n", t.resolutions);
  // Bot-only conversations end on an inactivity timer, usually after a short demo is over.
  if (t.bot_resolved > 0) out += fmt::format("  resolved by the bot    {}\n", t.bot_resolved);
  if (load.errors > 0) out += fmt::format("  errors                 {}\n", load.errors);
  out += questions(r);
  out += agents(r, load);
  return out;
}

}  // namespace sb::load
