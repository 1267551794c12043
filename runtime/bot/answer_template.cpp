#include "runtime/bot/answer_template.hpp"

namespace sb::bot {
namespace {

// Calls on_text(literal) and on_name(name) for the pieces of `text`, in order.
template <class OnText, class OnName>
void walk_template(std::string_view text, OnText on_text, OnName on_name) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find('{', pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find('}', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view name = text.substr(open + 1, close - open - 1);
    if (name.empty() || name.find('{') != std::string_view::npos) {
      on_text(text.substr(pos, open + 1 - pos));
      pos = open + 1;
      continue;
    }
    on_text(text.substr(pos, open - pos));
    on_name(name);
    pos = close + 1;
  }
  on_text(text.substr(pos));
}

}  // namespace

std::vector<std::string> placeholders_of(std::string_view text) {
  std::vector<std::string> names;
  walk_template(
      text, [](std::string_view) {}, [&](std::string_view name) { names.emplace_back(name); });
  return names;
}

std::string fill_template(std::string_view text, const TemplateValues& values) {
  std::string out;
  out.reserve(text.size());
  walk_template(
      text, [&](std::string_view literal) { out.append(literal); },
      [&](std::string_view name) {
        const auto it = values.find(name);
        if (it == values.end()) {
          out.append("{").append(name).append("}");
        } else {
          out.append(it->second);
        }
      });
  return out;
}

}  // namespace sb::bot
