#pragma once
// Spotting a customer who asks for a person ("转人工", "人工客服", "real person", "agent",
// "不要机器人") while not being fooled by the same words negated ("不用转人工", "I'm not asking for
// a human").

#include <optional>
#include <string>
#include <string_view>

namespace sb::bot {

// The phrase that asks for a human (as written in the lexicon), or nullopt.
std::optional<std::string> find_human_request(std::string_view text);

}  // namespace sb::bot
