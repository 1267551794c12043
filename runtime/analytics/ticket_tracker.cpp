#include "runtime/analytics/ticket_tracker.hpp"

#include "actors/common/overloaded.hpp"

namespace sb::analytics {
namespace {

std::size_t clock_index(ticket::SlaClockKind kind) { return ticket::index_of(kind); }

}  // namespace

SlaCell& TicketTracker::cell(const TicketTrack& t, Timestamp at) {
  return models_->hour(to_unix_ms(at)).sla[SlaKey{t.policy, t.channel, t.tier}];
}

void TicketTracker::apply(const std::string& id, const ticket::Event& event) {
  using namespace ticket;
  TicketTrack& t = tracks_[id];
  std::visit(Overloaded{
                 [&](const TicketCreated& e) {
                   t = TicketTrack{models_->names.intern(e.policy.name),
                                   static_cast<std::uint8_t>(e.channel),
                                   static_cast<std::uint8_t>(e.tier), false};
                 },
                 [&](const SlaPolicyChanged& e) {
                   t.policy = models_->names.intern(e.policy.name);
                   t.tier = static_cast<std::uint8_t>(e.tier);
                 },
                 [&](const SlaWarned& e) {
                   const std::size_t i = clock_index(e.clock);
                   if (i < kSlaClocks) ++cell(t, e.at).warned[i];
                 },
                 [&](const SlaBreached& e) {
                   const std::size_t i = clock_index(e.clock);
                   if (i < kSlaClocks) ++cell(t, e.at).breached[i];
                   t.breached = true;
                 },
                 [&](const TicketResolved& e) {
                   SlaCell& c = cell(t, e.at);
                   ++c.tickets_resolved;
                   if (!t.breached) ++c.resolved_within_sla;
                 },
                 [&](const TicketClosed&) { tracks_.erase(id); },
                 [&](const FieldsUpdated&) {},
                 [&](const TicketAssigned&) {},
                 [&](const StatusChanged&) {},
                 [&](const AgentReplied&) {},
                 [&](const CustomerReplied&) {},
                 [&](const NoteAdded&) {},
                 [&](const PriorityChanged&) {},
                 [&](const Escalated&) {},
                 [&](const TicketReopened&) {},
             },
             event);
}

}  // namespace sb::analytics
