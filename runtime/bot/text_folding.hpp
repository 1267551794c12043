#pragma once
// Folding customer text into one canonical form before anything matches against it, so that
// full-width input from Chinese keyboards ("ＳＢ２０２６", "？") and capitals match the same
// lexicons, slot patterns and classifier features as plain ASCII.

#include <cstddef>
#include <string>
#include <string_view>

namespace sb::bot {

// Decodes one code point at `pos` and advances `pos`. Invalid bytes decode as U+FFFD one byte at a
// time, so callers can walk any input without checking it first.
char32_t next_code_point(std::string_view text, std::size_t& pos);

void append_utf8(std::string& out, char32_t cp);

// Full-width ASCII (U+FF01..U+FF5E) to ASCII, the ideographic space to a space, ASCII to lower
// case, runs of whitespace to one space, trimmed. Byte length never grows.
std::string fold_text(std::string_view text);

// The longest prefix of `text` of at most `bytes_max` bytes that does not split a code point.
std::string_view cut_utf8(std::string_view text, std::size_t bytes_max);

bool is_cjk(char32_t cp);
bool is_ascii_alnum(char32_t cp);

// The byte offset of `phrase` in `text` at or after `from`, or npos. A phrase that starts (ends)
// with an ASCII letter or digit only matches at a word start (end), so "agent" does not match
// "reagent"; CJK phrases match anywhere because Chinese has no word boundaries to check.
// Both arguments should be folded.
std::size_t find_phrase(std::string_view text, std::string_view phrase, std::size_t from = 0);

}  // namespace sb::bot
