#pragma once
// The channels a customer can reach the shop on. Values are persisted: only append.

#include <cstdint>
#include <optional>
#include <string_view>

namespace sb {

enum class Channel : std::uint8_t {
  web = 1,
  app = 2,
  wechat = 3,
  phone = 4,  // phone calls arrive as ASR transcripts
  email = 5,
  sms = 6,
  social = 7,
};

std::string_view to_string(Channel channel);
std::optional<Channel> parse_channel(std::string_view name);

// Customer tiers drive queue priority, SLA targets and reserved agent capacity.
enum class Tier : std::uint8_t { new_customer = 1, regular = 2, vip = 3, enterprise = 4 };

std::string_view to_string(Tier tier);
std::optional<Tier> parse_tier(std::string_view name);

}  // namespace sb
