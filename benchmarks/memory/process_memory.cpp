#include "benchmarks/memory/process_memory.hpp"

#include <fstream>
#include <malloc.h>
#include <string>

#ifdef SB_ALLOCATOR_TCMALLOC
#include <gperftools/malloc_extension_c.h>
#endif

namespace sb::bench {
namespace {

// A "Name:   1234 kB" line of /proc/self/status, in bytes.
std::uint64_t status_kb_field(const std::string& name) {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == name + ":") {
      std::uint64_t kb = 0;
      status >> kb;
      return kb * 1024;
    }
    status.ignore(4096, '\n');
  }
  return 0;
}

std::uint64_t live_heap_bytes() {
#ifdef SB_ALLOCATOR_TCMALLOC
  std::size_t allocated = 0;
  MallocExtension_GetNumericProperty("generic.current_allocated_bytes", &allocated);
  return allocated;
#else
  const auto heap = mallinfo2();
  return heap.uordblks + heap.hblkhd;  // arena chunks in use + mmapped chunks
#endif
}

}  // namespace

ProcessMemory process_memory() {
  ProcessMemory m;
  m.rss_bytes = status_kb_field("VmRSS");
  m.hwm_bytes = status_kb_field("VmHWM");
  m.heap_in_use_bytes = live_heap_bytes();
  return m;
}

void release_free_memory() {
#ifdef SB_ALLOCATOR_TCMALLOC
  MallocExtension_ReleaseFreeMemory();
#else
  malloc_trim(0);
#endif
}

}  // namespace sb::bench
