#include "runtime/load/load_options.hpp"

#include <charconv>
#include <functional>
#include <sstream>

namespace sb::load {

const char* const kLoadUsage = R"(switchboard load — drive a running server over Cap'n Proto RPC

usage: switchboard load [options]        (--name value or --name=value)

server:    --host H (127.0.0.1) --port P (7400) --token T (dev-channel) --admin-token T (dev-admin;
           "" for none)
arrivals:  --duration S (10)  --rate MSGS_PER_S (100, open loop)  --closed (closed loop)
           --concurrency N (64: calls in flight closed-loop, sender threads open-loop)
           --ramp S (0)  --spike-at S  --spike-seconds S (5)  --spike-factor F (3)
           --batch N (1 = one deliver per message; more = deliverBatch)  --batch-linger-ms MS (2)
customers: --mix web=0.35,app=0.25,wechat=0.25,phone=0.08,email=0.07  --returning SHARE (0.2)
           --human SHARE (0.05)  --out-of-scope SHARE (0.08)  --multi-turn SHARE (0.35)
           --zh SHARE (0.6)  --login SHARE (1: every customer sends its shop account)
           --kb FILE (config/kb/default_kb.jsonl)
agents:    --agents N (3)  --agent-ids a1,a2  --agent-token-prefix P (dev-agent-)  --no-register
           --capacity N (3)  --think-ms MIN-MAX (500-1500)  --replies MIN-MAX (1-3)
           --ticket-share SHARE (0.25)  --presence-per-min R (0.5)  --away-ms MS (3000)
output:    --json FILE  --no-progress  --drain-seconds S (3)  --seed N (1)
)";

namespace {

using Setter = std::function<std::optional<std::string>(LoadOptions&, const std::string&)>;

template <class T>
std::optional<T> number(const std::string& text) {
  T value{};
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<double> share(const std::string& text) {
  auto value = number<double>(text);
  if (!value || *value < 0 || *value > 1) return std::nullopt;
  return value;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, separator);) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

// "MIN-MAX" in integers.
std::optional<std::pair<long, long>> range(const std::string& text) {
  const auto dash = text.find('-');
  if (dash == std::string::npos) return std::nullopt;
  auto low = number<long>(text.substr(0, dash));
  auto high = number<long>(text.substr(dash + 1));
  if (!low || !high || *low < 0 || *high < *low) return std::nullopt;
  return std::pair{*low, *high};
}

std::optional<std::map<Channel, double>> channel_mix(const std::string& text) {
  std::map<Channel, double> mix;
  for (const auto& item : split(text, ',')) {
    const auto eq = item.find('=');
    if (eq == std::string::npos) return std::nullopt;
    auto channel = parse_channel(item.substr(0, eq));
    auto weight = number<double>(item.substr(eq + 1));
    if (!channel || !weight || *weight < 0) return std::nullopt;
    mix[*channel] = *weight;
  }
  double total = 0;
  for (const auto& [_, weight] : mix) total += weight;
  if (total <= 0) return std::nullopt;
  return mix;
}

std::optional<std::string> bad(const std::string& name, const std::string& what) {
  return "--" + name + " needs " + what;
}

// Binds a parsed value to a field: `parse` returns nullopt for bad text.
template <class Parse, class Assign>
Setter bind(std::string name, std::string what, Parse parse, Assign assign) {
  return [=](LoadOptions& o, const std::string& text) -> std::optional<std::string> {
    auto value = parse(text);
    if (!value) return bad(name, what);
    assign(o, *value);
    return std::nullopt;
  };
}

std::optional<double> positive(const std::string& text) {
  auto value = number<double>(text);
  if (!value || *value <= 0) return std::nullopt;
  return value;
}
std::optional<int> count(const std::string& text) {
  auto value = number<int>(text);
  if (!value || *value < 0) return std::nullopt;
  return value;
}
std::optional<std::string> any_text(const std::string& text) { return text; }
std::chrono::milliseconds millis(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> table = [] {
    std::map<std::string, Setter> t;
    auto add = [&t](const std::string& name, const std::string& what, auto parse, auto assign) {
      t[name] = bind(name, what, parse, assign);
    };
    add("host", "a host", any_text, [](auto& o, auto v) { o.host = v; });
    add("port", "a port", number<std::uint16_t>, [](auto& o, auto v) { o.port = v; });
    add("token", "a token", any_text, [](auto& o, auto v) { o.channel_token = v; });
    add("admin-token", "a token", any_text, [](auto& o, auto v) { o.admin_token = v; });
    add("duration", "seconds > 0", positive, [](auto& o, auto v) { o.duration = millis(v); });
    add("rate", "messages per second > 0", positive, [](auto& o, auto v) { o.shape.rate = v; });
    add("concurrency", "a count > 0", positive,
        [](auto& o, auto v) { o.concurrency = static_cast<int>(v); });
    add("ramp", "seconds", number<double>, [](auto& o, auto v) { o.shape.ramp_seconds = v; });
    add("spike-at", "seconds", number<double>,
        [](auto& o, auto v) { o.shape.spike_at_seconds = v; });
    add("spike-seconds", "seconds > 0", positive,
        [](auto& o, auto v) { o.shape.spike_seconds = v; });
    add("spike-factor", "a factor > 0", positive,
        [](auto& o, auto v) { o.shape.spike_factor = v; });
    add("batch", "a count > 0", positive,
        [](auto& o, auto v) { o.batch_size = static_cast<int>(v); });
    add("batch-linger-ms", "milliseconds", count,
        [](auto& o, auto v) { o.batch_linger = std::chrono::milliseconds(v); });
    add("mix", "channel=weight,... (web app wechat phone email sms social)", channel_mix,
        [](auto& o, auto v) { o.channel_mix = v; });
    add("returning", "a share 0..1", share, [](auto& o, auto v) { o.returning_share = v; });
    add("login", "a share 0..1", share, [](auto& o, auto v) { o.login_share = v; });
    add("human", "a share 0..1", share, [](auto& o, auto v) { o.human_request_share = v; });
    add("out-of-scope", "a share 0..1", share, [](auto& o, auto v) { o.out_of_scope_share = v; });
    add("multi-turn", "a share 0..1", share, [](auto& o, auto v) { o.multi_turn_share = v; });
    add("zh", "a share 0..1", share, [](auto& o, auto v) { o.zh_share = v; });
    add("kb", "a file", any_text, [](auto& o, auto v) { o.knowledge_base = v; });
    add("agents", "a count", count, [](auto& o, auto v) { o.agents.count = v; });
    add("agent-ids", "ids a1,a2,...", any_text, [](auto& o, auto v) {
      o.agents.ids = split(v, ',');
      o.agents.count = static_cast<int>(o.agents.ids.size());
    });
    add("agent-token-prefix", "a prefix", any_text,
        [](auto& o, auto v) { o.agents.token_prefix = v; });
    add("capacity", "a count > 0", positive,
        [](auto& o, auto v) { o.agents.chat_capacity = static_cast<int>(v); });
    add("think-ms", "MIN-MAX milliseconds", range, [](auto& o, auto v) {
      o.agents.think_min = std::chrono::milliseconds(v.first);
      o.agents.think_max = std::chrono::milliseconds(v.second);
    });
    add("replies", "MIN-MAX with MIN >= 1", range, [](auto& o, auto v) {
      o.agents.replies_min = static_cast<int>(std::max(1L, v.first));
      o.agents.replies_max = static_cast<int>(std::max(1L, v.second));
    });
    add("ticket-share", "a share 0..1", share, [](auto& o, auto v) { o.agents.ticket_share = v; });
    add("presence-per-min", "a rate", number<double>,
        [](auto& o, auto v) { o.agents.presence_changes_per_minute = v; });
    add("away-ms", "milliseconds", count,
        [](auto& o, auto v) { o.agents.away_for = std::chrono::milliseconds(v); });
    add("json", "a file", any_text, [](auto& o, auto v) { o.json_path = v; });
    add("drain-seconds", "seconds", number<double>, [](auto& o, auto v) { o.drain = millis(v); });
    add("seed", "a number", number<std::uint64_t>, [](auto& o, auto v) { o.seed = v; });
    return t;
  }();
  return table;
}

const std::map<std::string, std::function<void(LoadOptions&)>>& flags() {
  static const std::map<std::string, std::function<void(LoadOptions&)>> table{
      {"closed", [](LoadOptions& o) { o.mode = LoopMode::closed; }},
      {"open", [](LoadOptions& o) { o.mode = LoopMode::open; }},
      {"no-register", [](LoadOptions& o) { o.agents.register_agents = false; }},
      {"no-progress", [](LoadOptions& o) { o.progress = false; }},
  };
  return table;
}

}  // namespace

Expected<LoadOptions, std::string> parse_load_args(const std::vector<std::string>& args,
                                                   LoadOptions defaults) {
  LoadOptions options = std::move(defaults);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0) return unexpected("unexpected argument '" + arg + "'");
    std::string name = arg.substr(2);
    std::optional<std::string> value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    }
    if (auto flag = flags().find(name); flag != flags().end() && !value) {
      flag->second(options);
      continue;
    }
    auto setter = setters().find(name);
    if (setter == setters().end()) return unexpected("unknown option --" + name);
    if (!value) {
      if (i + 1 >= args.size()) return unexpected("--" + name + " needs a value");
      value = args[++i];
    }
    if (auto error = setter->second(options, *value)) return unexpected(*error);
  }
  if (options.agents.think_max < options.agents.think_min) {
    return unexpected(std::string("--think-ms: MAX below MIN"));
  }
  return options;
}

}  // namespace sb::load
