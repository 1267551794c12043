#pragma once
// Lines to the terminal from two threads (the reader and the client's RPC thread) without
// interleaving.

#include <mutex>
#include <ostream>
#include <string>

namespace sb::rpc::cli {

class LinePrinter {
 public:
  explicit LinePrinter(std::ostream& out) : out_(out) {}
  void line(const std::string& text) {
    std::lock_guard lock(mutex_);
    out_ << text << '\n' << std::flush;
  }

 private:
  std::mutex mutex_;
  std::ostream& out_;
};

}  // namespace sb::rpc::cli
