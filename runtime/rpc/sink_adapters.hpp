#pragma once
// The sinks handed to the service. They run on CAF worker threads and only post to the loop
// inbox (through SinkForwarder); they never touch KJ objects and never throw.

#include <memory>
#include <utility>

#include "runtime/rpc/agent_event.hpp"
#include "runtime/reporting/reporting_service.hpp"
#include "runtime/rpc/sink_registration.hpp"

namespace sb::rpc {

class ChannelSinkAdapter final : public service::ChannelSink {
 public:
  explicit ChannelSinkAdapter(std::shared_ptr<SinkForwarder<service::OutboundMessage>> forwarder)
      : forwarder_(std::move(forwarder)) {}
  void push(const service::OutboundMessage& message) override { forwarder_->forward(message); }

 private:
  std::shared_ptr<SinkForwarder<service::OutboundMessage>> forwarder_;
};

class AgentSinkAdapter final : public service::AgentEventSink {
 public:
  explicit AgentSinkAdapter(std::shared_ptr<SinkForwarder<AgentEvent>> forwarder)
      : forwarder_(std::move(forwarder)) {}
  void offer(const service::AgentOffer& offer) override { forwarder_->forward(offer); }
  void offer_withdrawn(const std::string& conversation_id) override {
    forwarder_->forward(OfferWithdrawn{conversation_id});
  }
  void customer_message(const std::string& conversation_id,
                        const service::TranscriptLine& line) override {
    forwarder_->forward(CustomerMessage{conversation_id, line});
  }
  void notice(const std::string& text) override { forwarder_->forward(Notice{text}); }

 private:
  std::shared_ptr<SinkForwarder<AgentEvent>> forwarder_;
};

class ViolationSinkAdapter final : public reporting::ViolationSink {
 public:
  explicit ViolationSinkAdapter(std::shared_ptr<SinkForwarder<quality::Violation>> forwarder)
      : forwarder_(std::move(forwarder)) {}
  void push(const quality::Violation& violation) override { forwarder_->forward(violation); }

 private:
  std::shared_ptr<SinkForwarder<quality::Violation>> forwarder_;
};

}  // namespace sb::rpc
