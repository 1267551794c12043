#include "runtime/analytics/cells.hpp"

namespace sb::analytics {
namespace {

std::size_t mix(std::size_t seed, std::uint64_t value) {
  // boost::hash_combine's constant; good enough for a few small fields.
  return seed ^
         (std::hash<std::uint64_t>{}(value) + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

template <std::size_t N>
void add_all(std::array<std::uint64_t, N>& into, const std::array<std::uint64_t, N>& from) {
  for (std::size_t i = 0; i < N; ++i) into[i] += from[i];
}

}  // namespace

std::size_t CellKeyHash::operator()(const CellKey& k) const {
  std::size_t h = mix(0, (std::uint64_t{k.channel} << 8) | k.tier);
  h = mix(h, k.skill);
  h = mix(h, k.agent);
  return mix(h, k.intent);
}

std::size_t SlaKeyHash::operator()(const SlaKey& k) const {
  std::size_t h = mix(0, k.policy);
  return mix(h, (std::uint64_t{k.channel} << 8) | k.tier);
}

void ConversationCell::merge(const ConversationCell& o) {
  conversations_opened += o.conversations_opened;
  customer_messages += o.customer_messages;
  bot_replies += o.bot_replies;
  agent_replies += o.agent_replies;
  bot_answered += o.bot_answered;
  bot_unanswered += o.bot_unanswered;
  handoffs += o.handoffs;
  add_all(handoff_reasons, o.handoff_reasons);
  ended += o.ended;
  bot_resolved += o.bot_resolved;
  resolutions += o.resolutions;
  first_contact_resolutions += o.first_contact_resolutions;
  transfers += o.transfers;
  add_all(csat, o.csat);
  queue_wait.merge(o.queue_wait);
  first_response.merge(o.first_response);
  bot_first_response.merge(o.bot_first_response);
  handle_time.merge(o.handle_time);
}

void SlaCell::merge(const SlaCell& o) {
  add_all(warned, o.warned);
  add_all(breached, o.breached);
  tickets_resolved += o.tickets_resolved;
  resolved_within_sla += o.resolved_within_sla;
}

void AgentCell::merge(const AgentCell& o) {
  logged_in_ms += o.logged_in_ms;
  online_ms += o.online_ms;
  busy_ms += o.busy_ms;
  load_permille_ms += o.load_permille_ms;
  accepted += o.accepted;
}

}  // namespace sb::analytics
