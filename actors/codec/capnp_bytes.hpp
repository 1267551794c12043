#pragma once
// Shared plumbing for the entity codecs: Cap'n Proto messages to and from byte strings.
// Header-only and used only by codecs (sb_codecs), never by the pure cores.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include "actors/common/expected.hpp"

namespace sb::codec {

inline std::string to_bytes(capnp::MessageBuilder& message) {
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

inline std::string text(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }
inline std::string data(capnp::Data::Reader d) {
  return std::string(reinterpret_cast<const char*>(d.begin()), d.size());
}
inline capnp::Data::Reader as_data(const std::string& s) {
  return capnp::Data::Reader(reinterpret_cast<const kj::byte*>(s.data()), s.size());
}

// Decodes `bytes` as a message with root `Root` and hands the reader to `read`, which returns
// Expected<T, std::string>. Torn lengths and malformed messages become errors, not crashes.
template <class Root, class Read>
auto read_message(std::string_view bytes, std::string_view what, Read&& read)
    -> decltype(read(std::declval<typename Root::Reader>())) {
  if (bytes.empty() || bytes.size() % sizeof(capnp::word) != 0) {
    return unexpected(std::string(what) + ": torn length of " + std::to_string(bytes.size()) +
                      " bytes");
  }
  try {
    // FlatArrayMessageReader needs word-aligned memory. Bytes from RocksDB may sit at any
    // alignment: read in place when they happen to be aligned (copying is most of the cost of a
    // replay), else from an aligned copy.
    kj::Array<capnp::word> copy;
    kj::ArrayPtr<const capnp::word> words;
    if (reinterpret_cast<std::uintptr_t>(bytes.data()) % alignof(capnp::word) == 0) {
      words = kj::arrayPtr(reinterpret_cast<const capnp::word*>(bytes.data()),
                           bytes.size() / sizeof(capnp::word));
    } else {
      copy = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
      std::memcpy(copy.begin(), bytes.data(), bytes.size());
      words = copy;
    }
    capnp::FlatArrayMessageReader reader(words);
    return read(reader.getRoot<Root>());
  } catch (const kj::Exception& e) {
    return unexpected(std::string(what) + " does not decode: " + e.getDescription().cStr());
  }
}

}  // namespace sb::codec
