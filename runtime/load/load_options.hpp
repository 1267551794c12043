#pragma once
// Everything a load run can be told: where the server is, the tokens, the arrival shape (open
// loop at a target rate with ramp and spike, or closed loop at a fixed concurrency), the customer
// behaviour (channel mix, returning customers, question kinds, multi-turn) and the simulated
// agents. parse_load_args reads `--name value` / `--name=value` command-line options into it.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "actors/common/channel.hpp"
#include "actors/common/expected.hpp"

namespace sb::load {

enum class LoopMode : std::uint8_t { open = 1, closed = 2 };

// The arrival rate over time: a linear ramp from kRampStartShare of `rate` to `rate`, then flat,
// with an optional spike (a "midnight" peak) that multiplies the rate by `spike_factor`.
struct RateShape {
  double rate = 100;  // target messages per second after the ramp
  double ramp_seconds = 0;
  std::optional<double> spike_at_seconds;
  double spike_seconds = 5;
  double spike_factor = 3;
};

struct AgentBehaviour {
  int count = 3;
  std::vector<std::string> ids;             // empty: a1 .. aN
  std::string token_prefix = "dev-agent-";  // an agent's token is prefix + id
  bool register_agents = true;              // upsert the agents through Admin (needs its token)
  int chat_capacity = 3;
  std::chrono::milliseconds think_min{500};  // before accepting and between replies
  std::chrono::milliseconds think_max{1500};
  int replies_min = 1;  // replies before resolving
  int replies_max = 3;
  double ticket_share = 0.25;                // conversations the agent opens a ticket for
  double presence_changes_per_minute = 0.5;  // per agent: goes away, comes back
  std::chrono::milliseconds away_for{3000};
};

struct LoadOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 7400;
  std::string channel_token = "dev-channel";
  std::string admin_token = "dev-admin";  // empty: no Admin calls (no registration, no queues)

  std::chrono::milliseconds duration{10'000};
  LoopMode mode = LoopMode::open;
  RateShape shape;
  int concurrency = 64;  // closed loop: calls in flight; open loop: sender threads
  int batch_size = 1;    // 1: one deliver per message; more: deliverBatch like an adapter
  std::chrono::milliseconds batch_linger{2};  // how long an adapter waits to fill a batch

  std::map<Channel, double> channel_mix{{Channel::web, 0.35},
                                        {Channel::app, 0.25},
                                        {Channel::wechat, 0.25},
                                        {Channel::phone, 0.08},
                                        {Channel::email, 0.07}};
  double returning_share = 0.2;  // new sessions by a customer seen before (may switch channel)
  // Customers who send a verified shop login (account id) with their messages: their channels
  // join one history (the node merges each new channel's customer into the account's).
  double login_share = 1.0;
  double human_request_share = 0.05;
  double out_of_scope_share = 0.08;
  double multi_turn_share = 0.35;  // sessions with 2..kTurnsMax turns
  double zh_share = 0.6;
  std::chrono::milliseconds customer_think_min{500};
  std::chrono::milliseconds customer_think_max{2000};

  AgentBehaviour agents;
  std::string knowledge_base = "config/kb/default_kb.jsonl";
  std::uint64_t seed = 1;
  std::string json_path;                  // empty: no JSON file
  bool progress = true;                   // the live line on stderr
  std::chrono::milliseconds drain{3000};  // after the last send: wait for replies and offers
};

inline constexpr int kTurnsMax = 4;
inline constexpr double kRampStartShare = 0.1;

// The options in `args` on top of `defaults`, or a sentence naming the bad option.
Expected<LoadOptions, std::string> parse_load_args(const std::vector<std::string>& args,
                                                   LoadOptions defaults = {});
extern const char* const kLoadUsage;

}  // namespace sb::load
