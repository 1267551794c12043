#include "runtime/rpc/wire_common.hpp"

namespace sb::rpc {

void fill(capnp::List<capnp::Text>::Builder list, const std::vector<std::string>& items) {
  for (unsigned i = 0; i < items.size(); ++i) list.set(i, to_text(items[i]));
}

std::vector<std::string> read_texts(capnp::List<capnp::Text>::Reader list) {
  std::vector<std::string> items;
  items.reserve(list.size());
  for (auto item : list) items.push_back(to_string(item));
  return items;
}

void fill(capnp::List<api::KeyValue>::Builder list,
          const std::map<std::string, std::string>& items) {
  unsigned i = 0;
  for (const auto& [key, value] : items) {
    list[i].setKey(to_text(key));
    list[i].setValue(to_text(value));
    ++i;
  }
}

std::map<std::string, std::string> read_map(capnp::List<api::KeyValue>::Reader list) {
  std::map<std::string, std::string> items;
  for (auto item : list)
    items.insert_or_assign(to_string(item.getKey()), to_string(item.getValue()));
  return items;
}

void fill(capnp::List<api::SkillLevel>::Builder list, const std::map<std::string, int>& skills) {
  unsigned i = 0;
  for (const auto& [skill, level] : skills) {
    list[i].setSkill(to_text(skill));
    list[i].setLevel(static_cast<std::uint8_t>(level));
    ++i;
  }
}

std::map<std::string, int> read_skills(capnp::List<api::SkillLevel>::Reader list) {
  std::map<std::string, int> skills;
  for (auto item : list) skills.insert_or_assign(to_string(item.getSkill()), item.getLevel());
  return skills;
}

// The wire enumerants carry the same numbers as sb::Channel (1..7), by construction of api.capnp.
api::ChannelType to_wire(Channel channel) { return static_cast<api::ChannelType>(channel); }

std::optional<Channel> from_wire(api::ChannelType channel) {
  switch (channel) {
    case api::ChannelType::WEB:
    case api::ChannelType::APP:
    case api::ChannelType::WECHAT:
    case api::ChannelType::PHONE:
    case api::ChannelType::EMAIL:
    case api::ChannelType::SMS:
    case api::ChannelType::SOCIAL:
      return static_cast<Channel>(channel);
    case api::ChannelType::UNSPECIFIED:
    default:  // an enumerant newer than this build
      return std::nullopt;
  }
}

api::Presence to_wire(service::Presence presence) {
  switch (presence) {
    case service::Presence::offline:
      return api::Presence::OFFLINE;
    case service::Presence::online:
      return api::Presence::ONLINE;
    case service::Presence::away:
      return api::Presence::AWAY;
  }
  return api::Presence::UNSPECIFIED;
}

std::optional<service::Presence> from_wire(api::Presence presence) {
  switch (presence) {
    case api::Presence::OFFLINE:
      return service::Presence::offline;
    case api::Presence::ONLINE:
      return service::Presence::online;
    case api::Presence::AWAY:
      return service::Presence::away;
    case api::Presence::UNSPECIFIED:
    default:  // an enumerant newer than this build
      return std::nullopt;
  }
}

}  // namespace sb::rpc
