#pragma once
// Answer templates: "您的订单 {order_no} 当前状态：{status_text}" filled from slots and lookup
// fields.

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sb::bot {

using TemplateValues = std::map<std::string, std::string, std::less<>>;

// The names inside {braces}, in order of appearance (repeats included). A '{' without a closing
// '}' or with an empty name is literal text, not a placeholder.
std::vector<std::string> placeholders_of(std::string_view text);

// `text` with every {name} that has a value replaced by it. Placeholders without a value are left
// as they are (the KB import rejects placeholders that nothing can fill).
std::string fill_template(std::string_view text, const TemplateValues& values);

}  // namespace sb::bot
