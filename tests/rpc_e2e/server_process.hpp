#pragma once
// The real `switchboard serve` as a child process, for tests that kill it: started on a free
// loopback port, reported ready once it accepts RPC connections, killed with SIGKILL (no clean
// shutdown, as in a power cut of the process) and started again on the same data directory.

#include <atomic>
#include <cstdint>
#include <string>
#include <sys/types.h>
#include <vector>

#include "actors/common/expected.hpp"

namespace sb::e2e {

struct ServerProcessOptions {
  std::string binary;                    // the switchboard executable
  std::string work_dir;                  // the child's cwd: no config/switchboard.ini there
  std::string data_dir;                  // --storage.path
  std::string log_path;                  // the child's stdout and stderr, appended
  std::vector<std::string> token_lines;  // "role:subject:sha256hex", as in --rpc.tokens
  std::vector<std::string> extra_args;   // further --option=value arguments
};

class ServerProcess {
 public:
  explicit ServerProcess(ServerProcessOptions options);
  ~ServerProcess();  // kills a running child
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts the child and waits until it accepts connections. Reuses the last port when it can
  // (clients reconnect to `port()`), else takes another free one. Call from the thread that
  // will outlive the child: the child dies with that thread (PR_SET_PDEATHSIG), so a crashed
  // test leaves no server behind.
  Expected<std::uint16_t, std::string> start();

  // SIGKILL, then reaps the child. Does nothing when it is not running.
  void kill();

  // The port the current (or last) child listens on; any thread.
  std::uint16_t port() const { return port_.load(); }

  // The end of the child's log, for failure messages.
  std::string log_tail(std::size_t bytes = 4000) const;

 private:
  bool spawn(std::uint16_t port);
  bool exited();  // reaps the child when it has exited on its own
  bool wait_ready();

  ServerProcessOptions options_;
  pid_t pid_ = -1;
  std::atomic<std::uint16_t> port_{0};
};

// A port nobody listens on right now (bind to port 0 and release it). Another process may take
// it before the caller binds: callers retry.
std::uint16_t pick_free_port();

}  // namespace sb::e2e
