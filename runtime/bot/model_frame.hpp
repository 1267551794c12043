#pragma once
// The envelope of a cached model file: a magic, the format version, the payload's size and its
// SHA-256, then the payload. A reader refuses a foreign, old, truncated or damaged file from
// these before it parses a byte of the payload.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "runtime/bot/model_error.hpp"

namespace sb::bot {

inline constexpr std::string_view kModelFileMagic = "SBBOTMDL";
// magic (8) + format version (4) + reserved (4) + payload bytes (8) + payload SHA-256 in hex
// (64); a multiple of 8, so a payload read into word-aligned memory stays aligned.
inline constexpr std::size_t kModelFileHeaderBytes = 88;

// The file's bytes: the header for `payload` in `format_version`, then the payload.
std::string frame_model(std::string_view payload, std::uint32_t format_version);

// The payload of `file` (a view into it) when its header says `format_version` and its size
// and checksum match; else not_a_model, other_version, truncated or corrupt.
Expected<std::string_view, ModelError> unframe_model(std::string_view file,
                                                     std::uint32_t format_version);

}  // namespace sb::bot
