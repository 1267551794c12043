#include "runtime/rpc/wire_backend.hpp"

#include <algorithm>

namespace sb::rpc {
namespace {

api::BackendAction to_wire(bot::BackendAction action) {
  switch (action) {
    case bot::BackendAction::order_status:
      return api::BackendAction::ORDER_STATUS;
    case bot::BackendAction::logistics:
      return api::BackendAction::LOGISTICS;
    case bot::BackendAction::refund_status:
      return api::BackendAction::REFUND_STATUS;
    case bot::BackendAction::ticket_status:
      return api::BackendAction::TICKET_STATUS;
  }
  return api::BackendAction::ORDER_STATUS;
}

std::optional<bot::BackendAction> from_wire(api::BackendAction action) {
  switch (action) {
    case api::BackendAction::ORDER_STATUS:
      return bot::BackendAction::order_status;
    case api::BackendAction::LOGISTICS:
      return bot::BackendAction::logistics;
    case api::BackendAction::REFUND_STATUS:
      return bot::BackendAction::refund_status;
    case api::BackendAction::TICKET_STATUS:
      return bot::BackendAction::ticket_status;
    case api::BackendAction::UNSPECIFIED:
      return std::nullopt;
  }
  return std::nullopt;  // an enumerant newer than this build
}

bot::BackendResult failure(bot::BackendErrorCode code, std::string detail) {
  return unexpected(bot::BackendError{code, std::move(detail)});
}

}  // namespace

void to_wire(api::BackendQuery::Builder out, const bot::BackendQuery& in) {
  out.setAction(to_wire(in.action));
  out.setKey(to_text(in.key));
  fill(out.initSlots(static_cast<unsigned>(in.slots.size())), in.slots);
  out.setLanguage(to_text(std::string(bot::to_string(in.language))));
}

Expected<bot::BackendQuery, std::string> from_wire(api::BackendQuery::Reader in) {
  bot::BackendQuery out;
  auto action = from_wire(in.getAction());
  if (!action) return unexpected(std::string("an unknown backend action"));
  out.action = *action;
  out.key = to_string(in.getKey());
  out.slots = read_map(in.getSlots());
  auto language = bot::parse_language(to_string(in.getLanguage()));
  if (!language) return unexpected("an unknown language \"" + to_string(in.getLanguage()) + "\"");
  out.language = *language;
  return out;
}

void to_wire(api::BackendAnswer::Builder out, const bot::BackendResult& in) {
  if (in) {
    const std::map<std::string, std::string> fields(in->fields.begin(), in->fields.end());
    fill(out.initFound(static_cast<unsigned>(fields.size())), fields);
  } else if (in.error().code == bot::BackendErrorCode::not_found) {
    out.setNotFound(to_text(in.error().detail));
  } else {
    out.setUnavailable(to_text(in.error().detail));
  }
}

bot::BackendResult from_wire(api::BackendAnswer::Reader in, bot::BackendAction action) {
  switch (in.which()) {
    case api::BackendAnswer::FOUND: {
      const auto& known = bot::backend_fields(action);
      bot::BackendAnswer answer;
      for (auto field : in.getFound()) {
        auto key = to_string(field.getKey());
        if (std::find(known.begin(), known.end(), key) == known.end()) continue;
        answer.fields[key] = to_string(field.getValue());
      }
      return answer;
    }
    case api::BackendAnswer::NOT_FOUND:
      return failure(bot::BackendErrorCode::not_found, to_string(in.getNotFound()));
    case api::BackendAnswer::UNAVAILABLE:
      return failure(bot::BackendErrorCode::unavailable, to_string(in.getUnavailable()));
  }
  return failure(bot::BackendErrorCode::unavailable, "an answer this server cannot read");
}

}  // namespace sb::rpc
