#include "runtime/bot/model_error.hpp"

namespace sb::bot {

std::string_view to_string(ModelErrorCode code) {
  switch (code) {
    case ModelErrorCode::missing:
      return "missing";
    case ModelErrorCode::unreadable:
      return "unreadable";
    case ModelErrorCode::not_a_model:
      return "not a model file";
    case ModelErrorCode::other_version:
      return "another format version";
    case ModelErrorCode::truncated:
      return "truncated";
    case ModelErrorCode::corrupt:
      return "checksum mismatch";
    case ModelErrorCode::malformed:
      return "malformed";
    case ModelErrorCode::stale:
      return "stale";
    case ModelErrorCode::not_cacheable:
      return "not cacheable";
    case ModelErrorCode::unwritable:
      return "unwritable";
  }
  return "unknown";
}

std::string ModelError::to_string() const {
  std::string out(sb::bot::to_string(code));
  if (!detail.empty()) out += ": " + detail;
  return out;
}

}  // namespace sb::bot
