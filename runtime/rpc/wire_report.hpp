#pragma once
// Reports and quality violations between the reporting side's structs and the wire.

#include "runtime/reporting/reporting_service.hpp"
#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {

// Rows in a report's top lists a caller may ask for.
inline constexpr std::size_t kReportTopMax = 100;

// The request in `in`, or why it is malformed (unknown channel or tier, a window that ends
// before it starts, oversized names).
Expected<reporting::ReportRequest, service::ServiceError> read_report_query(
    api::ReportQuery::Reader in);
void to_wire(api::ReportQuery::Builder out, const reporting::ReportRequest& in);

void to_wire(api::ReportDocument::Builder out, const reporting::RenderedReport& in);
reporting::RenderedReport from_wire(api::ReportDocument::Reader in);

void to_wire(api::Violation::Builder out, const quality::Violation& in);
// An unknown (newer) rule name keeps its evidence; the rule reads as the first one.
quality::Violation from_wire(api::Violation::Reader in);

}  // namespace sb::rpc
