#include "runtime/load/run_analytics.hpp"

#include "runtime/analytics/projection.hpp"

namespace sb::load {

Expected<RunAnalytics, std::string> analyse_feed(runtime::Journal& journal, std::uint64_t after_seq,
                                                 Timestamp from, Timestamp to) {
  analytics::Projection projection;
  RunAnalytics result;
  for (std::uint64_t after = after_seq;;) {
    auto page = journal.read_feed(after, kFeedPage);
    if (!page) return unexpected("reading the feed: " + page.error().message);
    if (page->empty()) break;
    for (const auto& entry : *page) {
      projection.apply(entry);
      ++result.events;
      if (entry.key.kind == EntityKind::ticket && entry.event.version == 1)
        ++result.tickets_created;
    }
    after = page->back().seq;
  }
  result.report = projection.report(analytics::window(from, to));
  return result;
}

}  // namespace sb::load
