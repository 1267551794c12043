#pragma once
// Seeded random command sequences for ticket property tests: mostly valid commands, some invalid
// ones, time that usually moves forward in small steps but sometimes jumps days ahead (a node that
// was down) or a little back (a node whose clock is behind).

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "actors/ticket/ticket_decider.hpp"
#include "tests/actors/ticket/ticket_test_support.hpp"

namespace sb::ticket::testing {

class RandomTicket {
 public:
  explicit RandomTicket(std::uint64_t seed) : rng_(seed) {
    office_.utc_offset_minutes = 8 * 60;
    for (std::uint8_t weekday = 1; weekday <= 6; ++weekday) {
      office_.opening_hours.push_back({weekday, 9 * 60, 18 * 60});
    }
    office_.holidays = {std::chrono::year{2024} / std::chrono::March / 6};
  }

  // The next moment: mostly minutes later, sometimes days, sometimes slightly earlier.
  Timestamp advance(Timestamp now) {
    const int roll = pick(100);
    if (roll < 5) return now - Duration(std::chrono::minutes(pick(10)));
    if (roll < 10) return now + Duration(std::chrono::hours(pick(24 * 6)));
    return now + Duration(std::chrono::minutes(pick(90)));
  }

  Command command(const State& s, Timestamp now) {
    if (s.status == Status::none || pick(200) == 0) return create(now);
    switch (pick(15)) {
      case 0:
        return UpdateFields{fields(), agent(), now};
      case 1:
        return AssignTicket{assignee(), agent(), now};
      case 2:
      case 3:
        return RecordAgentReply{agent(), now};
      case 4:
      case 5:
        return RecordCustomerReply{now};
      case 6:
        return MarkPendingCustomer{agent(), now};
      case 7:
        return ResumeTicket{agent(), now};
      case 8:
        return AddNote{agent(), text(), now};
      case 9:
        return ChangePriority{priority(), agent(), table(), now};
      case 10:
        return ChangeSlaPolicy{tier(), table(), now};
      case 11:
        return ResolveTicket{agent(), pick(2) ? "fixed" : "", now};
      case 12:
        return ReopenTicket{agent(), text(), now};
      case 13:
        return pick(4) == 0 ? Command(CloseTicket{agent(), now}) : Command(CheckSla{now});
      default:
        return CheckSla{now};
    }
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  CreateTicket create(Timestamp now) {
    CreateTicket c = create_command(now);
    c.tier = tier();
    c.priority = priority();
    c.fields = fields();
    c.sla_policies = table();
    if (pick(20) == 0) c.subject.clear();  // rejected
    return c;
  }
  std::string agent() { return pick(30) == 0 ? "" : "a" + std::to_string(pick(3)); }
  std::string assignee() {
    static const char* const kAssignees[] = {"agent:a0", "agent:a1", "group:billing", "a1"};
    return kAssignees[pick(4)];
  }
  std::string text() {
    static const char* const kTexts[] = {"called the courier", "客户要求退款", "", "\xc3"};
    return kTexts[pick(10) < 7 ? pick(2) : 2 + pick(2)];
  }
  Priority priority() { return static_cast<Priority>(1 + pick(4)); }
  Tier tier() { return static_cast<Tier>(1 + pick(4)); }
  Fields fields() {
    Fields f;
    if (pick(2)) f.order_number = FieldValue{"SO-" + std::to_string(pick(5)), FieldSource::agent};
    if (pick(3) == 0)
      f.phone = FieldValue{pick(4) ? "+86 10 1234 5678" : "x", FieldSource::extracted};
    if (pick(3) == 0) f.email = FieldValue{pick(2) ? "li@example.com" : "", FieldSource::customer};
    return f;
  }
  // Half the time the shop works office hours; targets differ by tier and priority.
  SlaPolicyTable table() {
    SlaPolicyTable t = make_table();
    if (pick(2)) {
      for (auto& entry : t.entries) entry.policy.calendar = office_;
    }
    if (pick(10) == 0) t.entries.pop_back();  // enterprise-urgent missing
    return t;
  }

  std::mt19937_64 rng_;
  BusinessCalendar office_;
};

}  // namespace sb::ticket::testing
