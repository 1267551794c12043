#pragma once
// What this process uses: resident set (now and peak) from /proc/self/status, and the bytes
// the allocator has handed out and not taken back (live heap: tcmalloc's allocated bytes, or
// glibc's mallinfo2 when built with SB_ALLOCATOR=system) — RSS minus that is allocator slack,
// code, thread stacks and mapped files.

#include <cstdint>

namespace sb::bench {

struct ProcessMemory {
  std::uint64_t rss_bytes = 0;  // VmRSS
  std::uint64_t hwm_bytes = 0;  // VmHWM: the peak RSS so far
  std::uint64_t heap_in_use_bytes = 0;
};

ProcessMemory process_memory();

// Returns the allocator's free pages to the system (both allocators keep them otherwise), so
// that RSS measures what is in use.
void release_free_memory();

inline double mib(std::uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

}  // namespace sb::bench
