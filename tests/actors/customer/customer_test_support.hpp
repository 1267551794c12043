#pragma once
// Shared fixtures for the Customer tests: times, a registered customer and a rich state.

#include <string>
#include <vector>

#include "actors/customer/customer_decider.hpp"

namespace sb::customer::test {

inline constexpr Timestamp kT0 = from_unix_ms(1'700'000'000'000);
inline Timestamp at_min(int minutes) { return kT0 + std::chrono::minutes(minutes); }

inline Profile new_profile() {
  Profile profile;
  profile.display_name = "Li Wei";
  profile.language = "zh";
  profile.account_created_at = kT0;
  return profile;
}

inline CustomerRegistered registered(const std::string& id = "c-1") {
  return CustomerRegistered{id, new_profile(), kT0};
}

inline Identity identity(IdentityKind kind, std::string value, bool verified = false,
                         Timestamp at = kT0) {
  return Identity{kind, std::move(value), verified, at};
}

// A customer with two identities, a conversation and a ticket on the timeline and a last agent.
inline std::vector<Event> history(const std::string& id, const std::string& phone, int offset_min) {
  return {registered(id),
          IdentityLinked{identity(IdentityKind::web_visitor, "v-" + id)},
          IdentityLinked{identity(IdentityKind::phone, phone, true, at_min(offset_min + 1))},
          ConversationStarted{"conv-" + id, Channel::web, at_min(offset_min + 2)},
          TicketOpened{"t-" + id, Channel::email, at_min(offset_min + 3)},
          LastAgentRecorded{LastAgent{"a-" + id, "conv-" + id, at_min(offset_min + 4)}}};
}

}  // namespace sb::customer::test
