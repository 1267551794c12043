#pragma once
// The SLA policies a node starts with: targets per tier × priority, every minute counting
// (24/7 service at peak), warnings at 80%, escalation to the "supervisors" group.
//   regular/normal: first response 4 h, next reply 8 h, resolution 72 h;
//   priority scales them: low ×2, high ×½, urgent ×¼; tier scales them: VIP ×½, enterprise ×¼.

#include "actors/ticket/sla_model.hpp"

namespace sb::service {

ticket::SlaPolicyTable default_sla_policies();

}  // namespace sb::service
