#pragma once
// SB_ASSERT is on in every build: a broken invariant (a bug or corrupt data) must stop the
// process rather than let it continue in a state nobody reasoned about.

#include <cstdio>
#include <cstdlib>

namespace sb::detail {

[[noreturn]] inline void assertion_failed(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "switchboard: assertion failed: %s (%s:%d)\n", expr, file, line);
  std::abort();
}

}  // namespace sb::detail

#define SB_ASSERT(expr) \
  ((expr) ? static_cast<void>(0) : ::sb::detail::assertion_failed(#expr, __FILE__, __LINE__))
