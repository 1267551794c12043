#include "runtime/service/switchboard_service.hpp"

#include <thread>

#include <caf/all.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>

#include "actors/agent/agent_decider.hpp"
#include "actors/configuration/configuration_decider.hpp"
#include "actors/common/text.hpp"
#include "actors/conversation/conversation_decider.hpp"
#include "actors/conversation/conversation_follow_up.hpp"
#include "actors/conversation/conversation_queries.hpp"
#include "actors/customer/customer_decider.hpp"
#include "actors/customer/customer_identity.hpp"
#include "actors/services/service_messages.hpp"
#include "runtime/bot/kb_jsonl.hpp"
#include "runtime/entity/entity_host.hpp"
#include "runtime/entity/entity_registry.hpp"
#include "runtime/errors.hpp"
#include "runtime/service/configuration_views.hpp"
#include "runtime/service/history_search.hpp"
#include "actors/ticket/sla_clock.hpp"
#include "runtime/service/sink_hub.hpp"
#include "runtime/service/service_views.hpp"
#include "runtime/service/ticket_views.hpp"
#include "actors/ticket/ticket_decider.hpp"

namespace sb::service {
namespace {

constexpr auto kCallTimeout = std::chrono::seconds(30);

Timestamp now() { return std::chrono::time_point_cast<Duration>(std::chrono::system_clock::now()); }

ServiceError error_of(const caf::error& error) {
  const auto code = runtime::runtime_errc_of(error);
  if (code == runtime::RuntimeErrc::overloaded) return {ErrorCode::overloaded, runtime::describe(error), {}};
  if (code == runtime::RuntimeErrc::invalid_command) {
    return {ErrorCode::rejected, runtime::describe(error), "invalid_command"};
  }
  return {ErrorCode::unavailable, runtime::describe(error), {}};
}

template <class R>
ServiceError rejection_of(const Rejected<R>& rejected) {
  return {ErrorCode::rejected, rejected.detail, std::string(to_string(rejected.code))};
}

std::optional<ServiceError> check_id(std::string_view what, const std::string& id) {
  if (id.empty()) return ServiceError{ErrorCode::invalid_argument, std::string(what) + " is empty", {}};
  if (auto bad = check_text(what, id, kIdBytesMax)) return ServiceError{ErrorCode::invalid_argument, *bad, {}};
  return std::nullopt;
}

std::optional<ServiceError> check_text_field(std::string_view what, const std::string& text,
                                             std::size_t bytes_max, bool may_be_empty = false) {
  if (text.empty() && !may_be_empty) return ServiceError{ErrorCode::invalid_argument, std::string(what) + " is empty", {}};
  if (auto bad = check_text(what, text, bytes_max)) return ServiceError{ErrorCode::invalid_argument, *bad, {}};
  return std::nullopt;
}

std::optional<ServiceError> check_message_text(const std::string& text) {
  if (text.empty()) return ServiceError{ErrorCode::invalid_argument, "the message text is empty", {}};
  if (auto bad = check_text("the message text", text, kTextBytesMax)) {
    return ServiceError{ErrorCode::invalid_argument, *bad, {}};
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::rejected: return "rejected";
    case ErrorCode::permission_denied: return "permission_denied";
    case ErrorCode::overloaded: return "overloaded";
    case ErrorCode::unavailable: return "unavailable";
    case ErrorCode::internal: return "internal";
  }
  return "unknown";
}

SwitchboardService::SwitchboardService(caf::actor_system& system, caf::actor registry,
                                       std::shared_ptr<services::EntityServices> services,
                                       std::shared_ptr<KnowledgeBaseKeeper> knowledge_base,
                                       std::shared_ptr<runtime::RequestDeadlines> deadlines)
    : system_(system),
      registry_(std::move(registry)),
      services_(std::move(services)),
      knowledge_base_(std::move(knowledge_base)),
      deadlines_(std::move(deadlines)) {}

SwitchboardService::~SwitchboardService() { drain(); }

bool SwitchboardService::drain() {
  // A call ends within kCallTimeout (the request's own timeout), and a chain of calls within a
  // few of them.
  const auto deadline = std::chrono::steady_clock::now() + 3 * kCallTimeout;
  while (in_flight_.load() > 0) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

template <class Reply, class OnReply>
void SwitchboardService::call(const caf::actor& to, caf::message message, OnReply on_reply) {
  if (in_flight_.fetch_add(1) >= kInFlightCallsMax) {
    in_flight_.fetch_sub(1);
    on_reply(caf::expected<Reply>(runtime::make_runtime_error(
        runtime::RuntimeErrc::overloaded, "too many calls in flight; retry later")));
    return;
  }
  auto* counter = &in_flight_;
  auto* deadlines = deadlines_.get();
  system_.spawn([to, message, on_reply, counter, deadlines](caf::event_based_actor* self) mutable {
    runtime::watched_request(self, deadlines, to, kCallTimeout, std::move(message))
        .then(
            // Counted down after on_reply, which may start the next call of a chain: drain()
            // never sees zero in the middle of one.
            [self, on_reply, counter](Reply& reply) mutable {
              on_reply(caf::expected<Reply>(std::move(reply)));
              counter->fetch_sub(1);
              self->quit();
            },
            [self, on_reply, counter](caf::error& error) mutable {
              on_reply(caf::expected<Reply>(std::move(error)));
              counter->fetch_sub(1);
              self->quit();
            });
  });
}

template <class D, class Value>
void SwitchboardService::command(std::string entity_id, typename D::Command command,
                                 std::string command_id, Callback<Value> done,
                                 std::function<Value(const typename D::State&)> view) {
  runtime::EntityKey key{D::kKind, std::move(entity_id)};
  auto message = runtime::route_to(key, runtime::make_command<D>(std::move(command), std::move(command_id),
                                                                 to_unix_ms(now()), key.id));
  // The state after the command comes from a second, ordered request (the entity handles them in
  // order, so it sees its own command's effect).
  auto registry = registry_;
  call<runtime::CommandReply<D>>(
      registry_, std::move(message),
      [this, key, done, view](caf::expected<runtime::CommandReply<D>> reply) mutable {
        if (!reply) return done(unexpected(error_of(reply.error())));
        if (reply->kind == runtime::ReplyKind::rejected) return done(unexpected(rejection_of(*reply->rejection)));
        query<D, Value>(key.id, done, [view](const typename D::State& state) -> Expected<Value, ServiceError> {
          return view(state);
        });
      });
}

template <class D, class Value>
void SwitchboardService::query(std::string entity_id, Callback<Value> done,
                               std::function<Expected<Value, ServiceError>(const typename D::State&)> view) {
  runtime::EntityKey key{D::kKind, std::move(entity_id)};
  call<runtime::EntityView<D>>(registry_, runtime::route_to(key, caf::make_message(runtime::get_atom::value)),
                               [done, view](caf::expected<runtime::EntityView<D>> reply) mutable {
                                 if (!reply) return done(unexpected(error_of(reply.error())));
                                 done(view(reply->state));
                               });
}

std::string SwitchboardService::customer_id_for(const InboundMessage& message) {
  if (!message.account_id.empty()) return customer::account_customer_id(message.account_id);
  return customer::anonymous_customer_id(message.channel, message.channel_user_id);
}

void SwitchboardService::deliver(InboundMessage message, Callback<DeliverResult> done) {
  for (auto problem : {check_id("the channel user id", message.channel_user_id),
                       check_id("the message id", message.message_id), check_message_text(message.text)}) {
    if (problem) return done(unexpected(*problem));
  }
  if (!message.account_id.empty()) {
    if (auto problem = check_id("the account id", message.account_id)) return done(unexpected(*problem));
  }
  const auto customer_id = customer_id_for(message);
  caf::anon_send(services_->sinks, services::learn_atom::value, customer_id, message.channel,
                 message.channel_user_id);
  services::InboundTurn turn{message.message_id, customer_id, message.channel, message.channel_user_id,
                             message.text, Tier::regular, message.sent_at.value_or(now()), false};
  turn.verified_account = !message.account_id.empty();
  const runtime::EntityKey key{EntityKind::customer, customer_id};
  call<services::TurnOutcome>(
      registry_, runtime::route_to(key, caf::make_message(services::deliver_atom::value, std::move(turn))),
      [done, customer_id, message](caf::expected<services::TurnOutcome> outcome) mutable {
        if (!outcome) return done(unexpected(error_of(outcome.error())));
        if (outcome->error) return done(unexpected(*outcome->error));
        // An absorbed customer's message is answered by the customer it was merged into.
        done(deliver_result(*outcome, outcome->customer_id.empty() ? customer_id : outcome->customer_id, message));
      });
}

SubscriptionId SwitchboardService::subscribe_channel(Channel channel, std::shared_ptr<ChannelSink> sink) {
  const auto id = next_subscription_.fetch_add(1);
  caf::anon_send(services_->sinks, services::subscribe_atom::value, channel, id, std::move(sink));
  return id;
}

void SwitchboardService::unsubscribe(SubscriptionId id) {
  caf::anon_send(services_->sinks, services::unsub_atom::value, id);
}

SubscriptionId SwitchboardService::register_backend(std::shared_ptr<IntegratorBackend> backend) {
  const auto id = next_subscription_.fetch_add(1);
  caf::anon_send(services_->backends, services::register_atom::value, id, std::move(backend));
  return id;
}

void SwitchboardService::unregister_backend(SubscriptionId id) {
  caf::anon_send(services_->backends, services::unregister_atom::value, id);
}

void SwitchboardService::rate(std::string conversation_id, int score, std::string comment, Callback<Done> done) {
  if (auto problem = check_id("the conversation id", conversation_id)) return done(unexpected(*problem));
  if (score < 1 || score > 5) return done(unexpected(ServiceError{ErrorCode::invalid_argument, "a rating is 1..5", {}}));
  command<conversation::Decider, Done>(conversation_id,
                                       conversation::Rate{static_cast<std::uint8_t>(score), std::move(comment), now()},
                                       {}, done, [](const conversation::State&) { return Done{}; });
}

void SwitchboardService::agent_login(std::string agent_id, std::shared_ptr<AgentEventSink> sink,
                                     Callback<AgentView> done) {
  if (auto problem = check_id("the agent id", agent_id)) return done(unexpected(*problem));
  caf::anon_send(services_->sinks, services::desk_atom::value, agent_id, std::move(sink));
  set_presence(std::move(agent_id), Presence::online, std::move(done));
}

void SwitchboardService::set_presence(std::string agent_id, Presence presence, Callback<AgentView> done) {
  if (auto problem = check_id("the agent id", agent_id)) return done(unexpected(*problem));
  const auto id = agent_id;
  auto view = [id](const agent::State& state) { return agent_view(id, state); };
  // Setting the presence it already has is not an error for a desk: answer with the view.
  Callback<AgentView> tolerant = [this, id, done, view](Expected<AgentView, ServiceError> result) mutable {
    if (!result && result.error().rejection == "unchanged") {
      return query<agent::Decider, AgentView>(id, done, [view](const agent::State& s) -> Expected<AgentView, ServiceError> { return view(s); });
    }
    done(std::move(result));
  };
  command<agent::Decider, AgentView>(agent_id, agent::SetPresence{to_agent_presence(presence), now()}, {},
                                     tolerant, view);
}

void SwitchboardService::agent_logout(std::string agent_id, Callback<AgentView> done) {
  if (auto problem = check_id("the agent id", agent_id)) return done(unexpected(*problem));
  // Offline first, so the desk still sees the offers withdrawn; then nothing reaches it.
  auto sinks = services_->sinks;
  set_presence(agent_id, Presence::offline, [sinks, agent_id, done](Expected<AgentView, ServiceError> view) {
    if (view) caf::anon_send(sinks, undesk_atom::value, agent_id, std::shared_ptr<AgentEventSink>());
    done(std::move(view));
  });
}

void SwitchboardService::agent_desk_lost(std::string agent_id, std::shared_ptr<AgentEventSink> sink) {
  if (check_id("the agent id", agent_id) || !sink) return;
  // Offline, not away: a desk nobody watches must not keep customers waiting on it; their
  // conversations queue again (and stick to this agent if they are back in time).
  call<bool>(services_->sinks, caf::make_message(undesk_atom::value, agent_id, std::move(sink)),
             [this, agent_id](caf::expected<bool> dropped) {
               if (!dropped || !*dropped) return;  // a newer desk took over: leave the agent be
               set_presence(agent_id, Presence::offline, [agent_id](Expected<AgentView, ServiceError> view) {
                 if (!view && view.error().rejection != "not_registered") {
                   spdlog::warn("agent {} lost its desk and could not go offline: {}", agent_id, view.error().message);
                 }
               });
             });
}

void SwitchboardService::accept_offer(std::string agent_id, std::string conversation_id,
                                      Callback<ConversationView> done) {
  for (auto problem : {check_id("the agent id", agent_id), check_id("the conversation id", conversation_id)}) {
    if (problem) return done(unexpected(*problem));
  }
  call<router::AssignmentExplanation>(
      services_->routing,
      caf::make_message(services::accept_atom::value, services::OfferAnswer{agent_id, conversation_id}),
      [this, agent_id, conversation_id, done](caf::expected<router::AssignmentExplanation> explanation) mutable {
        if (!explanation) return done(unexpected(error_of(explanation.error())));
        const auto id = conversation_id;
        command<conversation::Decider, ConversationView>(
            conversation_id, conversation::Assign{agent_id, *explanation, now()}, {}, done,
            [id](const conversation::State& state) { return conversation_view(id, state); });
      });
}

void SwitchboardService::decline_offer(std::string agent_id, std::string conversation_id, Callback<Done> done) {
  for (auto problem : {check_id("the agent id", agent_id), check_id("the conversation id", conversation_id)}) {
    if (problem) return done(unexpected(*problem));
  }
  caf::anon_send(services_->routing, services::decline_atom::value, services::OfferAnswer{agent_id, conversation_id});
  done(Done{});
}

void SwitchboardService::agent_reply(std::string agent_id, std::string conversation_id, std::string text,
                                     Callback<Done> done) {
  for (auto problem : {check_id("the agent id", agent_id), check_id("the conversation id", conversation_id),
                       check_message_text(text)}) {
    if (problem) return done(unexpected(*problem));
  }
  const auto message_id = conversation_id + "/a" + std::to_string(reply_seq_.fetch_add(1) + 1) + "-" +
                          std::to_string(to_unix_ms(now()));
  command<conversation::Decider, Done>(conversation_id,
                                       conversation::ReplyAsAgent{agent_id, message_id, std::move(text), now()},
                                       {}, done, [](const conversation::State&) { return Done{}; });
}

void SwitchboardService::transfer(std::string agent_id, std::string conversation_id, std::string target,
                                  std::string note, Callback<Done> done) {
  for (auto problem : {check_id("the agent id", agent_id), check_id("the conversation id", conversation_id)}) {
    if (problem) return done(unexpected(*problem));
  }
  auto parsed = parse_transfer_target(target);
  if (!parsed) return done(unexpected(parsed.error()));
  command<conversation::Decider, Done>(conversation_id,
                                       conversation::Transfer{agent_id, *parsed, std::move(note), now()}, {},
                                       done, [](const conversation::State&) { return Done{}; });
}

void SwitchboardService::resolve(std::string agent_id, std::string conversation_id, Callback<Done> done) {
  for (auto problem : {check_id("the agent id", agent_id), check_id("the conversation id", conversation_id)}) {
    if (problem) return done(unexpected(*problem));
  }
  command<conversation::Decider, Done>(conversation_id, conversation::Resolve{agent_id, now()}, {}, done,
                                       [](const conversation::State&) { return Done{}; });
}

void SwitchboardService::conversation(std::string conversation_id, Callback<ConversationView> done) {
  if (auto problem = check_id("the conversation id", conversation_id)) return done(unexpected(*problem));
  const auto id = conversation_id;
  query<conversation::Decider, ConversationView>(
      conversation_id, done, [id](const conversation::State& state) -> Expected<ConversationView, ServiceError> {
        if (state.phase == conversation::Phase::none) {
          return unexpected(ServiceError{ErrorCode::not_found, "no conversation " + id, {}});
        }
        return conversation_view(id, state);
      });
}

void SwitchboardService::customer_timeline(std::string customer_id, Callback<std::vector<TimelineEntry>> done) {
  if (auto problem = check_id("the customer id", customer_id)) return done(unexpected(*problem));
  const runtime::EntityKey key{EntityKind::customer, customer_id};
  call<services::CustomerTimeline>(
      registry_, runtime::route_to(key, caf::make_message(services::timeline_atom::value, std::uint8_t{0}, false)),
      [done, customer_id](caf::expected<services::CustomerTimeline> timeline) mutable {
        if (!timeline) return done(unexpected(error_of(timeline.error())));
        if (!timeline->registered) return done(unexpected(ServiceError{ErrorCode::not_found, "no customer " + customer_id, {}}));
        done(services::timeline_view(timeline->entries));
      });
}

void SwitchboardService::search_customer_history(std::string customer_id, std::string query,
                                                 Callback<std::vector<HistoryMatch>> done) {
  if (auto problem = check_id("the customer id", customer_id)) return done(unexpected(*problem));
  if (auto problem = check_text_field("the search text", query, kSearchQueryBytesMax)) return done(unexpected(*problem));
  customer_timeline(customer_id, [this, query, done](Expected<std::vector<TimelineEntry>, ServiceError> timeline) {
    if (!timeline) return done(unexpected(timeline.error()));
    std::vector<std::string> conversations;
    for (auto it = timeline->rbegin(); it != timeline->rend() && conversations.size() < kSearchConversationsMax; ++it) {
      if (it->kind == "conversation") conversations.push_back(it->id);
    }
    if (conversations.empty()) return done(std::vector<HistoryMatch>{});
    // Every conversation is read at once; the last answer hands the matches over.
    struct Gathering {
      std::mutex mutex;
      std::vector<HistoryMatch> matches;
      std::size_t pending = 0;
    };
    auto gathering = std::make_shared<Gathering>();
    gathering->pending = conversations.size();
    for (const auto& id : conversations) {
      const runtime::EntityKey key{EntityKind::conversation, id};
      call<runtime::EntityView<conversation::Decider>>(
          registry_, runtime::route_to(key, caf::make_message(runtime::get_atom::value)),
          [gathering, id, query, done](caf::expected<runtime::EntityView<conversation::Decider>> view) {
            std::unique_lock lock(gathering->mutex);
            if (view) {
              auto found = history_matches(id, view->state, query);
              gathering->matches.insert(gathering->matches.end(), found.begin(), found.end());
            }  // one that cannot be read is left out rather than failing the search
            if (--gathering->pending > 0) return;
            auto matches = newest_matches(std::move(gathering->matches));
            lock.unlock();
            done(std::move(matches));
          });
    }
  });
}

// A merge or unmerge runs as a saga in the survivor's actor (actors/customer/customer_merging.hpp).
void SwitchboardService::customer_saga(std::string survivor_id, std::string absorbed_id, caf::message message,
                                       Callback<Done> done) {
  for (auto problem : {check_id("the survivor customer id", survivor_id), check_id("the absorbed customer id", absorbed_id)}) {
    if (problem) return done(unexpected(*problem));
  }
  const runtime::EntityKey key{EntityKind::customer, survivor_id};
  call<runtime::CommandReply<customer::Decider>>(
      registry_, runtime::route_to(key, std::move(message)),
      [done](caf::expected<runtime::CommandReply<customer::Decider>> reply) mutable {
        if (!reply) return done(unexpected(error_of(reply.error())));
        if (reply->ok()) return done(Done{});
        auto error = rejection_of(*reply->rejection);
        if (reply->rejection->code == customer::Rejection::not_registered) error.code = ErrorCode::not_found;
        done(unexpected(std::move(error)));
      });
}

void SwitchboardService::merge_customers(std::string agent_id, std::string survivor_id, std::string absorbed_id,
                                         Callback<std::vector<TimelineEntry>> done) {
  if (auto problem = check_id("the agent id", agent_id)) return done(unexpected(*problem));
  spdlog::info("agent {} merges customer {} into {}", agent_id, absorbed_id, survivor_id);
  auto message = caf::make_message(services::merge_atom::value, absorbed_id,
                                   static_cast<std::uint8_t>(customer::MergeReason::agent_decision), to_unix_ms(now()));
  customer_saga(survivor_id, absorbed_id, std::move(message),
                [this, survivor_id, done](Expected<Done, ServiceError> merged) mutable {
                  if (!merged) return done(unexpected(merged.error()));
                  customer_timeline(survivor_id, std::move(done));
                });
}

void SwitchboardService::unmerge_customers(std::string agent_id, std::string survivor_id, std::string absorbed_id,
                                           Callback<Done> done) {
  if (auto problem = check_id("the agent id", agent_id)) return done(unexpected(*problem));
  spdlog::info("agent {} unmerges customer {} from {}", agent_id, absorbed_id, survivor_id);
  auto message = caf::make_message(services::unmerge_atom::value, absorbed_id, to_unix_ms(now()));
  customer_saga(survivor_id, absorbed_id, std::move(message), std::move(done));
}

void SwitchboardService::suggested_replies(std::string conversation_id,
                                           Callback<std::vector<SuggestedReply>> done) {
  if (auto problem = check_id("the conversation id", conversation_id)) return done(unexpected(*problem));
  auto holder = services_->bot;
  query<conversation::Decider, std::vector<SuggestedReply>>(
      conversation_id, done,
      [holder](const conversation::State& state) -> Expected<std::vector<SuggestedReply>, ServiceError> {
        return suggestions_for(*holder->get(), state);
      });
}

void SwitchboardService::create_ticket(std::string agent_id, TicketSpec spec, Callback<TicketView> done) {
  for (auto problem : {check_id("the agent id", agent_id), check_text_field("the subject", spec.subject, kIdBytesMax * 2),
                       check_text_field("the description", spec.description, kTextBytesMax, true)}) {
    if (problem) return done(unexpected(*problem));
  }
  auto given_fields = agent_fields(spec.fields);
  if (!given_fields) return done(unexpected(given_fields.error()));
  std::optional<ticket::Priority> priority;
  if (!spec.priority.empty()) {
    auto parsed = parse_priority(spec.priority);
    if (!parsed) return done(unexpected(parsed.error()));
    priority = *parsed;
  }
  const auto ticket_id = "tk-" + std::to_string(to_unix_ms(now())) + "-" + std::to_string(ticket_seq_.fetch_add(1) + 1);
  ticket::CreateTicket create{ticket_id, spec.customer_id, spec.conversation_id, Channel::web, Tier::regular,
                              priority.value_or(ticket::Priority::normal), ticket::TicketSource::agent, agent_id,
                              spec.subject, spec.description, *given_fields, *services_->sla_policies.get(), now()};
  if (spec.conversation_id.empty()) {
    if (auto problem = check_id("the customer id", spec.customer_id)) return done(unexpected(*problem));
    return open_ticket(std::move(create), std::move(done));
  }
  // Take what the conversation knows, so the agent does not retype it; the agent's fields win.
  auto holder = services_->bot;
  query<conversation::Decider, ticket::CreateTicket>(
      spec.conversation_id,
      [this, done](Expected<ticket::CreateTicket, ServiceError> filled) mutable {
        if (!filled) return done(unexpected(filled.error()));
        open_ticket(std::move(*filled), std::move(done));
      },
      [create, holder, priority](const conversation::State& state) mutable -> Expected<ticket::CreateTicket, ServiceError> {
        if (state.phase == conversation::Phase::none) {
          return unexpected(ServiceError{ErrorCode::not_found, "no conversation " + create.conversation_id, {}});
        }
        auto fields = conversation::ticket_fields_from(state);
        const auto& given = create.fields;
        for (auto [field, value] : {std::pair{&fields.category, &given.category}, {&fields.order_number, &given.order_number},
                                    {&fields.phone, &given.phone}, {&fields.email, &given.email},
                                    {&fields.product, &given.product}}) {
          if (*value) *field = *value;
        }
        create.fields = fields;
        create.customer_id = state.customer_id;
        create.channel = state.channel;
        if (!priority) create.priority = conversation::ticket_priority_for(*holder->get(), state.intent);
        return create;
      });
}

void SwitchboardService::open_ticket(ticket::CreateTicket create, Callback<TicketView> done) {
  const auto ticket_id = create.ticket_id;
  const auto customer_id = create.customer_id;
  const customer::RecordTicket record{ticket_id, create.channel, create.at};
  command<ticket::Decider, TicketView>(
      ticket_id, std::move(create), {},
      [this, customer_id, record, done](Expected<TicketView, ServiceError> view) mutable {
        if (view) {
          // The ticket joins the customer's timeline (an effect: the ticket exists either way).
          call<runtime::CommandReply<customer::Decider>>(
              registry_, runtime::route_to({EntityKind::customer, customer_id},
                                           runtime::make_command<customer::Decider>(record)),
              [](caf::expected<runtime::CommandReply<customer::Decider>>) {});
        }
        done(std::move(view));
      },
      ticket_view);
}

void SwitchboardService::update_ticket(std::string agent_id, TicketUpdate update, Callback<TicketView> done) {
  for (auto problem : {check_id("the agent id", agent_id), check_id("the ticket id", update.ticket_id)}) {
    if (problem) return done(unexpected(*problem));
  }
  if (update.note) {
    if (auto problem = check_text_field("the note", *update.note, kTextBytesMax)) return done(unexpected(*problem));
  }
  auto commands = commands_for(update, agent_id, *services_->sla_policies.get(), now());
  if (!commands) return done(unexpected(commands.error()));
  run_ticket_commands(update.ticket_id, std::move(*commands), 0, std::move(done));
}

void SwitchboardService::run_ticket_commands(std::string ticket_id, std::vector<ticket::Command> commands,
                                             std::size_t next, Callback<TicketView> done) {
  auto command_now = commands[next];
  command<ticket::Decider, TicketView>(
      ticket_id, std::move(command_now), {},
      [this, ticket_id, commands, next, done](Expected<TicketView, ServiceError> view) mutable {
        if (!view || next + 1 == commands.size()) return done(std::move(view));
        run_ticket_commands(ticket_id, std::move(commands), next + 1, std::move(done));
      },
      ticket_view);
}

void SwitchboardService::ticket(std::string ticket_id, Callback<TicketView> done) {
  if (auto problem = check_id("the ticket id", ticket_id)) return done(unexpected(*problem));
  const auto id = ticket_id;
  query<ticket::Decider, TicketView>(ticket_id, done,
                                     [id](const ticket::State& state) -> Expected<TicketView, ServiceError> {
                                       if (state.status == ticket::Status::none) {
                                         return unexpected(ServiceError{ErrorCode::not_found, "no ticket " + id, {}});
                                       }
                                       return ticket_view(state);
                                     });
}

void SwitchboardService::upsert_agent(AgentSpec spec, Callback<AgentView> done) {
  if (auto problem = check_id("the agent id", spec.agent_id)) return done(unexpected(*problem));
  const auto id = spec.agent_id;
  auto view = [id](const agent::State& state) { return agent_view(id, state); };
  agent::Capacity capacity{spec.chat_capacity, spec.email_capacity};
  // Registration first; an agent that exists gets its skills and capacity replaced instead.
  Callback<AgentView> then_update = [this, id, spec, capacity, done, view](Expected<AgentView, ServiceError> result) mutable {
    if (result || result.error().rejection != "already_registered") return done(std::move(result));
    command<agent::Decider, AgentView>(
        id, agent::ChangeSkills{spec.skills, now()}, {},
        [this, id, capacity, done, view](Expected<AgentView, ServiceError> changed) mutable {
          if (!changed && changed.error().rejection != "unchanged") return done(std::move(changed));
          command<agent::Decider, AgentView>(id, agent::ChangeCapacity{capacity, now()}, {}, done, view);
        },
        view);
  };
  command<agent::Decider, AgentView>(
      spec.agent_id, agent::RegisterAgent{spec.display_name, spec.skills, spec.groups, capacity, now()}, {},
      then_update, view);
}

void SwitchboardService::import_knowledge_base(std::string jsonl, Callback<KnowledgeBaseVersion> done) {
  knowledge_base_->import(std::move(jsonl), std::move(done));
}

void SwitchboardService::knowledge_base_versions(Callback<std::vector<KnowledgeBaseVersion>> done) {
  knowledge_base_->versions(std::move(done));
}

void SwitchboardService::roll_back_knowledge_base(std::uint64_t version, Callback<KnowledgeBaseVersion> done) {
  knowledge_base_->roll_back(version, std::move(done));
}

void SwitchboardService::queues(Callback<std::vector<QueueSnapshot>> done) {
  call<std::vector<QueueSnapshot>>(services_->routing, caf::make_message(services::queues_atom::value),
                                   [done](caf::expected<std::vector<QueueSnapshot>> snapshot) mutable {
                                     if (!snapshot) return done(unexpected(error_of(snapshot.error())));
                                     done(std::move(*snapshot));
                                   });
}

template <class Value>
void SwitchboardService::configure(configuration::Command command, Callback<Value> done,
                                   std::function<Value(const configuration::State&)> view) {
  Callback<Value> mapped = [done](Expected<Value, ServiceError> result) {
    if (!result && result.error().rejection == "not_found") {
      auto error = result.error();
      error.code = ErrorCode::not_found;
      return done(unexpected(std::move(error)));
    }
    done(std::move(result));
  };
  this->command<configuration::Decider, Value>(std::string(configuration::kNodeConfigurationId), std::move(command),
                                               {}, std::move(mapped), std::move(view));
}

void SwitchboardService::sla_policies(Callback<std::vector<SlaPolicySpec>> done) {
  auto table = services_->sla_policies.get();
  query<configuration::Decider, std::vector<SlaPolicySpec>>(
      std::string(configuration::kNodeConfigurationId), done,
      [table](const configuration::State& state) -> Expected<std::vector<SlaPolicySpec>, ServiceError> {
        auto entries = table->entries;
        std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
          return std::pair{a.tier, a.priority} < std::pair{b.tier, b.priority};
        });
        std::vector<SlaPolicySpec> out;
        for (const auto& entry : entries) {
          if (!out.empty() && out.back().tier == to_string(entry.tier) &&
              out.back().priority == ticket::to_string(entry.priority)) {
            continue;  // shadowed: the first entry of a tier x priority is the one in force
          }
          out.push_back(sla_policy_spec(entry, state.sla_policies.contains({entry.tier, entry.priority})));
        }
        return out;
      });
}

void SwitchboardService::set_sla_policy(SlaPolicySpec spec, Callback<SlaPolicySpec> done) {
  auto key = parse_sla_key(spec.tier, spec.priority);
  if (!key) return done(unexpected(key.error()));
  auto policy = sla_policy_from(spec);
  if (!policy) return done(unexpected(policy.error()));
  // Accepted means exactly this policy is in force (a repeat writes nothing and is accepted too).
  const ticket::SlaPolicyEntry entry{key->first, key->second, *policy};
  configure<SlaPolicySpec>(configuration::SetSlaPolicy{entry.tier, entry.priority, entry.policy, now()}, done,
                           [entry](const configuration::State&) { return sla_policy_spec(entry, true); });
}

void SwitchboardService::remove_sla_policy(std::string tier, std::string priority, Callback<Done> done) {
  auto key = parse_sla_key(tier, priority);
  if (!key) return done(unexpected(key.error()));
  configure<Done>(configuration::RemoveSlaPolicy{key->first, key->second, now()}, done,
                  [](const configuration::State&) { return Done{}; });
}

void SwitchboardService::tier_rules(Callback<TierRulesSpec> done) {
  auto rules = services_->tier_rules.get();
  query<configuration::Decider, TierRulesSpec>(
      std::string(configuration::kNodeConfigurationId), done,
      [rules](const configuration::State& state) -> Expected<TierRulesSpec, ServiceError> {
        return tier_rules_spec(*rules, state.tier_rules.has_value());
      });
}

void SwitchboardService::set_tier_rules(TierRulesSpec spec, Callback<TierRulesSpec> done) {
  auto rules = tier_rules_from(spec);
  if (!rules) return done(unexpected(rules.error()));
  const auto set = *rules;
  configure<TierRulesSpec>(configuration::SetTierRules{set, now()}, done,
                           [set](const configuration::State&) { return tier_rules_spec(set, true); });
}

void SwitchboardService::skill_groups(Callback<std::vector<SkillGroupSpec>> done) {
  query<configuration::Decider, std::vector<SkillGroupSpec>>(
      std::string(configuration::kNodeConfigurationId), done,
      [](const configuration::State& state) -> Expected<std::vector<SkillGroupSpec>, ServiceError> {
        std::vector<SkillGroupSpec> out;
        for (const auto& [name, group] : state.skill_groups) out.push_back(skill_group_spec(group));
        return out;
      });
}

void SwitchboardService::define_skill_group(SkillGroupSpec spec, Callback<SkillGroupSpec> done) {
  auto group = skill_group_from(spec);
  if (!group) return done(unexpected(group.error()));
  const auto defined = *group;
  configure<SkillGroupSpec>(configuration::DefineSkillGroup{defined, now()}, done,
                            [defined](const configuration::State&) { return skill_group_spec(defined); });
}

void SwitchboardService::remove_skill_group(std::string name, Callback<Done> done) {
  if (auto problem = check_group_name(name)) return done(unexpected(*problem));
  configure<Done>(configuration::RemoveSkillGroup{std::move(name), now()}, done,
                  [](const configuration::State&) { return Done{}; });
}

}  // namespace sb::service
