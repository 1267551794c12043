#pragma once
// SHA-256 as 64 lowercase hex digits (OpenSSL): access-token hashes, knowledge-base checksums.

#include <string>
#include <string_view>

namespace sb::runtime {

// Empty only if OpenSSL cannot allocate (an empty digest matches nothing).
std::string sha256_hex(std::string_view data);

}  // namespace sb::runtime
