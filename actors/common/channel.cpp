#include "actors/common/channel.hpp"

#include <array>
#include <utility>

namespace sb {
namespace {

constexpr std::array<std::pair<Channel, std::string_view>, 7> kChannelNames{{
    {Channel::web, "web"},
    {Channel::app, "app"},
    {Channel::wechat, "wechat"},
    {Channel::phone, "phone"},
    {Channel::email, "email"},
    {Channel::sms, "sms"},
    {Channel::social, "social"},
}};

constexpr std::array<std::pair<Tier, std::string_view>, 4> kTierNames{{
    {Tier::new_customer, "new"},
    {Tier::regular, "regular"},
    {Tier::vip, "vip"},
    {Tier::enterprise, "enterprise"},
}};

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum v) {
  for (const auto& [value, name] : names) {
    if (value == v) return name;
  }
  return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                             std::string_view wanted) {
  for (const auto& [value, name] : names) {
    if (name == wanted) return value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Channel channel) { return name_of(kChannelNames, channel); }
std::optional<Channel> parse_channel(std::string_view name) { return value_of(kChannelNames, name); }
std::string_view to_string(Tier tier) { return name_of(kTierNames, tier); }
std::optional<Tier> parse_tier(std::string_view name) { return value_of(kTierNames, name); }

}  // namespace sb
