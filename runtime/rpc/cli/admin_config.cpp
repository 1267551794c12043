#include "runtime/rpc/cli/admin_config.hpp"

#include <charconv>
#include <cstdlib>
#include <ostream>
#include <utility>

#include "runtime/rpc/cli/format.hpp"

namespace sb::rpc::cli {

const char kConfigurationUsage[] =
    "       admin sla list | sla set TIER PRIORITY --first-response D --next-reply D --resolution "
    "D\n"
    "             [--warn 0.8] [--supervisors GROUP] [--name NAME] | sla remove TIER PRIORITY\n"
    "       admin tiers show | tiers set [--regular-after-age D] [--regular-after-orders N]\n"
    "             [--vip-after-spend CENTS] [--vip-by-flag yes|no] [--enterprise-by-flag yes|no]\n"
    "       admin skills list | skills define NAME [--offer-timeout D] [--sticky-window D]\n"
    "             [--relax-every D] [--relax-min LEVEL] [--overflow GROUP ...] [--overflow-after "
    "D]\n"
    "             [--reserve PERMILLE] [--reserve-tier TIER] | skills remove NAME\n"
    "       (TIER: new|regular|vip|enterprise; PRIORITY: low|normal|high|urgent;\n"
    "        D: 500ms, 30s, 5m, 2h, 7d or milliseconds)";

namespace {

constexpr std::pair<std::string_view, std::int64_t> kUnits[] = {
    {"d", 86'400'000}, {"h", 3'600'000}, {"m", 60'000}, {"s", 1'000}, {"ms", 1}};

template <class T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_fraction(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) return std::nullopt;
  return value;
}

std::optional<bool> parse_yes_no(const std::string& text) {
  if (text == "yes") return true;
  if (text == "no") return false;
  return std::nullopt;
}

// Applies the option `name`, if given, to `field` through `parse`; false (and a message) when
// its value does not parse.
template <class Field, class Parse>
bool apply(const Args& args, const std::string& name, Field& field, Parse parse, std::ostream& out,
           std::string_view expected) {
  auto text = args.get(name);
  if (!text) return true;
  auto value = parse(*text);
  if (!value) {
    out << "--" << name << " is " << expected << ", not '" << *text << "'\n";
    return false;
  }
  field = static_cast<Field>(*value);
  return true;
}

bool apply_duration(const Args& args, const std::string& name, std::int64_t& field,
                    std::ostream& out) {
  return apply(args, name, field, parse_duration_ms, out, "a duration (500ms, 30s, 5m, 2h, 7d)");
}

bool apply_count(const Args& args, const std::string& name, auto& field, std::ostream& out) {
  return apply(args, name, field, parse_number<std::uint32_t>, out, "a whole number");
}

std::string yes_no(bool value) { return value ? "yes" : "no"; }

void show(const service::SlaPolicySpec& p, std::ostream& out) {
  out << p.tier << ' ' << p.priority << ' ' << p.name << ' '
      << format_duration_ms(p.first_response_ms) << ' ' << format_duration_ms(p.next_reply_ms)
      << ' ' << format_duration_ms(p.resolution_ms) << ' ' << p.warn_fraction << ' '
      << p.supervisor_group << (p.business_hours ? " business-hours" : "")
      << (p.configured ? " configured" : " default") << '\n';
}

void show(const service::TierRulesSpec& r, std::ostream& out) {
  out << "regular after account age " << format_duration_ms(r.regular_after_account_age_ms)
      << " or " << r.regular_after_orders << " orders (0: off)\n"
      << "vip after spend " << r.vip_after_spend_cents << " cents (0: by flag only), vip by flag "
      << yes_no(r.vip_by_flag) << ", enterprise by flag " << yes_no(r.enterprise_by_flag) << '\n'
      << (r.configured ? "configured" : "the node default") << '\n';
}

void show(const service::SkillGroupSpec& g, std::ostream& out) {
  out << g.name << ": offer timeout " << format_duration_ms(g.offer_timeout_ms) << ", sticky "
      << format_duration_ms(g.sticky_window_ms) << ", relax every "
      << format_duration_ms(g.relax_level_every_ms) << " down to level " << g.relaxed_level_min
      << ", overflow";
  for (const auto& overflow : g.overflow_groups) out << ' ' << overflow;
  if (g.overflow_groups.empty()) out << " none";
  out << " after " << format_duration_ms(g.overflow_after_ms) << ", reserve "
      << g.reserved_capacity_permille << "‰ for " << g.reserved_tier_min << "+\n";
}

template <class T>
int report(const Outcome<T>& outcome, std::ostream& out) {
  if (!outcome) return out << describe(outcome.error()) << '\n', 1;
  if constexpr (std::is_same_v<T, service::Done>) {
    out << "done\n";
  } else if constexpr (requires { outcome->begin(); }) {
    for (const auto& item : *outcome) show(item, out);
    if (outcome->empty()) out << "(none)\n";
  } else {
    show(*outcome, out);
  }
  return 0;
}

int set_sla(Client& client, const Args& args, std::ostream& out) {
  const auto& words = args.positional;
  service::SlaPolicySpec spec;
  spec.tier = words[2];
  spec.priority = words[3];
  spec.name = args.get("name").value_or(spec.tier + "-" + spec.priority);
  spec.supervisor_group = args.get("supervisors").value_or("supervisors");
  for (const auto& [name, field] : {std::pair{"first-response", &spec.first_response_ms},
                                    {"next-reply", &spec.next_reply_ms},
                                    {"resolution", &spec.resolution_ms}}) {
    if (!args.get(name)) return out << "--" << name << " is required\n", 2;
    if (!apply_duration(args, name, *field, out)) return 2;
  }
  if (!apply(args, "warn", spec.warn_fraction, parse_fraction, out, "a fraction such as 0.8"))
    return 2;
  return report(client.set_sla_policy(spec), out);
}

int set_tiers(Client& client, const Args& args, std::ostream& out) {
  auto current = client.tier_rules();  // options not given keep their current value
  if (!current) return out << describe(current.error()) << '\n', 1;
  auto rules = *current;
  const bool parsed =
      apply_duration(args, "regular-after-age", rules.regular_after_account_age_ms, out) &&
      apply_count(args, "regular-after-orders", rules.regular_after_orders, out) &&
      apply(args, "vip-after-spend", rules.vip_after_spend_cents, parse_number<std::int64_t>, out,
            "a number of cents") &&
      apply(args, "vip-by-flag", rules.vip_by_flag, parse_yes_no, out, "yes or no") &&
      apply(args, "enterprise-by-flag", rules.enterprise_by_flag, parse_yes_no, out, "yes or no");
  if (!parsed) return 2;
  return report(client.set_tier_rules(rules), out);
}

int define_skill(Client& client, const Args& args, std::ostream& out) {
  const auto& name = args.positional[2];
  service::SkillGroupSpec spec;  // a new group starts from the defaults, a defined one from itself
  auto groups = client.skill_groups();
  if (!groups) return out << describe(groups.error()) << '\n', 1;
  for (const auto& group : *groups) {
    if (group.name == name) spec = group;
  }
  spec.name = name;
  const bool parsed =
      apply_duration(args, "offer-timeout", spec.offer_timeout_ms, out) &&
      apply_duration(args, "sticky-window", spec.sticky_window_ms, out) &&
      apply_duration(args, "relax-every", spec.relax_level_every_ms, out) &&
      apply(args, "relax-min", spec.relaxed_level_min, parse_number<int>, out, "a level 1..5") &&
      apply_duration(args, "overflow-after", spec.overflow_after_ms, out) &&
      apply_count(args, "reserve", spec.reserved_capacity_permille, out);
  if (!parsed) return 2;
  if (auto overflow = args.all("overflow"); !overflow.empty()) spec.overflow_groups = overflow;
  if (auto tier = args.get("reserve-tier")) spec.reserved_tier_min = *tier;
  return report(client.define_skill_group(spec), out);
}

}  // namespace

std::optional<std::int64_t> parse_duration_ms(const std::string& text) {
  for (const auto& [suffix, ms] : kUnits) {
    if (text.size() <= suffix.size() || !text.ends_with(suffix)) continue;
    const std::string_view number(text.data(), text.size() - suffix.size());
    // "5ms" also ends with "s": only a plain number may precede the unit.
    if (auto value = parse_number<std::int64_t>(number); value && *value >= 0) return *value * ms;
  }
  if (auto value = parse_number<std::int64_t>(text); value && *value >= 0) return value;
  return std::nullopt;
}

std::string format_duration_ms(std::int64_t ms) {
  if (ms == 0) return "0";
  for (const auto& [suffix, unit] : kUnits) {
    if (ms % unit == 0) return std::to_string(ms / unit) + std::string(suffix);
  }
  return std::to_string(ms) + "ms";
}

bool is_configuration_command(const std::vector<std::string>& words) {
  auto word = [&](std::size_t i) { return i < words.size() ? words[i] : std::string(); };
  const auto n = words.size();
  if (word(0) == "sla") {
    return (word(1) == "list" && n == 2) || ((word(1) == "set" || word(1) == "remove") && n == 4);
  }
  if (word(0) == "tiers") return (word(1) == "show" || word(1) == "set") && n == 2;
  if (word(0) == "skills") {
    return (word(1) == "list" && n == 2) ||
           ((word(1) == "define" || word(1) == "remove") && n == 3);
  }
  return false;
}

int run_configuration_command(Client& client, const Args& args, std::ostream& out) {
  const auto& words = args.positional;
  const auto& noun = words[0];
  const auto& verb = words[1];
  if (noun == "sla") {
    if (verb == "list") return report(client.sla_policies(), out);
    if (verb == "set") return set_sla(client, args, out);
    return report(client.remove_sla_policy(words[2], words[3]), out);
  }
  if (noun == "tiers") {
    if (verb == "show") return report(client.tier_rules(), out);
    return set_tiers(client, args, out);
  }
  if (verb == "list") return report(client.skill_groups(), out);
  if (verb == "define") return define_skill(client, args, out);
  return report(client.remove_skill_group(words[2]), out);
}

}  // namespace sb::rpc::cli
