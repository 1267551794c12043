#include "actors/quality/quality_model.hpp"

namespace sb::quality {

std::string_view to_string(Rejection rejection) {
  switch (rejection) {
    case Rejection::already_checked:
      return "already_checked";
    case Rejection::too_many_findings:
      return "too_many_findings";
    case Rejection::invalid_finding:
      return "invalid_finding";
  }
  return "unknown";
}

Violation as_violation(const ViolationDetected& detected) {
  return Violation{detected.rule, detected.evidence, detected.agent_id, detected.conversation_id,
                   detected.at};
}

}  // namespace sb::quality
