#include "runtime/analytics/quality_section.hpp"

namespace sb::analytics {

void attach_quality(Report& report, const quality::QualityProjection& quality) {
  report.quality.clear();
  for (const auto& c : quality.counts(report.query.from, report.query.to, report.query.agent)) {
    report.quality.push_back({c.agent_id, std::string(quality::to_string(c.rule)), c.count});
  }
}

}  // namespace sb::analytics
