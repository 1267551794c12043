#include "runtime/service/default_policies.hpp"

#include <string>

#include "actors/ticket/sla_clock.hpp"

namespace sb::service {
namespace {

// Scales in quarters so every target stays a whole number of minutes.
int quarters_for(Tier tier) {
  switch (tier) {
    case Tier::vip: return 2;
    case Tier::enterprise: return 1;
    case Tier::new_customer:
    case Tier::regular: return 4;
  }
  return 4;
}

int quarters_for(ticket::Priority priority) {
  switch (priority) {
    case ticket::Priority::low: return 8;
    case ticket::Priority::normal: return 4;
    case ticket::Priority::high: return 2;
    case ticket::Priority::urgent: return 1;
  }
  return 4;
}

}  // namespace

ticket::SlaPolicyTable default_sla_policies() {
  using std::chrono::minutes;
  ticket::SlaPolicyTable table;
  for (auto tier : {Tier::new_customer, Tier::regular, Tier::vip, Tier::enterprise}) {
    for (auto priority : {ticket::Priority::low, ticket::Priority::normal, ticket::Priority::high,
                          ticket::Priority::urgent}) {
      const int scale = quarters_for(tier) * quarters_for(priority);  // 16 = regular/normal
      ticket::SlaPolicy policy;
      policy.name = std::string(to_string(tier)) + "-" + std::string(ticket::to_string(priority));
      policy.first_response_target = minutes(240 * scale / 16);
      policy.next_reply_target = minutes(480 * scale / 16);
      policy.resolution_target = minutes(72 * 60 * scale / 16);
      policy.warn_fraction = 0.8;
      policy.supervisor_group = "supervisors";
      table.entries.push_back({tier, priority, policy});
    }
  }
  return table;
}

}  // namespace sb::service
