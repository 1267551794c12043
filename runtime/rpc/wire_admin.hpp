#pragma once
// Administration values between the service's structs and the wire (both directions).

#include <vector>

#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {

void to_wire(api::AgentSpec::Builder out, const service::AgentSpec& in);
service::AgentSpec from_wire(api::AgentSpec::Reader in);

void to_wire(api::KnowledgeBaseVersion::Builder out, const service::KnowledgeBaseVersion& in);
service::KnowledgeBaseVersion from_wire(api::KnowledgeBaseVersion::Reader in);
void to_wire(api::KnowledgeBaseVersions::Builder out, const std::vector<service::KnowledgeBaseVersion>& in);
std::vector<service::KnowledgeBaseVersion> from_wire(api::KnowledgeBaseVersions::Reader in);

void to_wire(api::Queues::Builder out, const std::vector<service::QueueSnapshot>& in);
std::vector<service::QueueSnapshot> from_wire(api::Queues::Reader in);

void to_wire(api::SlaPolicy::Builder out, const service::SlaPolicySpec& in);
service::SlaPolicySpec from_wire(api::SlaPolicy::Reader in);
void to_wire(api::SlaPolicies::Builder out, const std::vector<service::SlaPolicySpec>& in);
std::vector<service::SlaPolicySpec> from_wire(api::SlaPolicies::Reader in);

void to_wire(api::TierRules::Builder out, const service::TierRulesSpec& in);
service::TierRulesSpec from_wire(api::TierRules::Reader in);

void to_wire(api::SkillGroup::Builder out, const service::SkillGroupSpec& in);
service::SkillGroupSpec from_wire(api::SkillGroup::Reader in);
void to_wire(api::SkillGroups::Builder out, const std::vector<service::SkillGroupSpec>& in);
std::vector<service::SkillGroupSpec> from_wire(api::SkillGroups::Reader in);

}  // namespace sb::rpc
