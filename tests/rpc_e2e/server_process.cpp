#include "tests/rpc_e2e/server_process.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <netinet/in.h>
#include <signal.h>
#include <sstream>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "runtime/rpc/client.hpp"

namespace sb::e2e {
namespace {

// Starting a node trains the bot on the shipped knowledge base: slow on a loaded machine.
constexpr auto kReadyTimeout = std::chrono::seconds(60);
constexpr int kSpawnAttempts = 5;

std::string tokens_arg(const std::vector<std::string>& lines) {
  std::string arg = "--rpc.tokens=[";  // CAF's list syntax: ["a","b"]
  for (std::size_t i = 0; i < lines.size(); ++i) arg += (i ? ",\"" : "\"") + lines[i] + "\"";
  return arg + "]";
}

}  // namespace

std::uint16_t pick_free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof(address);
  std::uint16_t port = 0;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    port = ntohs(address.sin_port);
  }
  ::close(fd);
  return port;
}

ServerProcess::ServerProcess(ServerProcessOptions options) : options_(std::move(options)) {}

ServerProcess::~ServerProcess() { kill(); }

Expected<std::uint16_t, std::string> ServerProcess::start() {
  std::uint16_t port = port_.load();
  for (int attempt = 0; attempt < kSpawnAttempts; ++attempt) {
    if (port == 0) port = pick_free_port();
    if (port != 0 && spawn(port) && wait_ready()) return port;
    kill();
    port = 0;  // most likely someone else took it: try another
  }
  return unexpected("switchboard did not start; its log ends with:\n" + log_tail());
}

bool ServerProcess::spawn(std::uint16_t port) {
  // Everything the child needs is built before fork(): after it, only async-signal-safe calls.
  std::vector<std::string> args{options_.binary,
                                "serve",
                                "--storage.path=" + options_.data_dir,
                                std::string("--bot.model-dir=") + SB_TEST_BOT_MODEL_DIR,
                                "--rpc.host=127.0.0.1",
                                "--rpc.port=" + std::to_string(port),
                                tokens_arg(options_.token_lines),
                                "--log.level=warn"};
  args.insert(args.end(), options_.extra_args.begin(), options_.extra_args.end());
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const int log =
      ::open(options_.log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log < 0) return false;
  const pid_t parent = ::getpid();

  const pid_t pid = ::fork();
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);  // the parent died before prctl took effect
    if (::chdir(options_.work_dir.c_str()) != 0) ::_exit(127);
    ::dup2(log, STDOUT_FILENO);
    ::dup2(log, STDERR_FILENO);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(log);
  if (pid < 0) return false;
  pid_ = pid;
  port_.store(port);
  return true;
}

bool ServerProcess::wait_ready() {
  const auto deadline = std::chrono::steady_clock::now() + kReadyTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (exited()) return false;
    auto client =
        rpc::Client::connect({.port = port_.load(), .call_timeout = std::chrono::seconds(2)});
    if (client) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

bool ServerProcess::exited() {
  if (pid_ <= 0) return true;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
  pid_ = -1;
  return true;
}

void ServerProcess::kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string ServerProcess::log_tail(std::size_t bytes) const {
  std::ifstream in(options_.log_path, std::ios::binary);
  std::stringstream all;
  all << in.rdbuf();
  const auto text = all.str();
  return text.size() > bytes ? text.substr(text.size() - bytes) : text;
}

}  // namespace sb::e2e
