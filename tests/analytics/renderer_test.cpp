// The renderers: text tables, JSON that parses and carries the figures, and an HTML page that is
// well-formed and self-contained (no scripts, no external references) with its SVG charts.

#include <regex>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "runtime/analytics/projection.hpp"
#include "runtime/analytics/quality_section.hpp"
#include "tests/analytics/random_history.hpp"

namespace sb::analytics::testing {
namespace {

Report sample_report() {
  static const History h = random_history(3);
  Projection projection;
  for (const auto& entry : h.feed) projection.apply(entry);
  Report r = projection.report(window(h.start, h.end + std::chrono::hours(1)));
  quality::QualityProjection q;
  q.record({quality::Rule::rudeness, "\"shut up\"", "a-1", "conv-1", h.start});
  q.record({quality::Rule::card_number, "card_number ****1234", "a-1", "conv-2", h.start});
  attach_quality(r, q);
  return r;
}

TEST(AnalyticsRender, TextHasEveryTable) {
  const std::string text = render_text(sample_report());
  for (const char* title :
       {"Overview", "Customer messages by channel", "By hour", "Top questions", "Handoff reasons",
        "Queue wait by skill group and tier", "CSAT distribution", "SLA by policy", "Agents",
        "Load balance", "Quality violations"}) {
    EXPECT_NE(text.find(title), std::string::npos) << title;
  }
  EXPECT_NE(text.find("rudeness"), std::string::npos);
}

TEST(AnalyticsRender, JsonCarriesTheFigures) {
  const Report r = sample_report();
  const auto json = nlohmann::json::parse(render_json(r));
  EXPECT_EQ(json["totals"]["conversations_opened"].get<std::uint64_t>(),
            r.totals.conversations_opened);
  EXPECT_EQ(json["queue_wait"]["p90_ms"].get<std::int64_t>(), r.queue_wait.p90_ms);
  EXPECT_EQ(json["agents"].size(), r.agents.size());
  EXPECT_EQ(json["sla"].size(), r.sla.size());
  EXPECT_EQ(json["quality"].size(), 2u);
  EXPECT_EQ(json["csat"]["count"].get<std::uint64_t>(), r.csat.count);
}

// Every opened tag is closed, in order (void elements excepted).
bool balanced(const std::string& html) {
  static const std::regex tag("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>");
  static const std::set<std::string> kVoid{"meta", "br", "hr", "img", "link", "input"};
  std::vector<std::string> open;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator();
       ++it) {
    const std::string name = (*it)[2];
    if ((*it)[3] == "/" || kVoid.contains(name)) continue;
    if ((*it)[1] == "/") {
      if (open.empty() || open.back() != name) return false;
      open.pop_back();
    } else {
      open.push_back(name);
    }
  }
  return open.empty();
}

TEST(AnalyticsRender, HtmlIsSelfContainedAndWellFormed) {
  const Report r = sample_report();
  const std::string html = render_html(r);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(balanced(html.substr(html.find('\n') + 1)));
  for (const char* outside : {"http:", "https:", "src=", "href=", "<script", "@import", "url("}) {
    EXPECT_EQ(html.find(outside), std::string::npos) << outside;
  }
  std::size_t charts = 0;
  for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
    ++charts;
  EXPECT_GE(charts, 8u);
  EXPECT_NE(html.find("<polyline"), std::string::npos);
  EXPECT_NE(html.find("<rect"), std::string::npos);
  EXPECT_NE(html.find(std::to_string(r.totals.conversations_opened)), std::string::npos);
  EXPECT_NE(html.find("a-1"), std::string::npos);
}

TEST(AnalyticsRender, HtmlEscapesNames) {
  Report r;
  r.top_questions.push_back({"<script>alert(1)</script>", 3});
  const std::string html = render_html(r);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

}  // namespace
}  // namespace sb::analytics::testing
