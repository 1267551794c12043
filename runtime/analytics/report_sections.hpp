#pragma once
// Accumulates the cells a query selected and turns the sums into a Report's sections.

#include <cstdint>
#include <map>
#include <tuple>

#include "runtime/analytics/read_models.hpp"
#include "runtime/analytics/report.hpp"

namespace sb::analytics {

class SectionBuilder {
 public:
  SectionBuilder(const Dictionary& names, const ReportQuery& query);

  void add_conversations(std::int64_t hour, const CellKey& key, const ConversationCell& cell);
  void add_sla(const SlaKey& key, const SlaCell& cell);
  void add_presence(NameId agent, const AgentCell& cell);
  void add_questions(const TopTexts& sketch, bool unanswered);

  Report finish() const;

 private:
  struct AgentSums {
    AgentCell presence;
    ConversationCell conversations;
  };

  Totals totals() const;
  std::vector<AgentRow> agent_rows() const;
  LoadBalance load_balance() const;

  const Dictionary* names_;
  ReportQuery query_;
  ConversationCell all_;
  std::map<std::uint8_t, std::uint64_t> messages_by_channel_;
  std::map<NameId, std::uint64_t> questions_by_intent_;
  std::map<std::int64_t, ConversationCell> by_hour_;
  std::map<std::tuple<std::string, std::uint8_t>, LatencyHistogram> waits_;
  std::map<std::string, SlaCell> sla_;
  std::map<std::string, AgentSums> agents_;
  TopTexts questions_{SIZE_MAX};
  TopTexts unanswered_{SIZE_MAX};
};

}  // namespace sb::analytics
