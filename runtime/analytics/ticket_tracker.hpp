#pragma once
// SLA figures from Ticket events, by the policy in force: warnings and breaches per clock, and
// attainment (tickets resolved with no breach so far / tickets resolved).

#include <cstdint>
#include <string>
#include <unordered_map>

#include "actors/ticket/ticket_model.hpp"
#include "runtime/analytics/read_models.hpp"

namespace sb::analytics {

struct TicketTrack {
  NameId policy = kNoName;
  std::uint8_t channel = 0;
  std::uint8_t tier = 0;
  bool breached = false;
};

class TicketTracker {
 public:
  explicit TicketTracker(ReadModels& models) : models_(&models) {}
  void apply(const std::string& ticket_id, const ticket::Event& event);
  std::size_t tracked() const { return tracks_.size(); }

 private:
  SlaCell& cell(const TicketTrack& t, Timestamp at);

  ReadModels* models_;
  std::unordered_map<std::string, TicketTrack> tracks_;  // closed tickets are forgotten
};

}  // namespace sb::analytics
