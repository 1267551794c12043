#include "runtime/bot/model_frame.hpp"

#include "runtime/digest.hpp"

namespace sb::bot {
namespace {

constexpr std::size_t kVersionAt = 8;
constexpr std::size_t kPayloadBytesAt = 16;
constexpr std::size_t kChecksumAt = 24;
constexpr std::size_t kChecksumBytes = 64;
static_assert(kChecksumAt + kChecksumBytes == kModelFileHeaderBytes);
static_assert(kModelFileHeaderBytes % 8 == 0);

// Little-endian whatever the host, so a file means the same everywhere.
void put_le(std::string& out, std::size_t at, std::uint64_t value, std::size_t bytes) {
  for (std::size_t i = 0; i < bytes; ++i)
    out[at + i] = static_cast<char>((value >> (8 * i)) & 0xff);
}
std::uint64_t get_le(std::string_view in, std::size_t at, std::size_t bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < bytes; ++i)
    value |= std::uint64_t{static_cast<unsigned char>(in[at + i])} << (8 * i);
  return value;
}

}  // namespace

std::string frame_model(std::string_view payload, std::uint32_t format_version) {
  std::string out(kModelFileHeaderBytes, '\0');
  out.replace(0, kModelFileMagic.size(), kModelFileMagic);
  put_le(out, kVersionAt, format_version, 4);
  put_le(out, kPayloadBytesAt, payload.size(), 8);
  out.replace(kChecksumAt, kChecksumBytes, runtime::sha256_hex(payload));
  out.append(payload);
  return out;
}

Expected<std::string_view, ModelError> unframe_model(std::string_view file,
                                                     std::uint32_t format_version) {
  if (file.size() < kModelFileMagic.size() || !file.starts_with(kModelFileMagic)) {
    return unexpected(ModelError{ModelErrorCode::not_a_model, "no model file magic"});
  }
  if (file.size() < kModelFileHeaderBytes) {
    return unexpected(ModelError{ModelErrorCode::truncated,
                                 std::to_string(file.size()) + " bytes, shorter than the header"});
  }
  const auto version = static_cast<std::uint32_t>(get_le(file, kVersionAt, 4));
  if (version != format_version) {
    return unexpected(ModelError{ModelErrorCode::other_version,
                                 "format " + std::to_string(version) + ", this build reads " +
                                     std::to_string(format_version)});
  }
  const std::uint64_t payload_bytes = get_le(file, kPayloadBytesAt, 8);
  const std::string_view payload = file.substr(kModelFileHeaderBytes);
  if (payload.size() < payload_bytes) {
    return unexpected(ModelError{ModelErrorCode::truncated,
                                 std::to_string(payload.size()) + " of " +
                                     std::to_string(payload_bytes) + " payload bytes"});
  }
  if (payload.size() > payload_bytes) {
    return unexpected(
        ModelError{ModelErrorCode::corrupt,
                   std::to_string(payload.size() - payload_bytes) + " bytes after the payload"});
  }
  if (runtime::sha256_hex(payload) != file.substr(kChecksumAt, kChecksumBytes)) {
    return unexpected(ModelError{ModelErrorCode::corrupt, "the payload's SHA-256 differs"});
  }
  return payload;
}

}  // namespace sb::bot
