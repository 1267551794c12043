#include "runtime/rpc/wire_report.hpp"

#include "runtime/rpc/validation.hpp"

namespace sb::rpc {
namespace {

std::optional<std::string> optional_text(capnp::Text::Reader text) {
  if (text.size() == 0) return std::nullopt;
  return to_string(text);
}

}  // namespace

Expected<reporting::ReportRequest, service::ServiceError> read_report_query(
    api::ReportQuery::Reader in) {
  reporting::ReportRequest request;
  auto& filter = request.filter;
  if (in.getFromMs() != 0) filter.from = time_from_wire(in.getFromMs());
  if (in.getToMs() != 0) filter.to = time_from_wire(in.getToMs());
  if (filter.from && filter.to && *filter.from > *filter.to) {
    return unexpected(invalid_argument("the report window ends before it starts"));
  }
  if (in.getChannel() != api::ChannelType::UNSPECIFIED) {
    filter.channel = from_wire(in.getChannel());
    if (!filter.channel) {
      return unexpected(invalid_argument("unknown channel number " +
                                         std::to_string(static_cast<unsigned>(in.getChannel()))));
    }
  }
  filter.skill = optional_text(in.getSkill());
  filter.agent = optional_text(in.getAgent());
  if (auto error = first_error({check_optional_id("the skill", filter.skill.value_or("")),
                                check_optional_id("the agent id", filter.agent.value_or(""))})) {
    return unexpected(*error);
  }
  if (auto tier = optional_text(in.getTier())) {
    filter.tier = parse_tier(*tier);
    if (!filter.tier) return unexpected(invalid_argument("unknown tier '" + *tier + "'"));
  }
  if (in.getTop() > kReportTopMax) {
    return unexpected(invalid_argument("top is at most " + std::to_string(kReportTopMax)));
  }
  if (in.getTop() != 0) filter.top = in.getTop();
  request.text = in.getWithText();
  request.html = in.getWithHtml();
  return request;
}

void to_wire(api::ReportQuery::Builder out, const reporting::ReportRequest& in) {
  const auto& filter = in.filter;
  if (filter.from) out.setFromMs(to_wire(*filter.from));
  if (filter.to) out.setToMs(to_wire(*filter.to));
  if (filter.channel) out.setChannel(to_wire(*filter.channel));
  if (filter.skill) out.setSkill(to_text(*filter.skill));
  if (filter.tier) out.setTier(std::string(sb::to_string(*filter.tier)));
  if (filter.agent) out.setAgent(to_text(*filter.agent));
  out.setTop(static_cast<std::uint32_t>(filter.top));
  out.setWithText(in.text);
  out.setWithHtml(in.html);
}

void to_wire(api::ReportDocument::Builder out, const reporting::RenderedReport& in) {
  out.setJson(to_text(in.json));
  out.setText(to_text(in.text));
  out.setHtml(to_text(in.html));
}

reporting::RenderedReport from_wire(api::ReportDocument::Reader in) {
  return {to_string(in.getJson()), to_string(in.getText()), to_string(in.getHtml())};
}

void to_wire(api::Violation::Builder out, const quality::Violation& in) {
  out.setRule(std::string(quality::to_string(in.rule)));
  out.setEvidence(to_text(in.evidence));
  out.setAgentId(to_text(in.agent_id));
  out.setConversationId(to_text(in.conversation_id));
  out.setAtMs(to_wire(in.at));
}

quality::Violation from_wire(api::Violation::Reader in) {
  quality::Violation violation;
  violation.rule = quality::parse_rule(to_string(in.getRule())).value_or(quality::Rule{});
  violation.evidence = to_string(in.getEvidence());
  violation.agent_id = to_string(in.getAgentId());
  violation.conversation_id = to_string(in.getConversationId());
  violation.at = time_from_wire(in.getAtMs());
  return violation;
}

}  // namespace sb::rpc
