#include "runtime/service/history_search.hpp"

#include <algorithm>

#include "actors/conversation/conversation_queries.hpp"

namespace sb::service {
namespace {

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Byte-wise, so a UTF-8 query matches the same UTF-8 sequence (and only whole characters: a
// valid query cannot start or end inside another character's bytes).
bool contains_folded(std::string_view text, std::string_view query) {
  return std::search(text.begin(), text.end(), query.begin(), query.end(),
                     [](char a, char b) { return fold(a) == fold(b); }) != text.end();
}

}  // namespace

std::vector<HistoryMatch> history_matches(const std::string& conversation_id,
                                          const conversation::State& state,
                                          std::string_view query) {
  std::vector<HistoryMatch> out;
  if (query.empty()) return out;
  for (const auto& message : conversation::transcript(state)) {
    if (!contains_folded(message.text, query)) continue;
    out.push_back({conversation_id,
                   {std::string(conversation::to_string(message.author)), message.text,
                    message.channel, message.at}});
  }
  return out;
}

std::vector<HistoryMatch> newest_matches(std::vector<HistoryMatch> matches,
                                         std::size_t matches_max) {
  std::stable_sort(
      matches.begin(), matches.end(),
      [](const HistoryMatch& a, const HistoryMatch& b) { return a.line.at < b.line.at; });
  if (matches.size() > matches_max) {
    matches.erase(matches.begin(),
                  matches.begin() + static_cast<std::ptrdiff_t>(matches.size() - matches_max));
  }
  return matches;
}

}  // namespace sb::service
