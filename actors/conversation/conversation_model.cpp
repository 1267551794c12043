#include "actors/conversation/conversation_model.hpp"

namespace sb::conversation {

std::string_view to_string(Phase phase) {
  switch (phase) {
    case Phase::none:
      return "none";
    case Phase::bot:
      return "bot";
    case Phase::queued:
      return "queued";
    case Phase::offered:
      return "offered";
    case Phase::assigned:
      return "assigned";
    case Phase::resolved:
      return "resolved";
    case Phase::closed:
      return "closed";
  }
  return "unknown";
}

std::string_view to_string(BotAction action) {
  switch (action) {
    case BotAction::answer:
      return "answer";
    case BotAction::ask_slot:
      return "ask_slot";
    case BotAction::handoff:
      return "handoff";
  }
  return "unknown";
}

std::string_view to_string(HandoffReason reason) {
  switch (reason) {
    case HandoffReason::customer_asked:
      return "customer_asked";
    case HandoffReason::low_confidence_twice:
      return "low_confidence_twice";
    case HandoffReason::negative_sentiment:
      return "negative_sentiment";
    case HandoffReason::human_only_intent:
      return "human_only_intent";
    case HandoffReason::tier_policy:
      return "tier_policy";
    case HandoffReason::backend_unavailable:
      return "backend_unavailable";
    case HandoffReason::slot_attempts_exhausted:
      return "slot_attempts_exhausted";
    case HandoffReason::turn_limit:
      return "turn_limit";
  }
  return "unknown";
}

std::string_view to_string(Author author) {
  switch (author) {
    case Author::customer:
      return "customer";
    case Author::bot:
      return "bot";
    case Author::agent:
      return "agent";
  }
  return "unknown";
}

std::string_view to_string(Initiator initiator) {
  switch (initiator) {
    case Initiator::bot:
      return "bot";
    case Initiator::customer:
      return "customer";
    case Initiator::agent:
      return "agent";
    case Initiator::system:
      return "system";
  }
  return "unknown";
}

std::string_view to_string(ReleaseReason reason) {
  switch (reason) {
    case ReleaseReason::agent_offline:
      return "agent_offline";
    case ReleaseReason::agent_unavailable:
      return "agent_unavailable";
  }
  return "unknown";
}

std::string_view to_string(CloseReason reason) {
  switch (reason) {
    case CloseReason::auto_closed:
      return "auto_closed";
    case CloseReason::customer_left:
      return "customer_left";
    case CloseReason::agent_closed:
      return "agent_closed";
    case CloseReason::system:
      return "system";
  }
  return "unknown";
}

std::string_view to_string(FollowUpReason reason) {
  switch (reason) {
    case FollowUpReason::abandoned_in_queue:
      return "abandoned_in_queue";
    case FollowUpReason::out_of_hours:
      return "out_of_hours";
  }
  return "unknown";
}

std::string_view to_string(Rejection rejection) {
  switch (rejection) {
    case Rejection::not_started:
      return "not_started";
    case Rejection::wrong_phase:
      return "wrong_phase";
    case Rejection::wrong_customer:
      return "wrong_customer";
    case Rejection::invalid_field:
      return "invalid_field";
    case Rejection::invalid_utf8:
      return "invalid_utf8";
    case Rejection::text_too_long:
      return "text_too_long";
    case Rejection::duplicate_message:
      return "duplicate_message";
    case Rejection::bot_silenced:
      return "bot_silenced";
    case Rejection::not_assigned_agent:
      return "not_assigned_agent";
    case Rejection::not_offered_agent:
      return "not_offered_agent";
    case Rejection::already_handed_off:
      return "already_handed_off";
    case Rejection::outside_reopen_window:
      return "outside_reopen_window";
    case Rejection::already_rated:
      return "already_rated";
    case Rejection::not_resolved:
      return "not_resolved";
    case Rejection::not_due:
      return "not_due";
    case Rejection::transfer_to_self:
      return "transfer_to_self";
    case Rejection::already_queued:
      return "already_queued";
    case Rejection::follow_up_pending:
      return "follow_up_pending";
  }
  return "unknown";
}

}  // namespace sb::conversation
