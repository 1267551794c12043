// switchboard admin: knowledge base, agents, queues, and the node configuration
// (admin_config.hpp) (see terminal_clients.hpp).

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <sstream>

#include "runtime/rpc/cli/admin_config.hpp"
#include "runtime/rpc/cli/cli_args.hpp"
#include "runtime/rpc/cli/format.hpp"
#include "runtime/rpc/cli/terminal_clients.hpp"

namespace sb::rpc::cli {
namespace {

constexpr char kUsage[] =
    "usage: admin kb import FILE | kb versions | kb rollback VERSION | agent add ID --skill group:level ... [--name N] "
    "[--chat-capacity N] [--email-capacity N] [--group G ...] | queues";

std::optional<int> parse_int(const std::string& text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

int import_kb(Client& client, const std::string& path, std::ostream& out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return out << "cannot read " << path << '\n', 1;
  const std::string jsonl((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  auto version = client.import_knowledge_base(jsonl);
  if (!version) return out << describe(version.error()) << '\n', 1;
  out << "knowledge base version " << version->version << ": " << version->intents << " intents, "
      << version->examples << " examples\n";
  return 0;
}

void print_version(const service::KnowledgeBaseVersion& v, std::ostream& out) {
  out << (v.current ? "* " : "  ") << "version " << v.version << ": " << v.intents << " intents, " << v.examples
      << " examples";
  if (v.version == 0) {
    out << " (" << v.imported_by << ")\n";
    return;
  }
  out << ", " << v.bytes << " bytes, sha256 " << v.sha256.substr(0, 12) << ", by " << v.imported_by << '\n';
}

int list_kb_versions(Client& client, std::ostream& out) {
  auto versions = client.knowledge_base_versions();
  if (!versions) return out << describe(versions.error()) << '\n', 1;
  for (const auto& v : *versions) print_version(v, out);
  return 0;
}

int roll_back_kb(Client& client, const std::string& version_text, std::ostream& out) {
  auto version = parse_int(version_text);
  if (!version || *version < 0) return out << "the version is a number, not '" << version_text << "'\n", 2;
  auto current = client.roll_back_knowledge_base(static_cast<std::uint64_t>(*version));
  if (!current) return out << describe(current.error()) << '\n', 1;
  out << "now current: ";
  print_version(*current, out);
  return 0;
}

int add_agent(Client& client, const std::string& id, const Args& args, std::ostream& out) {
  service::AgentSpec spec;
  spec.agent_id = id;
  spec.display_name = args.get("name").value_or(id);
  for (const auto& skill : args.all("skill")) {
    const auto colon = skill.find(':');
    const auto level =
        colon == std::string::npos ? std::nullopt : parse_int(skill.substr(colon + 1));
    if (!level) return out << "--skill is group:level, not '" << skill << "'\n", 2;
    spec.skills[skill.substr(0, colon)] = *level;
  }
  spec.groups = args.all("group");
  for (const auto& [option, field] : {std::pair{"chat-capacity", &spec.chat_capacity},
                                      std::pair{"email-capacity", &spec.email_capacity}}) {
    if (auto text = args.get(option)) {
      auto value = parse_int(*text);
      if (!value) return out << "--" << option << " is a number\n", 2;
      *field = *value;
    }
  }
  auto view = client.upsert_agent(spec);
  if (!view) return out << describe(view.error()) << '\n', 1;
  out << "agent " << view->agent_id << ":";
  for (const auto& [skill, level] : view->skills) out << " " << skill << ":" << level;
  out << '\n';
  return 0;
}

int list_queues(Client& client, std::ostream& out) {
  auto queues = client.queues();
  if (!queues) return out << describe(queues.error()) << '\n', 1;
  out << "skill waiting offered agents_online free_slots longest_wait_ms estimated_wait_ms\n";
  for (const auto& queue : *queues) {
    out << queue.skill << ' ' << queue.waiting << ' ' << queue.offered << ' ' << queue.agents_online
        << ' ' << queue.free_slots << ' ' << queue.longest_wait_ms << ' ' << queue.estimated_wait_ms
        << '\n';
  }
  return 0;
}

}  // namespace

int run_admin(const std::vector<std::string>& args, std::istream& /*in*/, std::ostream& out) {
  if (std::find(args.begin(), args.end(), "--help") != args.end()) {
    return out << kUsage << '\n' << kConfigurationUsage << '\n', 0;
  }
  auto parsed = parse_args(args);
  if (!parsed) return out << parsed.error() << '\n', 2;
  const auto& words = parsed->positional;
  auto word = [&](std::size_t i) { return i < words.size() ? words[i] : std::string(); };
  const bool kb_import = word(0) == "kb" && word(1) == "import" && words.size() == 3;
  const bool kb_versions = word(0) == "kb" && word(1) == "versions" && words.size() == 2;
  const bool kb_rollback = word(0) == "kb" && word(1) == "rollback" && words.size() == 3;
  const bool agent_add = word(0) == "agent" && word(1) == "add" && words.size() == 3;
  const bool queues = word(0) == "queues" && words.size() == 1;
  const bool configuration = is_configuration_command(words);
  if (!kb_import && !kb_versions && !kb_rollback && !agent_add && !queues && !configuration) {
    return out << kUsage << '\n' << kConfigurationUsage << '\n', 2;
  }

  auto client = connect_and_authenticate(*parsed);
  if (!client) return out << client.error() << '\n', 1;
  if (kb_import) return import_kb(**client, word(2), out);
  if (kb_versions) return list_kb_versions(**client, out);
  if (kb_rollback) return roll_back_kb(**client, word(2), out);
  if (agent_add) return add_agent(**client, word(2), *parsed, out);
  if (configuration) return run_configuration_command(**client, *parsed, out);
  return list_queues(**client, out);
}

}  // namespace sb::rpc::cli
