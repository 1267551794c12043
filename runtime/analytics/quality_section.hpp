#pragma once
// Adds the quality violations of a report's window (and agent slice) to the report.

#include "runtime/analytics/report.hpp"
#include "runtime/quality/quality_projection.hpp"

namespace sb::analytics {

void attach_quality(Report& report, const quality::QualityProjection& quality);

}  // namespace sb::analytics
