// switchboard chat: a customer in the terminal (see terminal_clients.hpp).

#include <charconv>
#include <chrono>
#include <istream>
#include <mutex>
#include <set>

#include "runtime/rpc/cli/cli_args.hpp"
#include "runtime/rpc/cli/format.hpp"
#include "runtime/rpc/cli/line_printer.hpp"
#include "runtime/rpc/cli/terminal_clients.hpp"

namespace sb::rpc::cli {
namespace {

constexpr char kRateCommand[] = "/rate";
constexpr char kQuitCommand[] = "/quit";

// What this customer has seen: outbound messages arrive both in deliver results and on the sink,
// so each is shown once; and the conversation to rate.
class ChatState {
 public:
  explicit ChatState(std::ostream& out) : printer_(out) {}

  void show(const service::OutboundMessage& message) {
    {
      std::lock_guard lock(mutex_);
      if (!message.conversation_id.empty()) conversation_id_ = message.conversation_id;
      if (!shown_.insert(message.message_id).second) return;
    }
    printer_.line(describe(message));
  }
  void set_conversation(const std::string& id) {
    std::lock_guard lock(mutex_);
    conversation_id_ = id;
  }
  std::string conversation() const {
    std::lock_guard lock(mutex_);
    return conversation_id_;
  }
  LinePrinter& printer() { return printer_; }

 private:
  LinePrinter printer_;
  mutable std::mutex mutex_;
  std::set<std::string> shown_;
  std::string conversation_id_;
};

std::string new_message_id(const std::string& user, std::uint64_t sequence) {
  const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::system_clock::now().time_since_epoch());
  return user + "-" + std::to_string(now.count()) + "-" + std::to_string(sequence);
}

void rate(Client& client, ChatState& state, const std::string& arguments) {
  const auto space = arguments.find(' ');
  const auto score_text = arguments.substr(0, space);
  int score = 0;
  auto [end, error] =
      std::from_chars(score_text.data(), score_text.data() + score_text.size(), score);
  if (error != std::errc() || end != score_text.data() + score_text.size()) {
    return state.printer().line("usage: /rate N [comment]");
  }
  const auto conversation = state.conversation();
  if (conversation.empty()) return state.printer().line("nothing to rate yet");
  const auto comment = space == std::string::npos ? std::string() : arguments.substr(space + 1);
  auto rated = client.rate(conversation, score, comment);
  state.printer().line(rated ? "thank you for rating" : describe(rated.error()));
}

}  // namespace

int run_chat(const std::vector<std::string>& args, std::istream& in, std::ostream& out) {
  auto parsed = parse_args(args);
  if (!parsed) return out << parsed.error() << '\n', 2;
  const auto channel = parse_channel(parsed->get("channel").value_or("web"));
  const auto user = parsed->get("user");
  if (!channel || !user) {
    out << "usage: chat --channel web|app|wechat|phone|email|sms|social --user ID [--name NAME]\n";
    return 2;
  }
  auto client = connect_and_authenticate(*parsed);
  if (!client) return out << client.error() << '\n', 1;

  ChatState state(out);
  auto subscribed = (*client)->subscribe(*channel, [&state, user = *user](const auto& message) {
    if (message.channel_user_id == user) state.show(message);
  });
  if (!subscribed) return out << describe(subscribed.error()) << '\n', 1;
  state.printer().line("connected as " + *user + " on " + std::string(to_string(*channel)) +
                       "; type a message, /rate N, /quit");

  std::uint64_t sequence = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (line == kQuitCommand) break;
    if (line.starts_with(kRateCommand)) {
      rate(**client, state, line.size() > 6 ? line.substr(6) : std::string());
      continue;
    }
    service::InboundMessage message;
    message.channel = *channel;
    message.channel_user_id = *user;
    message.message_id = new_message_id(*user, ++sequence);
    message.text = line;
    message.display_name = parsed->get("name").value_or("");
    auto result = (*client)->deliver(message);
    if (!result) {
      state.printer().line(describe(result.error()));
      continue;
    }
    state.set_conversation(result->conversation_id);
    if (result->bot_reply) state.show(*result->bot_reply);
    if (result->handed_off && !result->bot_reply) {
      state.printer().line("[queue] waiting for an agent; you are number " +
                           std::to_string(result->queue_position));
    }
  }
  (*client)->disconnect();  // before `state`, which the sink handler uses, goes away
  return 0;
}

}  // namespace sb::rpc::cli
