#pragma once
// A value or an error, for errors that cross a boundary (std::expected is C++23; we build C++20).
// Usage: Expected<int, std::string> parse(...); if (!r) return unexpected(r.error());

#include <optional>
#include <utility>
#include <variant>

#include "actors/common/assert.hpp"

namespace sb {

template <class E>
struct Unexpected {
  E error;
};
template <class E>
Unexpected<std::decay_t<E>> unexpected(E&& error) {
  return {std::forward<E>(error)};
}

template <class T, class E>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : data_(std::in_place_index<0>, std::move(value)) {}
  template <class G>
  Expected(Unexpected<G> u) : data_(std::in_place_index<1>, std::move(u.error)) {}

  bool has_value() const { return data_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & {
    SB_ASSERT(has_value());
    return std::get<0>(data_);
  }
  const T& value() const& {
    SB_ASSERT(has_value());
    return std::get<0>(data_);
  }
  T&& value() && {
    SB_ASSERT(has_value());
    return std::get<0>(std::move(data_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const E& error() const {
    SB_ASSERT(!has_value());
    return std::get<1>(data_);
  }

 private:
  std::variant<T, E> data_;
};

// Success without a value, or an error.
template <class E>
class [[nodiscard]] Expected<void, E> {
 public:
  Expected() = default;
  template <class G>
  Expected(Unexpected<G> u) : error_(std::move(u.error)) {}

  bool has_value() const { return !error_.has_value(); }
  explicit operator bool() const { return has_value(); }
  const E& error() const {
    SB_ASSERT(!has_value());
    return *error_;
  }

 private:
  std::optional<E> error_;
};

}  // namespace sb
