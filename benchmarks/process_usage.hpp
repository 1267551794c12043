#pragma once
// What this process spent between two points: CPU time (all threads) and context switches, so
// a figure per message can be printed beside the latencies. CPU per message depends much less
// on whatever else runs on the machine than a rate does.

#include <cstdint>
#include <sys/resource.h>

namespace sb::bench {

struct ProcessUsage {
  double cpu_seconds = 0;                 // user + system
  std::int64_t voluntary_switches = 0;    // a thread waited (a lock, a queue, I/O)
  std::int64_t involuntary_switches = 0;  // a thread was preempted

  static ProcessUsage now() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
      return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return {seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_nvcsw, usage.ru_nivcsw};
  }

  ProcessUsage operator-(const ProcessUsage& before) const {
    return {cpu_seconds - before.cpu_seconds, voluntary_switches - before.voluntary_switches,
            involuntary_switches - before.involuntary_switches};
  }
};

}  // namespace sb::bench
