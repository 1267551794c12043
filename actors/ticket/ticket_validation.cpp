#include "actors/ticket/ticket_validation.hpp"

#include <algorithm>

#include "actors/common/text.hpp"

namespace sb::ticket {
namespace {

bool is_ascii_space_or_control(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0x7F;
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return is_ascii_space_or_control(c); });
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::optional<std::string> check_order_number(std::string_view value) {
  const bool ok = std::all_of(value.begin(), value.end(),
                              [](char c) { return is_alnum(c) || c == '-' || c == '_'; });
  if (ok) return std::nullopt;
  return "the order number may hold only letters, digits, '-' and '_'";
}

std::optional<std::string> check_phone(std::string_view value) {
  std::size_t digits = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (is_digit(c)) {
      ++digits;
    } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' ||
                 (c == '+' && i == 0))) {
      return "the phone number may hold only digits, a leading '+', spaces, '-', '.' and brackets";
    }
  }
  if (digits < kPhoneDigitsMin || digits > kPhoneDigitsMax) {
    return "the phone number has " + std::to_string(digits) + " digits; it needs " +
           std::to_string(kPhoneDigitsMin) + " to " + std::to_string(kPhoneDigitsMax);
  }
  return std::nullopt;
}

std::optional<std::string> check_email(std::string_view value) {
  const auto at = value.find('@');
  if (at == std::string_view::npos || at == 0 ||
      value.find('@', at + 1) != std::string_view::npos) {
    return "the email address needs exactly one '@' with a name before it";
  }
  const std::string_view domain = value.substr(at + 1);
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.') {
    return "the email address needs a domain with a dot after the '@'";
  }
  if (std::any_of(value.begin(), value.end(), is_ascii_space_or_control)) {
    return "the email address contains whitespace or a control character";
  }
  return std::nullopt;
}

using FormatCheck = std::optional<std::string> (*)(std::string_view);

std::optional<Problem> check_field(std::string_view what, const std::optional<FieldValue>& field,
                                   std::size_t bytes_max, FormatCheck format) {
  if (!field) return std::nullopt;
  if (!is_known(field->source)) {
    return Problem{Rejection::invalid_value, "the source of " + std::string(what) + " is unknown"};
  }
  if (auto why = check_text(what, field->value, bytes_max)) {
    return Problem{Rejection::invalid_text, *why};
  }
  if (field->value.empty() || format == nullptr) return std::nullopt;
  if (auto why = format(field->value)) return Problem{Rejection::invalid_field, *why};
  return std::nullopt;
}

}  // namespace

std::optional<std::string> check_id(std::string_view what, std::string_view id) {
  if (id.empty()) return std::string(what) + " is empty";
  if (auto why = check_text(what, id, kIdBytesMax)) return why;
  if (std::any_of(id.begin(), id.end(), is_ascii_space_or_control)) {
    return std::string(what) + " contains whitespace or a control character";
  }
  return std::nullopt;
}

std::optional<std::string> check_required_text(std::string_view what, std::string_view text,
                                               std::size_t bytes_max) {
  if (auto why = check_text(what, text, bytes_max)) return why;
  if (is_blank(text)) return std::string(what) + " is empty";
  return std::nullopt;
}

std::optional<std::string> check_assignee(std::string_view assignee) {
  for (std::string_view prefix : {kAgentPrefix, kGroupPrefix}) {
    if (assignee.substr(0, prefix.size()) == prefix) {
      return check_id("the assignee's id", assignee.substr(prefix.size()));
    }
  }
  return std::string("the assignee is neither 'agent:<id>' nor 'group:<id>'");
}

std::optional<Problem> check_fields(const Fields& fields) {
  if (auto p = check_field("the category", fields.category, kFieldBytesMax, nullptr)) return p;
  if (auto p = check_field("the order number", fields.order_number, kOrderNumberBytesMax,
                           check_order_number)) {
    return p;
  }
  if (auto p = check_field("the phone number", fields.phone, kPhoneBytesMax, check_phone)) return p;
  if (auto p = check_field("the email address", fields.email, kEmailBytesMax, check_email))
    return p;
  if (auto p = check_field("the product", fields.product, kFieldBytesMax, nullptr)) return p;
  return std::nullopt;
}

bool is_known(Channel channel) { return to_string(channel) != "unknown"; }
bool is_known(Tier tier) { return to_string(tier) != "unknown"; }
bool is_known(TicketSource source) { return to_string(source) != "unknown"; }
bool is_known(FieldSource source) { return to_string(source) != "unknown"; }

}  // namespace sb::ticket
