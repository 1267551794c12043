#include "runtime/bot/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace sb::bot {
namespace {

// Closes on every path out; the write path closes explicitly to see close()'s error.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

std::string failed(std::string_view step, const std::filesystem::path& path) {
  return std::string(step) + " " + path.string() + ": " + std::strerror(errno);
}

// Writes and fsyncs `bytes` into a new file at `path`.
Expected<void, std::string> write_synced(const std::filesystem::path& path,
                                         std::string_view bytes) {
  FileDescriptor file(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (file.get() < 0) return unexpected(failed("create", path));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(file.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return unexpected(failed("write", path));
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(file.get()) != 0) return unexpected(failed("fsync", path));
  if (::close(file.release()) != 0) return unexpected(failed("close", path));
  return {};
}

}  // namespace

Expected<AlignedBytes, std::error_code> read_whole_file(const std::filesystem::path& path) {
  const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) return unexpected(std::error_code(errno, std::generic_category()));
  const off_t end = ::lseek(file.get(), 0, SEEK_END);
  if (end < 0 || ::lseek(file.get(), 0, SEEK_SET) < 0) {
    return unexpected(std::error_code(errno, std::generic_category()));
  }
  AlignedBytes out;
  out.size = static_cast<std::size_t>(end);
  out.words.resize((out.size + sizeof(std::uint64_t) - 1) / sizeof(std::uint64_t));
  auto* at = reinterpret_cast<char*>(out.words.data());
  std::size_t done = 0;
  while (done < out.size) {
    const ssize_t n = ::read(file.get(), at + done, out.size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return unexpected(std::error_code(errno, std::generic_category()));
    if (n == 0) break;  // shrank while read: what was there is what the caller checks
    done += static_cast<std::size_t>(n);
  }
  out.size = done;
  return out;
}

Expected<void, std::string> write_file_atomically(const std::filesystem::path& path,
                                                  std::string_view bytes) {
  std::filesystem::path temporary = path;
  temporary += kTemporaryFileSuffix;
  auto written = write_synced(temporary, bytes);
  if (written && ::rename(temporary.c_str(), path.c_str()) != 0) {
    written = unexpected(failed("rename", path));
  }
  if (!written) {
    std::error_code ignored;  // the error at hand says more than a failed clean-up would
    std::filesystem::remove(temporary, ignored);
    return written;
  }
  // The rename is durable once the directory entry is.
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const FileDescriptor directory(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (directory.get() < 0 || ::fsync(directory.get()) != 0) {
    return unexpected(failed("fsync directory", dir));
  }
  return {};
}

}  // namespace sb::bot
