#include "runtime/service/sink_hub.hpp"

#include <caf/all.hpp>

#include <map>

#include "actors/services/service_messages.hpp"
#include "runtime/messages.hpp"

namespace sb::service {
namespace {

// Customers addressed per channel, at most; the oldest are forgotten first (a channel adapter
// can always map a customer id itself).
constexpr std::size_t kAddressesMax = 1'000'000;

struct HubState {
  std::map<SubscriptionId, std::pair<Channel, std::shared_ptr<ChannelSink>>> channels;
  std::map<std::string, std::shared_ptr<AgentEventSink>> desks;
  std::map<std::pair<std::string, Channel>, std::string> addresses;
  static inline const char* name = "sink-hub";
};
using Hub = caf::stateful_actor<HubState>;

AgentEventSink* desk_of(Hub* self, const std::string& agent_id) {
  auto it = self->state.desks.find(agent_id);
  return it == self->state.desks.end() ? nullptr : it->second.get();
}

caf::behavior sink_hub(Hub* self) {
  using namespace services;
  return {
      [self](subscribe_atom, Channel channel, SubscriptionId id, std::shared_ptr<ChannelSink>& sink) {
        self->state.channels[id] = {channel, std::move(sink)};
      },
      [self](unsub_atom, SubscriptionId id) { self->state.channels.erase(id); },
      [self](desk_atom, const std::string& agent_id, std::shared_ptr<AgentEventSink>& sink) {
        self->state.desks[agent_id] = std::move(sink);
      },
      [self](undesk_atom, const std::string& agent_id, const std::shared_ptr<AgentEventSink>& sink) {
        auto it = self->state.desks.find(agent_id);
        if (it == self->state.desks.end() || (sink && it->second != sink)) return false;
        self->state.desks.erase(it);
        return true;
      },
      [self](learn_atom, const std::string& customer_id, Channel channel, const std::string& user) {
        auto& addresses = self->state.addresses;
        if (addresses.size() >= kAddressesMax) addresses.erase(addresses.begin());
        addresses[{customer_id, channel}] = user;
      },
      [self](push_atom, OutboundMessage& message) {
        if (auto it = self->state.addresses.find({message.customer_id, message.channel});
            it != self->state.addresses.end()) {
          message.channel_user_id = it->second;
        }
        for (auto& [id, subscription] : self->state.channels) {
          if (subscription.first == message.channel) subscription.second->push(message);
        }
      },
      [self](offer_atom, const std::string& agent_id, const AgentOffer& offer) {
        if (auto* desk = desk_of(self, agent_id)) desk->offer(offer);
      },
      [self](withdraw_atom, const std::string& agent_id, const std::string& conversation_id) {
        if (auto* desk = desk_of(self, agent_id)) desk->offer_withdrawn(conversation_id);
      },
      [self](said_atom, const std::string& agent_id, const std::string& conversation_id,
             const TranscriptLine& line) {
        if (auto* desk = desk_of(self, agent_id)) desk->customer_message(conversation_id, line);
      },
      [self](notice_atom, const std::string& agent_id, const std::string& text) {
        if (auto* desk = desk_of(self, agent_id)) desk->notice(text);
      },
      [self](runtime::stop_atom) { self->quit(); },
  };
}

}  // namespace

caf::actor spawn_sink_hub(caf::actor_system& system) { return system.spawn(sink_hub); }

}  // namespace sb::service
