#pragma once
// Registers a client's sink capability on its connection: a forwarder for the service, a pump
// that calls the capability on the loop thread, and a registration that ties them together and is
// released when the client drops its handle, its connection, or a push fails.

#include <memory>
#include <string>

#include "runtime/rpc/connection_state.hpp"
#include "runtime/rpc/wire_channel.hpp"
#include "runtime/rpc/wire_desk.hpp"
#include "runtime/rpc/wire_report.hpp"

namespace sb::rpc {

inline void write_push(api::ChannelSink::PushParams::Builder params,
                       const service::OutboundMessage& message) {
  to_wire(params.initMessage(), message);
}
inline void write_push(api::AgentEventSink::PushParams::Builder params, const AgentEvent& event) {
  to_wire(params.initEvent(), event);
}
inline void write_push(api::ViolationSink::PushParams::Builder params,
                       const quality::Violation& violation) {
  to_wire(params.initViolation(), violation);
}

template <class Event>
struct NewSink {
  ConnectionState::RegistrationId id = 0;
  std::shared_ptr<SinkForwarder<Event>> forwarder;
  SinkRegistration<Event>* registration = nullptr;  // owned by the connection state
};

// REQUIRES: loop thread. `sink` is the client's capability (ChannelSink or AgentEventSink).
template <class Event, class SinkClient>
Expected<NewSink<Event>, service::ServiceError> register_sink(ConnectionState& state,
                                                              SinkDirectory<Event>& directory,
                                                              SinkClient sink) {
  NewSink<Event> created;
  created.id = state.reserve();
  created.forwarder = std::make_shared<SinkForwarder<Event>>(state.server().inbox, directory);
  auto registration = kj::heap<SinkRegistration<Event>>(
      directory, created.forwarder,
      [sink](const Event& event) mutable {
        auto request = sink.pushRequest();
        write_push(request, event);
        return request.send().ignoreResult();
      },
      // The pump calls this from inside its own task: release on a later turn.
      [state = &state, id = created.id] { state->release_later(id); });
  created.registration = registration.get();
  if (!state.add(created.id, kj::mv(registration))) {
    return unexpected(service::ServiceError{service::ErrorCode::rejected,
                                            "this connection already holds " +
                                                std::to_string(kSinksPerConnectionMax) +
                                                " sinks (the limit); drop a subscription first",
                                            "too_many_sinks"});
  }
  return created;
}

}  // namespace sb::rpc
