#include "runtime/analytics/svg_chart.hpp"

#include <algorithm>

#include "runtime/analytics/format.hpp"

namespace sb::analytics {
namespace {

inline constexpr int kWidth = 640;
inline constexpr int kBarHeight = 18;
inline constexpr int kLabelWidth = 220;
inline constexpr int kLineHeight = 200;
inline constexpr int kMargin = 30;

std::string num(double v) { return format_fixed(v, 1); }

std::string value_text(double v) {
  return v == static_cast<double>(static_cast<long long>(v))
             ? std::to_string(static_cast<long long>(v))
             : format_fixed(v, 2);
}

std::string open_svg(const std::string& title, int height) {
  return "<svg class=\"chart\" width=\"" + std::to_string(kWidth) + "\" height=\"" +
         std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
         std::to_string(height) + "\" role=\"img\"><title>" + html_escape(title) + "</title>";
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string svg_bar_chart(const std::string& title, const std::vector<ChartPoint>& all) {
  const std::vector<ChartPoint> points(
      all.begin(),
      all.begin() + static_cast<std::ptrdiff_t>(std::min(all.size(), kChartPointsMax)));
  double max = 0;
  for (const auto& p : points) max = std::max(max, p.value);
  const int height = kMargin + static_cast<int>(points.size()) * (kBarHeight + 4) + 10;
  std::string svg = open_svg(title, height);
  svg += "<text x=\"4\" y=\"18\" class=\"t\">" + html_escape(title) + "</text>";
  const double span = kWidth - kLabelWidth - 70;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const int y = kMargin + static_cast<int>(i) * (kBarHeight + 4);
    const double w = max > 0 ? points[i].value / max * span : 0;
    svg += "<text x=\"" + std::to_string(kLabelWidth - 6) + "\" y=\"" + std::to_string(y + 13) +
           "\" text-anchor=\"end\">" + html_escape(points[i].label) + "</text>";
    svg += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) +
           "\" width=\"" + num(w) + "\" height=\"" + std::to_string(kBarHeight) + "\"/>";
    svg += "<text x=\"" + num(kLabelWidth + w + 4) + "\" y=\"" + std::to_string(y + 13) + "\">" +
           value_text(points[i].value) + "</text>";
  }
  return svg + "</svg>";
}

std::string svg_line_chart(const std::string& title, const std::vector<ChartPoint>& all) {
  // Keep the newest points: a trend reads from the right.
  const std::size_t skip = all.size() > kChartPointsMax ? all.size() - kChartPointsMax : 0;
  const std::vector<ChartPoint> points(all.begin() + static_cast<std::ptrdiff_t>(skip), all.end());
  const int height = kLineHeight + 2 * kMargin;
  std::string svg = open_svg(title, height);
  svg += "<text x=\"4\" y=\"18\" class=\"t\">" + html_escape(title) + "</text>";
  if (points.empty()) return svg + "<text x=\"40\" y=\"80\">no data</text></svg>";
  double max = 0;
  for (const auto& p : points) max = std::max(max, p.value);
  const double left = 50;
  const double right = kWidth - 20;
  const double step =
      points.size() > 1 ? (right - left) / static_cast<double>(points.size() - 1) : 0;
  auto y_of = [&](double v) {
    return kMargin + kLineHeight - (max > 0 ? v / max * kLineHeight : 0);
  };
  svg += "<line x1=\"" + num(left) + "\" y1=\"" + num(y_of(0)) + "\" x2=\"" + num(right) +
         "\" y2=\"" + num(y_of(0)) + "\" class=\"axis\"/>";
  svg += "<text x=\"4\" y=\"" + num(y_of(max) + 4) + "\">" + value_text(max) + "</text>";
  svg += "<text x=\"4\" y=\"" + num(y_of(0) + 4) + "\">0</text><polyline points=\"";
  for (std::size_t i = 0; i < points.size(); ++i) {
    svg += num(left + step * static_cast<double>(i)) + "," + num(y_of(points[i].value)) + " ";
  }
  svg += "\"/>";
  svg += "<text x=\"" + num(left) + "\" y=\"" + std::to_string(height - 6) + "\">" +
         html_escape(points.front().label) + "</text>";
  svg += "<text x=\"" + num(right) + "\" y=\"" + std::to_string(height - 6) +
         "\" text-anchor=\"end\">" + html_escape(points.back().label) + "</text>";
  return svg + "</svg>";
}

}  // namespace sb::analytics
