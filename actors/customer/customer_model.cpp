#include "actors/customer/customer_model.hpp"

#include <algorithm>

namespace sb::customer {

std::string_view to_string(IdentityKind kind) {
  switch (kind) {
    case IdentityKind::web_visitor:
      return "web_visitor";
    case IdentityKind::app_user:
      return "app_user";
    case IdentityKind::wechat_openid:
      return "wechat_openid";
    case IdentityKind::wechat_unionid:
      return "wechat_unionid";
    case IdentityKind::phone:
      return "phone";
    case IdentityKind::email:
      return "email";
    case IdentityKind::social_handle:
      return "social_handle";
    case IdentityKind::account_id:
      return "account_id";
  }
  return "unknown";
}

bool is_verifiable(IdentityKind kind) {
  switch (kind) {
    case IdentityKind::phone:
    case IdentityKind::email:
    case IdentityKind::account_id:
      return true;
    case IdentityKind::web_visitor:
    case IdentityKind::app_user:
    case IdentityKind::wechat_openid:
    case IdentityKind::wechat_unionid:
    case IdentityKind::social_handle:
      return false;
  }
  return false;
}

std::string_view to_string(TimelineKind kind) {
  switch (kind) {
    case TimelineKind::conversation:
      return "conversation";
    case TimelineKind::ticket:
      return "ticket";
  }
  return "unknown";
}

std::string_view to_string(MergeReason reason) {
  switch (reason) {
    case MergeReason::verified_identity:
      return "verified_identity";
    case MergeReason::agent_decision:
      return "agent_decision";
  }
  return "unknown";
}

std::string_view to_string(Rejection rejection) {
  switch (rejection) {
    case Rejection::not_registered:
      return "not_registered";
    case Rejection::already_registered:
      return "already_registered";
    case Rejection::invalid_field:
      return "invalid_field";
    case Rejection::merged:
      return "merged";
    case Rejection::already_linked:
      return "already_linked";
    case Rejection::not_linked:
      return "not_linked";
    case Rejection::too_many_identities:
      return "too_many_identities";
    case Rejection::not_party:
      return "not_party";
    case Rejection::self_merge:
      return "self_merge";
    case Rejection::already_merged:
      return "already_merged";
    case Rejection::not_merged:
      return "not_merged";
    case Rejection::too_many_absorbed:
      return "too_many_absorbed";
    case Rejection::already_recorded:
      return "already_recorded";
    case Rejection::stale:
      return "stale";
  }
  return "unknown";
}

bool has_absorbed(const State& state, std::string_view customer_id) {
  return std::any_of(state.absorbed.begin(), state.absorbed.end(),
                     [&](const MergeLink& link) { return link.customer_id == customer_id; });
}

}  // namespace sb::customer
