#include "benchmarks/memory/process_memory.hpp"

#include <fstream>
#include <malloc.h>
#include <string>

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

}  // namespace

ProcessMemory process_memory() {
  ProcessMemory m;
  m.rss_bytes = status_kb_field("VmRSS");
  m.hwm_bytes = status_kb_field("VmHWM");
  const auto heap = mallinfo2();
  m.heap_in_use_bytes = heap.uordblks + heap.hblkhd;  // arena chunks in use + mmapped chunks
  return m;
}

}  // namespace sb::bench
