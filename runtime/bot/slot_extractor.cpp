#include "runtime/bot/slot_extractor.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "runtime/bot/product_catalog.hpp"
#include "runtime/bot/text_folding.hpp"

namespace sb::bot {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_word(char c) { return is_digit(c) || is_lower(c); }

// True when the byte before `at` does not continue a word, so "sb" in "usb" is not a prefix.
bool starts_word(std::string_view text, std::size_t at) {
  return at == 0 || !is_word(text[at - 1]);
}

std::size_t digit_run(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end < text.size() && is_digit(text[end])) ++end;
  return end - at;
}

SlotExtraction valid(std::string value, std::size_t begin, std::size_t end) {
  return {SlotStatus::valid, std::move(value), {}, begin, end};
}

SlotExtraction invalid(const Localized& problem, std::size_t begin, std::size_t end) {
  return {SlotStatus::invalid, {}, problem, begin, end};
}

const Localized kBadOrderNumber{
    "订单号格式不对：订单号是 SB 加 10 位数字，例如 SB2026111101。",
    "That order number has the wrong format: it is SB followed by 10 digits, e.g. SB2026111101."};
const Localized kBadPhone{
    "手机号格式不对：请提供 11 位手机号（例如 13800138000），或以 + 开头的国际号码。",
    "That phone number has the wrong format: please give an 11-digit mobile number (e.g. "
    "13800138000) or an international number starting with +."};
const Localized kBadEmail{"邮箱地址格式不对，例如 name@example.com。",
                          "That email address has the wrong format (e.g. name@example.com)."};
const Localized kBadTicket{
    "工单号格式不对：工单号是 TK- 加数字，例如 TK-10086。",
    "That ticket number has the wrong format: it is TK- followed by digits, e.g. TK-10086."};

// A run of digits not glued to letters: "2026111101" in "订单2026111101" but not in "sf2026111101".
struct DigitRun {
  std::size_t begin;
  std::size_t end;
};
std::vector<DigitRun> standalone_digit_runs(std::string_view text) {
  std::vector<DigitRun> runs;
  std::size_t at = 0;
  while (at < text.size()) {
    if (!is_digit(text[at])) {
      ++at;
      continue;
    }
    const std::size_t end = at + digit_run(text, at);
    const bool glued =
        (at > 0 && is_lower(text[at - 1])) || (end < text.size() && is_lower(text[end]));
    if (!glued) runs.push_back({at, end});
    at = end;
  }
  return runs;
}

SlotExtraction extract_order_number(std::string_view text, bool awaited) {
  std::optional<SlotExtraction> bad;
  for (std::size_t at = text.find("sb"); at != std::string_view::npos;
       at = text.find("sb", at + 1)) {
    if (!starts_word(text, at)) continue;
    std::size_t digits_at = at + 2;
    // One separator is tolerated: "SB 2026111101", "SB-2026111101", "SB:2026111101".
    if (digits_at < text.size() && (text[digits_at] == ' ' || text[digits_at] == '-' ||
                                    text[digits_at] == ':' || text[digits_at] == '#')) {
      ++digits_at;
    }
    const std::size_t digits = digit_run(text, digits_at);
    if (digits == 0) continue;
    const std::size_t end = digits_at + digits;
    if (digits == kOrderNumberDigits && (end == text.size() || !is_lower(text[end]))) {
      return valid("SB" + std::string(text.substr(digits_at, digits)), at, end);
    }
    if (!bad) bad = invalid(kBadOrderNumber, at, end);
  }
  if (bad) return *bad;
  if (!awaited) return {};
  for (const auto& run : standalone_digit_runs(text)) {
    if (run.end - run.begin == kOrderNumberDigits) {
      return valid("SB" + std::string(text.substr(run.begin, kOrderNumberDigits)), run.begin,
                   run.end);
    }
    if (run.end - run.begin >= kAttemptedNumberDigitsMin)
      return invalid(kBadOrderNumber, run.begin, run.end);
  }
  return {};
}

constexpr std::size_t kPhoneSeparatorRunMax = 2;  // ") " in "(138) 0013"

bool is_phone_separator(char c) { return c == ' ' || c == '-' || c == '(' || c == ')' || c == '.'; }

SlotExtraction extract_phone(std::string_view text, bool awaited) {
  std::optional<SlotExtraction> bad;
  std::size_t at = 0;
  while (at < text.size()) {
    const bool plus = text[at] == '+';
    const bool starts = plus || (is_digit(text[at]) && starts_word(text, at));
    if (!starts || (at > 0 && is_digit(text[at - 1]))) {
      ++at;
      continue;
    }
    // Digits with short separator runs between them: "138 0013 8000", "+86 (138) 0013-8000".
    std::string digits;
    std::size_t end = plus ? at + 1 : at;
    std::size_t scan = end;
    while (scan < text.size()) {
      if (is_digit(text[scan])) {
        digits.push_back(text[scan]);
        end = ++scan;
        continue;
      }
      std::size_t after = scan;
      while (after < text.size() && after - scan < kPhoneSeparatorRunMax &&
             is_phone_separator(text[after])) {
        ++after;
      }
      if (after == scan || after == text.size() || !is_digit(text[after])) break;
      scan = after;
    }
    const bool glued = end < text.size() && is_lower(text[end]);
    if (digits.empty() || glued) {
      at = std::max(end, at + 1);
      continue;
    }
    const bool international =
        plus && digits.size() >= kPhoneDigitsMin && digits.size() <= kPhoneDigitsMax;
    const bool mainland = !plus && digits.size() == kMainlandMobileDigits && digits[0] == '1' &&
                          digits[1] >= '3' && digits[1] <= '9';
    if (international) return valid("+" + digits, at, end);
    if (mainland) return valid(digits, at, end);
    // Outside an answer to "your phone?", other numbers (amounts, dates, order digits) are not
    // phone attempts unless they were written with a '+'.
    if (!bad && (plus || (awaited && digits.size() >= kAttemptedNumberDigitsMin))) {
      bad = invalid(kBadPhone, at, end);
    }
    at = end;
  }
  return bad ? *bad : SlotExtraction{};
}

bool is_email_local(char c) {
  return is_word(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_email_domain(char c) { return is_word(c) || c == '.' || c == '-'; }

bool valid_email(std::string_view local, std::string_view domain) {
  if (local.empty() || local.front() == '.' || local.back() == '.') return false;
  if (local.find("..") != std::string_view::npos) return false;
  const std::size_t last_dot = domain.rfind('.');
  if (last_dot == std::string_view::npos || domain.front() == '.' || domain.front() == '-') {
    return false;
  }
  if (domain.find("..") != std::string_view::npos) return false;
  const std::string_view tld = domain.substr(last_dot + 1);
  return tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), is_lower);
}

SlotExtraction extract_email(std::string_view text, bool awaited) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && is_email_local(text[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && is_email_domain(text[end])) ++end;
    while (end > at + 1 && text[end - 1] == '.') --end;  // "a@b.com." ends a sentence
    const std::string_view local = text.substr(begin, at - begin);
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    if (end - begin <= kEmailBytesMax && valid_email(local, domain)) {
      return valid(std::string(text.substr(begin, end - begin)), begin, end);
    }
    // An '@' outside an answer to "your email?" is more likely a mention than an address.
    if (awaited) return invalid(kBadEmail, begin, end);
  }
  return {};
}

SlotExtraction extract_ticket_id(std::string_view text, bool awaited) {
  for (std::size_t at = text.find("tk"); at != std::string_view::npos;
       at = text.find("tk", at + 1)) {
    if (!starts_word(text, at)) continue;
    std::size_t digits_at = at + 2;
    const bool separated =
        digits_at < text.size() &&
        (text[digits_at] == '-' || text[digits_at] == ' ' || text[digits_at] == '_');
    if (separated) ++digits_at;
    const std::size_t digits = digit_run(text, digits_at);
    const std::size_t end = digits_at + digits;
    if (digits == 0) {
      if (text.substr(at + 2, 1) == "-") return invalid(kBadTicket, at, at + 3);
      continue;
    }
    if (digits <= kTicketDigitsMax && (end == text.size() || !is_lower(text[end]))) {
      return valid("TK-" + std::string(text.substr(digits_at, digits)), at, end);
    }
    return invalid(kBadTicket, at, end);
  }
  if (!awaited) return {};
  const auto runs = standalone_digit_runs(text);
  if (runs.empty()) return {};
  return invalid(kBadTicket, runs.front().begin, runs.front().end);
}

SlotExtraction extract_product(std::string_view text) {
  const auto match = find_product(text);
  if (!match) return {};
  return valid(std::string(match->product->id), match->begin, match->end);
}

// Words that only introduce a value; removed before counting what else a message says.
constexpr std::array<std::string_view, 34> kIntroducers{
    "我的", "订单号码", "订单编号", "订单号", "单号",   "订单", "手机号码", "手机号", "电话号码",
    "电话", "邮箱地址", "邮箱",     "工单号", "工单",   "号码", "是",       "这个",   "就是",
    "好的", "嗯",       "my",       "order",  "number", "no",   "is",       "it's",   "it",
    "the",  "phone",    "email",    "ticket", "here",   "ok",   "id"};

}  // namespace

SlotExtraction extract_slot(SlotType type, std::string_view text, bool awaited) {
  const std::string folded = fold_text(text);
  switch (type) {
    case SlotType::order_number:
      return extract_order_number(folded, awaited);
    case SlotType::phone:
      return extract_phone(folded, awaited);
    case SlotType::email:
      return extract_email(folded, awaited);
    case SlotType::product:
      return extract_product(folded);
    case SlotType::ticket_id:
      return extract_ticket_id(folded, awaited);
  }
  return {};
}

bool is_valid_order_number(std::string_view raw) {
  return raw.size() == 2 + kOrderNumberDigits && raw.substr(0, 2) == "SB" &&
         digit_run(raw, 2) == kOrderNumberDigits;
}

std::size_t residue_tokens(std::string_view text, const SlotExtraction& extraction) {
  std::string rest = fold_text(text);
  if (extraction.status != SlotStatus::absent) {
    rest.replace(extraction.begin, extraction.end - extraction.begin, " ");
  }
  for (const auto introducer : kIntroducers) {
    for (std::size_t at = find_phrase(rest, introducer); at != std::string::npos;
         at = find_phrase(rest, introducer, at)) {
      rest.replace(at, introducer.size(), " ");
    }
  }
  std::size_t tokens = 0;
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < rest.size()) {
    const char32_t cp = next_code_point(rest, pos);
    const bool word_char = is_ascii_alnum(cp);
    if (word_char && !in_word) ++tokens;
    in_word = word_char;
    if (is_cjk(cp)) ++tokens;
  }
  return tokens;
}

std::string display_slot_value(SlotType type, std::string_view value, Language language) {
  switch (type) {
    case SlotType::product: {
      const Product* product = find_product_by_id(value);
      return std::string(product ? product->name(language) : value);
    }
    case SlotType::order_number:
    case SlotType::phone:
    case SlotType::email:
    case SlotType::ticket_id:
      return std::string(value);
  }
  return std::string(value);
}

}  // namespace sb::bot
