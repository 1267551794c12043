#pragma once
// The shipped BusinessBackend: orders from a bundled JSONL file (config/kb/sample_orders.jsonl),
// so the demo answers "where is my order" on its own. It knows no tickets.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "actors/common/expected.hpp"
#include "runtime/bot/business_backend.hpp"
#include "runtime/bot/jsonl_reader.hpp"

namespace sb::bot {

struct SampleRefund {
  std::string status;  // processing | approved | completed | rejected
  std::string amount;  // "199.00"
  std::string eta;     // "2026-11-28"
  bool operator==(const SampleRefund&) const = default;
};

struct SampleOrder {
  std::string order_no;  // "SB2026111101"
  std::string customer_phone;
  std::string status;  // pending_payment | paid | processing | shipped | delivered | cancelled |
                       // refunding | refunded
  Localized status_text;
  std::vector<std::string> items;  // "智能手表 S3 / Smart Watch S3": zh / en
  std::optional<std::string> carrier;
  std::optional<std::string> tracking_no;
  std::optional<Localized> last_scan;
  std::optional<std::string> eta;
  std::optional<SampleRefund> refund;
  bool operator==(const SampleOrder&) const = default;
};

class SampleBackend final : public BusinessBackend {
 public:
  // Errors name the line: bad JSON, a missing or mistyped field, a malformed or duplicate order
  // number, an unknown status.
  static Expected<SampleBackend, LineError> parse(std::string_view jsonl);
  static Expected<SampleBackend, LineError> load(const std::string& path);

  BackendResult order_status(std::string_view order_no, Language language) const override;
  BackendResult logistics(std::string_view order_no, Language language) const override;
  BackendResult refund_status(std::string_view order_no, Language language) const override;
  BackendResult ticket_status(std::string_view ticket_id, Language language) const override;

  std::size_t order_count() const { return orders_.size(); }
  // nullptr when there is no such order.
  const SampleOrder* find(std::string_view order_no) const;

 private:
  std::map<std::string, SampleOrder, std::less<>> orders_;
};

}  // namespace sb::bot
