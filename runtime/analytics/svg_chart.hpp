#pragma once
// Inline SVG charts for the HTML report: no scripts, no external assets, so the page works
// offline and can be mailed as one file.

#include <string>
#include <vector>

namespace sb::analytics {

struct ChartPoint {
  std::string label;
  double value = 0;
};

// Charts draw at most this many bars or points; the rest is in the tables.
inline constexpr std::size_t kChartPointsMax = 48;

// Horizontal bars, one per point, labelled with their value.
std::string svg_bar_chart(const std::string& title, const std::vector<ChartPoint>& points);
// A polyline over the points in order (e.g. by hour), with min/max marks.
std::string svg_line_chart(const std::string& title, const std::vector<ChartPoint>& points);

// &, <, >, " and ' as entities.
std::string html_escape(const std::string& text);

}  // namespace sb::analytics
