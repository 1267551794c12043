#pragma once
// Terminal clients over the RPC API, for trying a node by hand; the `switchboard` CLI dispatches
// to them. Each reads commands from `in`, writes to `out` and returns a process exit code.
// Common options: --host (127.0.0.1) --port (7400) --token (or SWITCHBOARD_TOKEN).

#include <iosfwd>
#include <string>
#include <vector>

namespace sb::rpc::cli {

// switchboard chat --channel web --user ID [--name NAME]
// A customer chat: each line is delivered; bot and agent replies, queue updates and the CSAT
// prompt are printed as they arrive. `/rate N [comment]` rates, `/quit` (or end of input) leaves.
int run_chat(const std::vector<std::string>& args, std::istream& in, std::ostream& out);

// switchboard desk --agent ID
// An agent desk: prints offers (handoff summary and the customer's timeline), customer messages
// and notices. Commands: /accept [conv], /decline [conv], /reply <conv> <text>,
// /transfer <conv> <agent:id|skill:group> <note>, /resolve <conv>, /conv <conv>,
// /timeline <customer>, /search <customer> <text>, /merge <survivor> <absorbed>, /unmerge <survivor> <absorbed>,
// /suggest <conv>, /ticket new <conv> <subject> | get <id> |
// status <id> <status> | note <id> <text>, /presence online|away|offline, /logout (offline:
// open conversations go back to the queue), /help, /quit.
int run_desk(const std::vector<std::string>& args, std::istream& in, std::ostream& out);

// switchboard admin kb import FILE | agent add ID --skill group:level ... [--name N]
//   [--chat-capacity N] [--email-capacity N] [--group G ...] | queues
//   | sla list|set|remove ... | tiers show|set ... | skills list|define|remove ...
//   (the configuration commands: admin_config.hpp)
int run_admin(const std::vector<std::string>& args, std::istream& in, std::ostream& out);

// switchboard backend --orders FILE
// Serves the orders in FILE (one JSON order a line, as config/kb/sample_orders.jsonl) as the
// node's business backend (Admin.registerBusinessBackend) until end of input or /quit; the
// shipped sample backend answers again after.
int run_backend(const std::vector<std::string>& args, std::istream& in, std::ostream& out);

}  // namespace sb::rpc::cli
