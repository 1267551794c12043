#pragma once
// Small helpers shared by the wire converters: capnp Text, lists, maps, enums, times.
// Wire types stop at the edge: only runtime/rpc includes the generated API header.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/time.hpp"
#include "runtime/service/service_api.hpp"
#include "schemas/api.capnp.h"

namespace sb::rpc {

namespace api = ::sb::schema::api;

inline std::string to_string(capnp::Text::Reader text) { return {text.begin(), text.size()}; }
// std::string keeps a terminating NUL, which capnp::Text requires.
inline capnp::Text::Reader to_text(const std::string& text) { return {text.data(), text.size()}; }

void fill(capnp::List<capnp::Text>::Builder list, const std::vector<std::string>& items);
std::vector<std::string> read_texts(capnp::List<capnp::Text>::Reader list);
void fill(capnp::List<api::KeyValue>::Builder list,
          const std::map<std::string, std::string>& items);
std::map<std::string, std::string> read_map(capnp::List<api::KeyValue>::Reader list);
void fill(capnp::List<api::SkillLevel>::Builder list, const std::map<std::string, int>& skills);
std::map<std::string, int> read_skills(capnp::List<api::SkillLevel>::Reader list);

api::ChannelType to_wire(Channel channel);
// nullopt for `unspecified` and for enumerants this build does not know.
std::optional<Channel> from_wire(api::ChannelType channel);
api::Presence to_wire(service::Presence presence);
std::optional<service::Presence> from_wire(api::Presence presence);

inline std::int64_t to_wire(Timestamp at) { return to_unix_ms(at); }
inline Timestamp time_from_wire(std::int64_t at_ms) { return from_unix_ms(at_ms); }

}  // namespace sb::rpc

namespace sb::rpc {
inline void to_wire(api::Done::Builder, const service::Done&) {}
}  // namespace sb::rpc

namespace sb::rpc {
inline service::Done from_wire(api::Done::Reader) { return {}; }
}  // namespace sb::rpc
