#pragma once
// Whole-file reads and writes for files that must never be seen half written (cached models):
// a write goes to a temporary file beside the target, is fsynced, renamed over the target, and
// the directory is fsynced, so after a crash the target is the old file or the new one.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "actors/common/expected.hpp"

namespace sb::bot {

inline constexpr std::string_view kTemporaryFileSuffix = ".tmp";

// A file's bytes in 8-byte-aligned memory, so that formats made of 64-bit words (Cap'n Proto)
// read them in place.
struct AlignedBytes {
  std::vector<std::uint64_t> words;
  std::size_t size = 0;
  std::string_view view() const { return {reinterpret_cast<const char*>(words.data()), size}; }
};

// no_such_file_or_directory when `path` does not exist.
Expected<AlignedBytes, std::error_code> read_whole_file(const std::filesystem::path& path);

// Writes `bytes` to `path` as described above; the error says which step failed.
Expected<void, std::string> write_file_atomically(const std::filesystem::path& path,
                                                  std::string_view bytes);

}  // namespace sb::bot
