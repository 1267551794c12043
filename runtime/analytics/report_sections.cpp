#include "runtime/analytics/report_sections.hpp"

#include <algorithm>
#include <cmath>

#include "actors/conversation/conversation_model.hpp"
#include "runtime/analytics/report_builder.hpp"

namespace sb::analytics {
namespace {

inline constexpr std::string_view kNone = "(none)";

std::string label(const Dictionary& names, NameId id) {
  return id == kNoName ? std::string(kNone) : names.name(id);
}

std::string tier_label(std::uint8_t tier) {
  return tier == 0 ? std::string(kNone) : std::string(to_string(static_cast<Tier>(tier)));
}

std::string channel_label(std::uint8_t channel) {
  return channel == 0 ? std::string(kNone) : std::string(to_string(static_cast<Channel>(channel)));
}

std::vector<CountRow> by_count(std::vector<CountRow> rows, std::size_t limit) {
  std::sort(rows.begin(), rows.end(), [](const CountRow& a, const CountRow& b) {
    return a.count != b.count ? a.count > b.count : a.label < b.label;
  });
  if (rows.size() > limit) rows.resize(limit);
  return rows;
}

std::vector<CountRow> rows_of(const std::vector<TextCount>& texts) {
  std::vector<CountRow> rows;
  for (const auto& t : texts) rows.push_back({t.text, t.count});
  return rows;
}

}  // namespace

SectionBuilder::SectionBuilder(const Dictionary& names, const ReportQuery& query)
    : names_(&names), query_(query) {}

void SectionBuilder::add_conversations(std::int64_t hour, const CellKey& key,
                                       const ConversationCell& cell) {
  all_.merge(cell);
  by_hour_[hour].merge(cell);
  if (cell.customer_messages > 0) messages_by_channel_[key.channel] += cell.customer_messages;
  const std::uint64_t questions = cell.bot_answered + cell.bot_unanswered;
  if (questions > 0) questions_by_intent_[key.intent] += questions;
  if (cell.queue_wait.count() > 0) {
    waits_[{label(*names_, key.skill), key.tier}].merge(cell.queue_wait);
  }
  if (key.agent != kNoName) agents_[names_->name(key.agent)].conversations.merge(cell);
}

void SectionBuilder::add_sla(const SlaKey& key, const SlaCell& cell) {
  sla_[label(*names_, key.policy)].merge(cell);
}

void SectionBuilder::add_presence(NameId agent, const AgentCell& cell) {
  agents_[label(*names_, agent)].presence.merge(cell);
}

void SectionBuilder::add_questions(const TopTexts& sketch, bool unanswered) {
  (unanswered ? unanswered_ : questions_).merge(sketch);
}

Totals SectionBuilder::totals() const {
  Totals t;
  t.conversations_opened = all_.conversations_opened;
  t.customer_messages = all_.customer_messages;
  t.bot_replies = all_.bot_replies;
  t.agent_replies = all_.agent_replies;
  t.questions = all_.bot_answered + all_.bot_unanswered;
  t.questions_unanswered = all_.bot_unanswered;
  t.handoffs = all_.handoffs;
  t.conversations_ended = all_.ended;
  t.bot_resolved = all_.bot_resolved;
  t.resolutions = all_.resolutions;
  t.first_contact_resolutions = all_.first_contact_resolutions;
  t.transfers = all_.transfers;
  auto d = [](std::uint64_t v) { return static_cast<double>(v); };
  t.bot_resolution_rate = ratio(d(t.bot_resolved), d(t.conversations_ended));
  t.handoff_rate = ratio(d(t.handoffs), d(t.conversations_opened));
  t.fcr_rate = ratio(d(t.first_contact_resolutions), d(t.resolutions));
  t.transfer_rate = ratio(d(t.transfers), d(t.resolutions));
  return t;
}

std::vector<AgentRow> SectionBuilder::agent_rows() const {
  std::vector<AgentRow> rows;
  for (const auto& [name, sums] : agents_) {
    AgentRow row;
    row.agent = name;
    const AgentCell& p = sums.presence;
    row.logged_in_ms = p.logged_in_ms;
    row.online_ms = p.online_ms;
    row.busy_ms = p.busy_ms;
    const auto online = static_cast<double>(p.online_ms);
    row.occupancy = ratio(static_cast<double>(p.busy_ms), online);
    row.utilisation = ratio(static_cast<double>(p.load_permille_ms) / 1000.0, online);
    row.accepted = p.accepted;
    const ConversationCell& c = sums.conversations;
    row.replies = c.agent_replies;
    row.resolutions = c.resolutions;
    row.transfers = c.transfers;
    row.handle_time = summarize(c.handle_time);
    row.csat = summarize_csat(c.csat);
    rows.push_back(std::move(row));
  }
  return rows;
}

LoadBalance SectionBuilder::load_balance() const {
  std::vector<std::uint64_t> accepted;
  for (const auto& [name, sums] : agents_) {
    if (sums.presence.online_ms > 0 || sums.presence.accepted > 0) {
      accepted.push_back(sums.presence.accepted);
    }
  }
  LoadBalance lb;
  if (accepted.empty()) return lb;
  lb.agents = accepted.size();
  double sum = 0;
  for (const auto a : accepted) sum += static_cast<double>(a);
  lb.mean = sum / static_cast<double>(lb.agents);
  lb.min = *std::min_element(accepted.begin(), accepted.end());
  lb.max = *std::max_element(accepted.begin(), accepted.end());
  double squares = 0;
  for (const auto a : accepted)
    squares += (static_cast<double>(a) - lb.mean) * (static_cast<double>(a) - lb.mean);
  lb.stddev = std::sqrt(squares / static_cast<double>(lb.agents));
  lb.imbalance = lb.mean == 0 ? 0.0 : static_cast<double>(lb.max) / lb.mean - 1.0;
  return lb;
}

Report SectionBuilder::finish() const {
  Report r;
  r.query = query_;
  r.totals = totals();
  for (const auto& [channel, count] : messages_by_channel_) {
    r.messages_by_channel.push_back({channel_label(channel), count});
  }
  std::vector<CountRow> intents;
  for (const auto& [intent, count] : questions_by_intent_) {
    intents.push_back({label(*names_, intent), count});
  }
  r.questions_by_intent = by_count(std::move(intents), SIZE_MAX);
  for (std::size_t i = 0; i < kHandoffReasonCount; ++i) {
    const auto reason = static_cast<conversation::HandoffReason>(i + 1);
    r.handoff_reasons.push_back({std::string(to_string(reason)), all_.handoff_reasons[i]});
  }
  for (const auto& [hour, cell] : by_hour_) {
    const CsatSummary csat = summarize_csat(cell.csat);
    r.by_hour.push_back({hour * kHourMs, cell.conversations_opened, cell.customer_messages,
                         cell.handoffs, csat.count, csat.average});
  }
  r.top_questions = rows_of(questions_.top(query_.top));
  r.top_unanswered = rows_of(unanswered_.top(query_.top));
  r.queue_wait = summarize(all_.queue_wait);
  for (const auto& [group, histogram] : waits_) {
    r.queue_wait_by_group.push_back(
        {std::get<0>(group), tier_label(std::get<1>(group)), summarize(histogram)});
  }
  r.first_response = summarize(all_.first_response);
  r.bot_first_response = summarize(all_.bot_first_response);
  r.handle_time = summarize(all_.handle_time);
  r.csat = summarize_csat(all_.csat);
  for (const auto& [policy, cell] : sla_) {
    r.sla.push_back({policy, cell.warned, cell.breached, cell.tickets_resolved,
                     cell.resolved_within_sla,
                     ratio(static_cast<double>(cell.resolved_within_sla),
                           static_cast<double>(cell.tickets_resolved))});
  }
  r.agents = agent_rows();
  r.load_balance = load_balance();
  return r;
}

}  // namespace sb::analytics
