#include "actors/customer/customer_identity.hpp"

#include <algorithm>

#include "actors/common/text.hpp"

namespace sb::customer {
namespace {

Expected<std::string, std::string> normalize_phone(std::string_view value) {
  std::string out;
  std::size_t digits = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c >= '0' && c <= '9') {
      out.push_back(c);
      ++digits;
    } else if (c == '+' && out.empty()) {
      out.push_back(c);
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return unexpected("a phone number may hold only '+', digits and separators; found '" +
                        std::string(1, c) + "'");
    }
  }
  if (digits < kPhoneDigitsMin || digits > kPhoneDigitsMax) {
    return unexpected("a phone number has " + std::to_string(kPhoneDigitsMin) + ".." +
                      std::to_string(kPhoneDigitsMax) + " digits; this one has " +
                      std::to_string(digits));
  }
  return out;
}

Expected<std::string, std::string> normalize_email(std::string_view value) {
  std::string out(value);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  const auto at = out.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == out.size() ||
      out.find('@', at + 1) != std::string::npos) {
    return unexpected(std::string("an email address needs one '@' with text on both sides"));
  }
  if (out.find_first_of(" \t\r\n") != std::string::npos) {
    return unexpected(std::string("an email address may not contain whitespace"));
  }
  return out;
}

}  // namespace

Expected<std::string, std::string> normalize_identity(IdentityKind kind, std::string_view value) {
  const std::string what = std::string(to_string(kind)) + " identifier";
  if (auto bad = check_text(what, value, kIdentityValueBytesMax)) return unexpected(*bad);
  if (value.empty()) return unexpected(what + " is empty");
  switch (kind) {
    case IdentityKind::phone:
      return normalize_phone(value);
    case IdentityKind::email:
      return normalize_email(value);
    case IdentityKind::web_visitor:
    case IdentityKind::app_user:
    case IdentityKind::wechat_openid:
    case IdentityKind::wechat_unionid:
    case IdentityKind::social_handle:
    case IdentityKind::account_id:
      return std::string(value);
  }
  return unexpected("unknown identity kind " + std::to_string(static_cast<int>(kind)));
}

std::string identity_key(IdentityKind kind, std::string_view value) {
  return std::string(to_string(kind)) + ":" + std::string(value);
}

IdentityKind identity_kind_of(Channel channel) {
  switch (channel) {
    case Channel::web:
      return IdentityKind::web_visitor;
    case Channel::app:
      return IdentityKind::app_user;
    case Channel::wechat:
      return IdentityKind::wechat_openid;
    case Channel::phone:
      return IdentityKind::phone;
    case Channel::email:
      return IdentityKind::email;
    case Channel::sms:
      return IdentityKind::phone;
    case Channel::social:
      return IdentityKind::social_handle;
  }
  return IdentityKind::web_visitor;
}

std::string account_customer_id(std::string_view account_id) {
  return "acct:" + std::string(account_id);
}

std::string anonymous_customer_id(Channel channel, std::string_view channel_user_id) {
  // A phone number or an email address is one identity on every channel that carries it (a
  // call and an SMS from the same number are one customer) and in any spelling of it.
  const auto kind = identity_kind_of(channel);
  if (kind == IdentityKind::phone || kind == IdentityKind::email) {
    if (auto value = normalize_identity(kind, channel_user_id)) return identity_key(kind, *value);
  }
  return std::string(to_string(channel)) + ":" + std::string(channel_user_id);
}

const Identity* find_identity(const State& state, IdentityKind kind, std::string_view value) {
  for (const auto& identity : state.identities) {
    if (identity.kind == kind && identity.value == value) return &identity;
  }
  return nullptr;
}

}  // namespace sb::customer
