#include "runtime/bot/sample_backend.hpp"

#include <algorithm>
#include <array>

#include "runtime/bot/slot_extractor.hpp"

namespace sb::bot {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 8> kOrderStatuses{
    "pending_payment", "paid",      "processing", "shipped",
    "delivered",       "cancelled", "refunding",  "refunded"};

struct RefundStatusText {
  std::string_view status;
  Localized text;
};
const std::array<RefundStatusText, 4> kRefundStatuses{{
    {"processing", {"处理中", "being processed"}},
    {"approved", {"已同意，等待退款", "approved, payment pending"}},
    {"completed", {"已退款", "completed"}},
    {"rejected", {"未通过", "rejected"}},
}};

const Localized kNotYetAvailable{"暂无", "not available yet"};

std::string require_one_of(const json& record, std::string_view key,
                           std::span<const std::string_view> allowed) {
  std::string value = require_string(record, key);
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    throw FieldError{"unknown " + std::string(key) + " \"" + value + "\""};
  }
  return value;
}

// A field that may be missing or null before the order ships.
std::optional<std::string> optional_string(const json& record, std::string_view key) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::nullopt;
  return require_string(record, key);
}

std::optional<Localized> optional_localized(const json& record, std::string_view key) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::nullopt;
  return require_localized(record, key);
}

std::optional<SampleRefund> parse_refund(const json& record) {
  const auto it = record.find("refund");
  if (it == record.end() || it->is_null()) return std::nullopt;
  if (!it->is_object()) throw FieldError{"field \"refund\" must be null or an object"};
  std::array<std::string_view, 4> statuses;
  std::transform(kRefundStatuses.begin(), kRefundStatuses.end(), statuses.begin(),
                 [](const RefundStatusText& s) { return s.status; });
  SampleRefund refund;
  refund.status = require_one_of(*it, "status", statuses);
  refund.amount = require_string(*it, "amount");
  refund.eta = require_string(*it, "eta");
  return refund;
}

SampleOrder parse_order(const json& record) {
  SampleOrder order;
  order.order_no = require_string(record, "order_no");
  if (!is_valid_order_number(order.order_no)) {
    throw FieldError{"order_no \"" + order.order_no + "\" is not SB followed by 10 digits"};
  }
  order.customer_phone = require_string(record, "customer_phone");
  order.status = require_one_of(record, "status", kOrderStatuses);
  order.status_text = require_localized(record, "status_text");
  order.items = require_string_array(record, "items");
  order.carrier = optional_string(record, "carrier");
  order.tracking_no = optional_string(record, "tracking_no");
  order.last_scan = optional_localized(record, "last_scan");
  order.eta = optional_string(record, "eta");
  order.refund = parse_refund(record);
  return order;
}

// "智能手表 S3 / Smart Watch S3" names an item in both languages; other names are used as given.
std::string item_in(std::string_view item, Language language) {
  const std::size_t split = item.find(" / ");
  if (split == std::string_view::npos) return std::string(item);
  switch (language) {
    case Language::zh:
      return std::string(item.substr(0, split));
    case Language::en:
      return std::string(item.substr(split + 3));
  }
  return std::string(item);
}

std::string items_in(const std::vector<std::string>& items, Language language) {
  const std::string_view separator = language == Language::zh ? "、" : ", ";
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item_in(item, language);
  }
  return out;
}

std::string or_not_yet(const std::optional<std::string>& value, Language language) {
  return value ? *value : kNotYetAvailable.in(language);
}

BackendError not_found(std::string_view what) {
  return BackendError{BackendErrorCode::not_found, std::string(what)};
}

}  // namespace

Expected<SampleBackend, LineError> SampleBackend::parse(std::string_view jsonl) {
  SampleBackend backend;
  auto parsed = for_each_jsonl_object(jsonl, [&](std::size_t, const json& record) {
    SampleOrder order = parse_order(record);
    if (backend.orders_.contains(order.order_no)) {
      throw FieldError{"duplicate order_no \"" + order.order_no + "\""};
    }
    std::string key = order.order_no;
    backend.orders_.emplace(std::move(key), std::move(order));
  });
  if (!parsed) return unexpected(parsed.error());
  return backend;
}

Expected<SampleBackend, LineError> SampleBackend::load(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return unexpected(text.error());
  return parse(*text);
}

const SampleOrder* SampleBackend::find(std::string_view order_no) const {
  const auto it = orders_.find(order_no);
  return it == orders_.end() ? nullptr : &it->second;
}

BackendResult SampleBackend::order_status(std::string_view order_no, Language language) const {
  const SampleOrder* order = find(order_no);
  if (order == nullptr) return unexpected(not_found("no order " + std::string(order_no)));
  return BackendAnswer{{{"status", order->status},
                        {"status_text", order->status_text.in(language)},
                        {"eta", or_not_yet(order->eta, language)},
                        {"items", items_in(order->items, language)}}};
}

BackendResult SampleBackend::logistics(std::string_view order_no, Language language) const {
  const SampleOrder* order = find(order_no);
  if (order == nullptr) return unexpected(not_found("no order " + std::string(order_no)));
  return BackendAnswer{{{"carrier", or_not_yet(order->carrier, language)},
                        {"tracking_no", or_not_yet(order->tracking_no, language)},
                        {"last_scan", order->last_scan ? order->last_scan->in(language)
                                                       : kNotYetAvailable.in(language)},
                        {"eta", or_not_yet(order->eta, language)}}};
}

BackendResult SampleBackend::refund_status(std::string_view order_no, Language language) const {
  const SampleOrder* order = find(order_no);
  if (order == nullptr) return unexpected(not_found("no order " + std::string(order_no)));
  if (!order->refund)
    return unexpected(not_found("order " + std::string(order_no) + " has no refund"));
  const auto status =
      std::find_if(kRefundStatuses.begin(), kRefundStatuses.end(),
                   [&](const RefundStatusText& s) { return s.status == order->refund->status; });
  return BackendAnswer{{{"refund_status", status->text.in(language)},
                        {"refund_amount", order->refund->amount},
                        {"refund_eta", order->refund->eta}}};
}

BackendResult SampleBackend::ticket_status(std::string_view ticket_id, Language) const {
  return unexpected(
      not_found("the sample backend has no tickets (asked for " + std::string(ticket_id) + ")"));
}

}  // namespace sb::bot
