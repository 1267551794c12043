// switchboard desk: an agent in the terminal (see terminal_clients.hpp).

#include <istream>
#include <mutex>
#include <sstream>

#include "runtime/rpc/cli/cli_args.hpp"
#include "runtime/rpc/cli/format.hpp"
#include "runtime/rpc/cli/line_printer.hpp"
#include "runtime/rpc/cli/terminal_clients.hpp"

namespace sb::rpc::cli {
namespace {

constexpr char kHelp[] =
    "commands: /accept [conv] /decline [conv] /reply <conv> <text> "
    "/transfer <conv> <target> <note> /resolve <conv> /conv <conv> /timeline <customer> "
    "/search <customer> <text> /merge <survivor> <absorbed> /unmerge <survivor> <absorbed> "
    "/suggest <conv> /ticket new <conv> <subject>|get <id>|status <id> <s>|note <id> <text> "
    "/presence online|away|offline /logout /quit";

// The words of a command line; `rest_after(n)` is the text after the first n words.
struct Command {
  explicit Command(const std::string& line) : line(line) {
    std::istringstream words(line);
    for (std::string word; words >> word;) this->words.push_back(word);
  }
  std::string word(std::size_t i) const { return i < words.size() ? words[i] : std::string(); }
  std::string rest_after(std::size_t n) const {
    std::size_t position = 0;
    for (std::size_t i = 0; i < n; ++i) {
      position = line.find_first_not_of(' ', position);
      position = line.find(' ', position);
      if (position == std::string::npos) return {};
    }
    const auto start = line.find_first_not_of(' ', position);
    return start == std::string::npos ? std::string() : line.substr(start);
  }

  std::string line;
  std::vector<std::string> words;
};

class Desk {
 public:
  Desk(Client& client, std::ostream& out) : client_(client), printer_(out) {}

  void on_event(const AgentEvent& event) {
    if (const auto* offer = std::get_if<service::AgentOffer>(&event)) {
      std::lock_guard lock(mutex_);
      last_offer_ = offer->conversation.conversation_id;
    }
    for (const auto& line : describe(event)) printer_.line(line);
  }

  // False when the desk should quit.
  bool run(const std::string& line);
  LinePrinter& printer() { return printer_; }

 private:
  std::string offered_or(const std::string& conversation) {
    if (!conversation.empty()) return conversation;
    std::lock_guard lock(mutex_);
    return last_offer_;
  }
  template <class T, class Show>
  void report(const Outcome<T>& outcome, Show&& show) {
    if (!outcome) return printer_.line(describe(outcome.error()));
    show(*outcome);
  }
  void done(const Outcome<service::Done>& outcome, const std::string& what) {
    report(outcome, [&](const service::Done&) { printer_.line(what); });
  }
  void ticket(const Command& command);
  void presence(const std::string& name);

  Client& client_;
  LinePrinter printer_;
  std::mutex mutex_;
  std::string last_offer_;
};

bool Desk::run(const std::string& line) {
  const Command command(line);
  const auto verb = command.word(0);
  const auto show_conversation = [this](const service::ConversationView& view) {
    for (const auto& text : describe(view)) printer_.line(text);
  };
  const auto show_timeline = [this](const std::vector<service::TimelineEntry>& entries) {
    for (const auto& entry : entries) printer_.line("- " + describe(entry));
  };
  if (verb == "/quit") return false;
  if (verb == "/accept") {
    report(client_.accept(offered_or(command.word(1))), show_conversation);
  } else if (verb == "/decline") {
    done(client_.decline(offered_or(command.word(1))), "declined");
  } else if (verb == "/reply") {
    done(client_.reply(command.word(1), command.rest_after(2)), "sent");
  } else if (verb == "/transfer") {
    done(client_.transfer(command.word(1), command.word(2), command.rest_after(3)), "transferred");
  } else if (verb == "/resolve") {
    done(client_.resolve(command.word(1)), "resolved");
  } else if (verb == "/conv") {
    report(client_.conversation(command.word(1)), show_conversation);
  } else if (verb == "/timeline") {
    report(client_.customer_timeline(command.word(1)), show_timeline);
  } else if (verb == "/search") {
    report(client_.search_customer_history(command.word(1), command.rest_after(2)),
           [this](const std::vector<service::HistoryMatch>& matches) {
             if (matches.empty()) printer_.line("no line matches");
             for (const auto& match : matches) {
               printer_.line("- [" + match.conversation_id + "] " + match.line.author + ": " +
                             match.line.text);
             }
           });
  } else if (verb == "/merge") {
    report(client_.merge_customers(command.word(1), command.word(2)), show_timeline);
  } else if (verb == "/unmerge") {
    done(client_.unmerge_customers(command.word(1), command.word(2)), "unmerged");
  } else if (verb == "/suggest") {
    report(client_.suggested_replies(command.word(1)), [this](const auto& replies) {
      for (const auto& reply : replies)
        printer_.line("> " + reply.text + " (" + reply.intent + ")");
    });
  } else if (verb == "/ticket") {
    ticket(command);
  } else if (verb == "/presence") {
    presence(command.word(1));
  } else if (verb == "/logout") {
    report(client_.logout(), [this](const service::AgentView&) {
      printer_.line("logged out: your conversations went back to the queue");
    });
  } else {
    printer_.line(kHelp);
  }
  return true;
}

void Desk::ticket(const Command& command) {
  const auto show = [this](const service::TicketView& view) { printer_.line(describe(view)); };
  const auto action = command.word(1);
  if (action == "new") {
    service::TicketSpec spec;
    spec.conversation_id = command.word(2);
    spec.subject = command.rest_after(3);
    return report(client_.create_ticket(spec), show);
  }
  if (action == "get") return report(client_.ticket(command.word(2)), show);
  if (action == "status" || action == "note") {
    service::TicketUpdate update;
    update.ticket_id = command.word(2);
    if (action == "status") update.status = command.word(3);
    if (action == "note") update.note = command.rest_after(3);
    return report(client_.update_ticket(update), show);
  }
  printer_.line("usage: /ticket new <conv> <subject> | get <id> | status <id> <s> | note <id> <t>");
}

void Desk::presence(const std::string& name) {
  std::optional<service::Presence> presence;
  if (name == "online") presence = service::Presence::online;
  if (name == "away") presence = service::Presence::away;
  if (name == "offline") presence = service::Presence::offline;
  if (!presence) return printer_.line("usage: /presence online|away|offline");
  report(client_.set_presence(*presence),
         [this, name](const service::AgentView&) { printer_.line("you are " + name); });
}

}  // namespace

int run_desk(const std::vector<std::string>& args, std::istream& in, std::ostream& out) {
  auto parsed = parse_args(args);
  if (!parsed) return out << parsed.error() << '\n', 2;
  const auto agent = parsed->get("agent");
  if (!agent) return out << "usage: desk --agent ID\n", 2;
  auto client = connect_and_authenticate(*parsed);
  if (!client) return out << client.error() << '\n', 1;
  const auto session = (*client)->session();
  if (!session || session->role != Role::agent || session->principal != *agent) {
    out << "this token is not agent " << *agent << "'s\n";
    return 1;
  }

  Desk desk(**client, out);
  auto view = (*client)->login([&desk](const AgentEvent& event) { desk.on_event(event); });
  if (!view) return out << describe(view.error()) << '\n', 1;
  desk.printer().line("logged in as " + view->agent_id + "; /help for commands");
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    if (!desk.run(line)) break;
  }
  (*client)->disconnect();  // before `desk`, which the sink handler uses, goes away
  return 0;
}

}  // namespace sb::rpc::cli
