#include "runtime/rpc/business_backend_server.hpp"
#include "runtime/rpc/client.hpp"

#include <future>
#include <mutex>
#include <thread>
#include <utility>

#include <capnp/rpc-twoparty.h>
#include <kj/async-io.h>
#include <kj/debug.h>
#include <spdlog/spdlog.h>

#include "runtime/rpc/loop_inbox.hpp"
#include "runtime/rpc/wire.hpp"

namespace sb::rpc {
namespace {

using service::ErrorCode;
using service::ServiceError;

ServiceError unavailable(std::string message) {
  return {ErrorCode::unavailable, std::move(message), {}};
}

// The capabilities this client holds. Loop thread only.
struct Caps {
  explicit Caps(api::Gateway::Client gateway_in) : gateway(kj::mv(gateway_in)) {}
  api::Gateway::Client gateway;
  api::Channel::Client channel = nullptr;
  api::AgentDesk::Client desk = nullptr;
  api::Admin::Client admin = nullptr;
  std::vector<api::Subscription::Client> subscriptions;  // kept to keep receiving
};

// One call's answer, set once on the loop thread and read by the caller.
template <class T>
struct Reply {
  std::promise<Outcome<T>> promise;
  bool answered = false;
  void set(Outcome<T> outcome) {
    if (answered) return;
    answered = true;
    promise.set_value(std::move(outcome));
  }
};

template <class T, class Request>
kj::Promise<void> send_and_read(Request& request, std::shared_ptr<Reply<T>> reply) {
  return request.send().then(
      [reply](auto response) { reply->set(read_result<T>(response.getResult())); });
}

class ChannelSinkImpl final : public api::ChannelSink::Server {
 public:
  explicit ChannelSinkImpl(Client::ChannelHandler handler) : handler_(std::move(handler)) {}

 protected:
  kj::Promise<void> push(PushContext context) override {
    handler_(from_wire(context.getParams().getMessage()));
    return kj::READY_NOW;
  }

 private:
  Client::ChannelHandler handler_;
};

class AgentEventSinkImpl final : public api::AgentEventSink::Server {
 public:
  explicit AgentEventSinkImpl(Client::AgentHandler handler) : handler_(std::move(handler)) {}

 protected:
  kj::Promise<void> push(PushContext context) override {
    if (auto event = from_wire(context.getParams().getEvent())) handler_(*event);
    return kj::READY_NOW;
  }

 private:
  Client::AgentHandler handler_;
};

class ViolationSinkImpl final : public api::ViolationSink::Server {
 public:
  explicit ViolationSinkImpl(Client::ViolationHandler handler) : handler_(std::move(handler)) {}

 protected:
  kj::Promise<void> push(PushContext context) override {
    handler_(from_wire(context.getParams().getViolation()));
    return kj::READY_NOW;
  }

 private:
  Client::ViolationHandler handler_;
};

class LogErrors final : public kj::TaskSet::ErrorHandler {
 public:
  void taskFailed(kj::Exception&& exception) override {
    spdlog::debug("rpc client: {}", exception.getDescription().cStr());
  }
};

Role role_from_wire(api::Role role) {
  switch (role) {
    case api::Role::AGENT:
      return Role::agent;
    case api::Role::ADMIN:
      return Role::admin;
    case api::Role::CHANNEL:
    case api::Role::UNSPECIFIED:
    default:  // a newer role: the least privileged
      return Role::channel;
  }
}

}  // namespace

struct Client::Loop {
  explicit Loop(const ClientOptions& options_in) : options(options_in) {}

  void run(std::promise<std::string>& connected);
  void stop();

  // Runs `make(caps, reply)` on the loop thread and waits for the reply.
  template <class T, class Make>
  Outcome<T> call(Make make);

  std::optional<ServiceError> require(Role role) const {
    std::lock_guard lock(mutex);
    if (session && session->role == role) return std::nullopt;
    return ServiceError{
        ErrorCode::permission_denied,
        "this needs a " + std::string(to_string(role)) + " token; authenticate with one first",
        {}};
  }

  const ClientOptions options;
  std::shared_ptr<LoopInbox> inbox = std::make_shared<LoopInbox>(kLoopInboxMax);
  std::thread thread;

  mutable std::mutex mutex;  // guards the members below
  kj::Own<kj::CrossThreadPromiseFulfiller<void>> stop_signal;
  std::optional<Session> session;

  // Loop thread only; null when not connected.
  Caps* caps = nullptr;
  kj::TaskSet* tasks = nullptr;
};

void Client::Loop::run(std::promise<std::string>& connected) {
  bool reported = false;
  try {
    auto io = kj::setupAsyncIo();
    auto stop_paf = kj::newPromiseAndCrossThreadFulfiller<void>();
    auto address = io.provider->getNetwork()
                       .parseAddress(kj::StringPtr(options.host.c_str()), options.port)
                       .wait(io.waitScope);
    auto timeout =
        io.provider->getTimer()
            .afterDelay(options.call_timeout.count() * kj::MILLISECONDS)
            .then([]() -> kj::Own<kj::AsyncIoStream> { KJ_FAIL_REQUIRE("timed out connecting"); });
    auto stream = address->connect().exclusiveJoin(kj::mv(timeout)).wait(io.waitScope);
    capnp::TwoPartyClient rpc(*stream);
    Caps loop_caps(rpc.bootstrap().castAs<api::Gateway>());
    LogErrors errors;
    kj::TaskSet loop_tasks(errors);
    auto inbox_running = inbox->run().eagerlyEvaluate(nullptr);
    {
      std::lock_guard lock(mutex);
      stop_signal = kj::mv(stop_paf.fulfiller);
    }
    caps = &loop_caps;
    tasks = &loop_tasks;
    connected.set_value({});
    reported = true;

    stop_paf.promise.exclusiveJoin(rpc.onDisconnect()).wait(io.waitScope);
    caps = nullptr;
    tasks = nullptr;
    inbox_running = kj::READY_NOW;  // cancel before close(): close drops its wake-up
    inbox->close();
  } catch (const kj::Exception& exception) {
    if (!reported) connected.set_value(exception.getDescription().cStr());
  }
  inbox->close();  // calls still queued fail as unavailable (their replies are dropped)
}

void Client::Loop::stop() {
  {
    std::lock_guard lock(mutex);
    if (stop_signal.get() != nullptr) {
      stop_signal->fulfill();
      stop_signal = nullptr;
    }
  }
  if (thread.joinable()) thread.join();
  inbox->close();
}

template <class T, class Make>
Outcome<T> Client::Loop::call(Make make) {
  auto reply = std::make_shared<Reply<T>>();
  auto answer = reply->promise.get_future();
  const bool posted = inbox->post([this, make, reply]() mutable {
    if (caps == nullptr) return reply->set(unexpected(unavailable("the client is disconnected")));
    tasks->add(
        kj::evalNow([&] { return make(*caps, reply); }).catch_([reply](kj::Exception&& exception) {
          reply->set(unexpected(from_exception(exception)));
        }));
  });
  if (!posted) return unexpected(unavailable("the client is disconnected"));
  if (answer.wait_for(options.call_timeout) != std::future_status::ready) {
    return unexpected(
        unavailable("no answer within " + std::to_string(options.call_timeout.count()) + " ms"));
  }
  try {
    return answer.get();
  } catch (const std::future_error&) {  // the call was dropped when the client closed
    return unexpected(unavailable("the client is disconnected"));
  }
}

Client::Client(const ClientOptions& options) : loop_(std::make_unique<Loop>(options)) {}

Client::~Client() { disconnect(); }

Expected<std::unique_ptr<Client>, std::string> Client::connect(const ClientOptions& options) {
  std::unique_ptr<Client> client(new Client(options));
  auto connected = std::make_shared<std::promise<std::string>>();
  auto result = connected->get_future();
  Loop* loop = client->loop_.get();
  loop->thread = std::thread([loop, connected] { loop->run(*connected); });
  auto error = result.get();
  if (!error.empty()) {
    client->disconnect();
    return unexpected("cannot connect to " + options.host + ":" + std::to_string(options.port) +
                      ": " + error);
  }
  return client;
}

void Client::disconnect() { loop_->stop(); }

std::optional<Session> Client::session() const {
  std::lock_guard lock(loop_->mutex);
  return loop_->session;
}

Outcome<Session> Client::authenticate(const std::string& token) {
  auto session = loop_->call<Session>([token](Caps& caps, std::shared_ptr<Reply<Session>> reply) {
    auto request = caps.gateway.authenticateRequest();
    request.setToken(to_text(token));
    return request.send().then([&caps, reply](auto response) {
      auto result = response.getResult();
      if (!result.isOk()) return reply->set(unexpected(from_wire(result.getError())));
      auto ok = result.getOk();
      Session session{role_from_wire(ok.getRole()), to_string(ok.getPrincipal()),
                      from_wire(ok.getChannelType())};
      switch (ok.which()) {
        case api::Session::CHANNEL:
          caps.channel = ok.getChannel();
          break;
        case api::Session::AGENT_DESK:
          caps.desk = ok.getAgentDesk();
          break;
        case api::Session::ADMIN:
          caps.admin = ok.getAdmin();
          break;
        default:  // a capability newer than this client: nothing usable
          break;
      }
      reply->set(std::move(session));
    });
  });
  if (session) {
    std::lock_guard lock(loop_->mutex);
    loop_->session = *session;
  }
  return session;
}

// ---- channel ------------------------------------------------------------------------------------

Outcome<service::DeliverResult> Client::deliver(const service::InboundMessage& message) {
  if (auto error = loop_->require(Role::channel)) return unexpected(*error);
  return loop_->call<service::DeliverResult>([message](Caps& caps, auto reply) {
    auto request = caps.channel.deliverRequest();
    to_wire(request.initMessage(), message);
    return send_and_read(request, reply);
  });
}

Outcome<std::vector<Outcome<service::DeliverResult>>> Client::deliver_batch(
    const std::vector<service::InboundMessage>& messages) {
  using Results = std::vector<Outcome<service::DeliverResult>>;
  if (auto error = loop_->require(Role::channel)) return unexpected(*error);
  return loop_->call<Results>([messages](Caps& caps, std::shared_ptr<Reply<Results>> reply) {
    auto request = caps.channel.deliverBatchRequest();
    auto list = request.initMessages(messages.size());
    for (unsigned i = 0; i < messages.size(); ++i) to_wire(list[i], messages[i]);
    return request.send().then([reply](auto response) {
      reply->set(
          read_outcome<Results>(response.getResult(), [](api::DeliverBatchResult::Reader ok) {
            Results results;
            for (auto each : ok.getResults()) {
              results.push_back(read_result<service::DeliverResult>(each));
            }
            return results;
          }));
    });
  });
}

Outcome<service::Done> Client::rate(const std::string& conversation_id, int score,
                                    const std::string& comment) {
  if (auto error = loop_->require(Role::channel)) return unexpected(*error);
  return loop_->call<service::Done>([conversation_id, score, comment](Caps& caps, auto reply) {
    auto request = caps.channel.rateRequest();
    request.setConversationId(to_text(conversation_id));
    request.setScore(score);
    request.setComment(to_text(comment));
    return send_and_read(request, reply);
  });
}

Outcome<service::Done> Client::subscribe(std::optional<Channel> channel, ChannelHandler handler) {
  if (auto error = loop_->require(Role::channel)) return unexpected(*error);
  return loop_->call<service::Done>(
      [channel, handler](Caps& caps, std::shared_ptr<Reply<service::Done>> reply) {
        auto request = caps.channel.subscribeRequest();
        request.setSink(kj::heap<ChannelSinkImpl>(handler));
        request.setChannel(channel ? to_wire(*channel) : api::ChannelType::UNSPECIFIED);
        return request.send().then([&caps, reply](auto response) {
          auto outcome = read_result<service::Done>(response.getResult());
          if (outcome) caps.subscriptions.push_back(response.getSubscription());
          reply->set(std::move(outcome));
        });
      });
}

// ---- agent desk ---------------------------------------------------------------------------------

Outcome<service::AgentView> Client::login(AgentHandler handler) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::AgentView>(
      [handler](Caps& caps, std::shared_ptr<Reply<service::AgentView>> reply) {
        auto request = caps.desk.loginRequest();
        request.setSink(kj::heap<AgentEventSinkImpl>(handler));
        return request.send().then([&caps, reply](auto response) {
          auto outcome = read_result<service::AgentView>(response.getResult());
          if (outcome) caps.subscriptions.push_back(response.getSession());
          reply->set(std::move(outcome));
        });
      });
}

Outcome<service::AgentView> Client::set_presence(service::Presence presence) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::AgentView>([presence](Caps& caps, auto reply) {
    auto request = caps.desk.setPresenceRequest();
    request.setPresence(to_wire(presence));
    return send_and_read(request, reply);
  });
}

Outcome<service::AgentView> Client::logout() {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::AgentView>([](Caps& caps, auto reply) {
    auto request = caps.desk.logoutRequest();
    return send_and_read(request, reply);
  });
}

Outcome<service::ConversationView> Client::accept(const std::string& conversation_id) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::ConversationView>([conversation_id](Caps& caps, auto reply) {
    auto request = caps.desk.acceptRequest();
    request.setConversationId(to_text(conversation_id));
    return send_and_read(request, reply);
  });
}

Outcome<service::Done> Client::decline(const std::string& conversation_id) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::Done>([conversation_id](Caps& caps, auto reply) {
    auto request = caps.desk.declineRequest();
    request.setConversationId(to_text(conversation_id));
    return send_and_read(request, reply);
  });
}

Outcome<service::Done> Client::reply(const std::string& conversation_id, const std::string& text) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::Done>([conversation_id, text](Caps& caps, auto reply) {
    auto request = caps.desk.replyRequest();
    request.setConversationId(to_text(conversation_id));
    request.setText(to_text(text));
    return send_and_read(request, reply);
  });
}

Outcome<service::Done> Client::transfer(const std::string& conversation_id,
                                        const std::string& target, const std::string& note) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::Done>([conversation_id, target, note](Caps& caps, auto reply) {
    auto request = caps.desk.transferRequest();
    request.setConversationId(to_text(conversation_id));
    request.setTarget(to_text(target));
    request.setNote(to_text(note));
    return send_and_read(request, reply);
  });
}

Outcome<service::Done> Client::resolve(const std::string& conversation_id) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::Done>([conversation_id](Caps& caps, auto reply) {
    auto request = caps.desk.resolveRequest();
    request.setConversationId(to_text(conversation_id));
    return send_and_read(request, reply);
  });
}

Outcome<service::ConversationView> Client::conversation(const std::string& conversation_id) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::ConversationView>([conversation_id](Caps& caps, auto reply) {
    auto request = caps.desk.conversationRequest();
    request.setConversationId(to_text(conversation_id));
    return send_and_read(request, reply);
  });
}

Outcome<service::TicketView> Client::create_ticket(const service::TicketSpec& spec) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::TicketView>([spec](Caps& caps, auto reply) {
    auto request = caps.desk.createTicketRequest();
    to_wire(request.initSpec(), spec);
    return send_and_read(request, reply);
  });
}

Outcome<service::TicketView> Client::update_ticket(const service::TicketUpdate& update) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::TicketView>([update](Caps& caps, auto reply) {
    auto request = caps.desk.updateTicketRequest();
    to_wire(request.initUpdate(), update);
    return send_and_read(request, reply);
  });
}

Outcome<service::TicketView> Client::ticket(const std::string& ticket_id) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::TicketView>([ticket_id](Caps& caps, auto reply) {
    auto request = caps.desk.ticketRequest();
    request.setTicketId(to_text(ticket_id));
    return send_and_read(request, reply);
  });
}

Outcome<std::vector<service::TimelineEntry>> Client::customer_timeline(
    const std::string& customer_id) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<std::vector<service::TimelineEntry>>([customer_id](Caps& caps, auto reply) {
    auto request = caps.desk.customerTimelineRequest();
    request.setCustomerId(to_text(customer_id));
    return send_and_read(request, reply);
  });
}

Outcome<std::vector<service::TimelineEntry>> Client::merge_customers(
    const std::string& survivor_id, const std::string& absorbed_id) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<std::vector<service::TimelineEntry>>(
      [survivor_id, absorbed_id](Caps& caps, auto reply) {
        auto request = caps.desk.mergeCustomersRequest();
        request.setSurvivorId(to_text(survivor_id));
        request.setAbsorbedId(to_text(absorbed_id));
        return send_and_read(request, reply);
      });
}

Outcome<std::vector<service::HistoryMatch>> Client::search_customer_history(
    const std::string& customer_id, const std::string& query) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<std::vector<service::HistoryMatch>>(
      [customer_id, query](Caps& caps, auto reply) {
        auto request = caps.desk.searchCustomerHistoryRequest();
        request.setCustomerId(to_text(customer_id));
        request.setQuery(to_text(query));
        return send_and_read(request, reply);
      });
}

Outcome<service::Done> Client::unmerge_customers(const std::string& survivor_id,
                                                 const std::string& absorbed_id) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<service::Done>([survivor_id, absorbed_id](Caps& caps, auto reply) {
    auto request = caps.desk.unmergeCustomersRequest();
    request.setSurvivorId(to_text(survivor_id));
    request.setAbsorbedId(to_text(absorbed_id));
    return send_and_read(request, reply);
  });
}

Outcome<std::vector<service::SuggestedReply>> Client::suggested_replies(
    const std::string& conversation_id) {
  if (auto error = loop_->require(Role::agent)) return unexpected(*error);
  return loop_->call<std::vector<service::SuggestedReply>>(
      [conversation_id](Caps& caps, auto reply) {
        auto request = caps.desk.suggestedRepliesRequest();
        request.setConversationId(to_text(conversation_id));
        return send_and_read(request, reply);
      });
}

// ---- admin --------------------------------------------------------------------------------------

Outcome<service::Done> Client::register_business_backend(
    std::shared_ptr<const bot::BusinessBackend> backend) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::Done>(
      [backend](Caps& caps, std::shared_ptr<Reply<service::Done>> reply) {
        auto request = caps.admin.registerBusinessBackendRequest();
        request.setBackend(kj::heap<BusinessBackendServer>(backend));
        return request.send().then([&caps, reply](auto response) {
          auto outcome = read_result<service::Done>(response.getResult());
          if (outcome) caps.subscriptions.push_back(response.getRegistration());
          reply->set(std::move(outcome));
        });
      });
}

Outcome<service::AgentView> Client::upsert_agent(const service::AgentSpec& spec) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::AgentView>([spec](Caps& caps, auto reply) {
    auto request = caps.admin.upsertAgentRequest();
    to_wire(request.initAgent(), spec);
    return send_and_read(request, reply);
  });
}

Outcome<service::KnowledgeBaseVersion> Client::import_knowledge_base(const std::string& jsonl) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::KnowledgeBaseVersion>([jsonl](Caps& caps, auto reply) {
    auto request = caps.admin.importKnowledgeBaseRequest();
    request.setJsonl(to_text(jsonl));
    return send_and_read(request, reply);
  });
}

Outcome<std::vector<service::KnowledgeBaseVersion>> Client::knowledge_base_versions() {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<std::vector<service::KnowledgeBaseVersion>>([](Caps& caps, auto reply) {
    auto request = caps.admin.listKnowledgeBaseVersionsRequest();
    return send_and_read(request, reply);
  });
}

Outcome<service::KnowledgeBaseVersion> Client::roll_back_knowledge_base(std::uint64_t version) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::KnowledgeBaseVersion>([version](Caps& caps, auto reply) {
    auto request = caps.admin.rollBackKnowledgeBaseRequest();
    request.setVersion(version);
    return send_and_read(request, reply);
  });
}

Outcome<std::vector<service::QueueSnapshot>> Client::queues() {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<std::vector<service::QueueSnapshot>>([](Caps& caps, auto reply) {
    auto request = caps.admin.listQueuesRequest();
    return send_and_read(request, reply);
  });
}

Outcome<reporting::RenderedReport> Client::report(const reporting::ReportRequest& request) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<reporting::RenderedReport>([request](Caps& caps, auto reply) {
    auto call = caps.admin.reportRequest();
    to_wire(call.initQuery(), request);
    return send_and_read(call, reply);
  });
}

Outcome<service::Done> Client::watch_violations(ViolationHandler handler) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::Done>(
      [handler](Caps& caps, std::shared_ptr<Reply<service::Done>> reply) {
        // Pipelined: the subscribe travels with the supervisor request, one round trip.
        auto supervisor = caps.admin.supervisorRequest().send().getSupervisor();
        auto request = supervisor.subscribeRequest();
        request.setSink(kj::heap<ViolationSinkImpl>(handler));
        return request.send().then([&caps, reply](auto response) {
          auto outcome = read_result<service::Done>(response.getResult());
          if (outcome) caps.subscriptions.push_back(response.getSubscription());
          reply->set(std::move(outcome));
        });
      });
}

// ---- node configuration --------------------------------------------------------------------------

Outcome<std::vector<service::SlaPolicySpec>> Client::sla_policies() {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<std::vector<service::SlaPolicySpec>>([](Caps& caps, auto reply) {
    auto request = caps.admin.listSlaPoliciesRequest();
    return send_and_read(request, reply);
  });
}

Outcome<service::SlaPolicySpec> Client::set_sla_policy(const service::SlaPolicySpec& spec) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::SlaPolicySpec>([spec](Caps& caps, auto reply) {
    auto request = caps.admin.setSlaPolicyRequest();
    to_wire(request.initPolicy(), spec);
    return send_and_read(request, reply);
  });
}

Outcome<service::Done> Client::remove_sla_policy(const std::string& tier, const std::string& priority) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::Done>([tier, priority](Caps& caps, auto reply) {
    auto request = caps.admin.removeSlaPolicyRequest();
    request.setTier(to_text(tier));
    request.setPriority(to_text(priority));
    return send_and_read(request, reply);
  });
}

Outcome<service::TierRulesSpec> Client::tier_rules() {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::TierRulesSpec>([](Caps& caps, auto reply) {
    auto request = caps.admin.getTierRulesRequest();
    return send_and_read(request, reply);
  });
}

Outcome<service::TierRulesSpec> Client::set_tier_rules(const service::TierRulesSpec& rules) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::TierRulesSpec>([rules](Caps& caps, auto reply) {
    auto request = caps.admin.setTierRulesRequest();
    to_wire(request.initRules(), rules);
    return send_and_read(request, reply);
  });
}

Outcome<std::vector<service::SkillGroupSpec>> Client::skill_groups() {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<std::vector<service::SkillGroupSpec>>([](Caps& caps, auto reply) {
    auto request = caps.admin.listSkillGroupsRequest();
    return send_and_read(request, reply);
  });
}

Outcome<service::SkillGroupSpec> Client::define_skill_group(const service::SkillGroupSpec& spec) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::SkillGroupSpec>([spec](Caps& caps, auto reply) {
    auto request = caps.admin.defineSkillGroupRequest();
    to_wire(request.initGroup(), spec);
    return send_and_read(request, reply);
  });
}

Outcome<service::Done> Client::remove_skill_group(const std::string& name) {
  if (auto error = loop_->require(Role::admin)) return unexpected(*error);
  return loop_->call<service::Done>([name](Caps& caps, auto reply) {
    auto request = caps.admin.removeSkillGroupRequest();
    request.setName(to_text(name));
    return send_and_read(request, reply);
  });
}

}  // namespace sb::rpc
