#include "tests/support/fault_injection_fs.hpp"

#include <filesystem>

namespace sb::testing {
namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;
using rocksdb::Slice;

class TrackedFile final : public rocksdb::FSWritableFileOwnerWrapper {
 public:
  TrackedFile(std::unique_ptr<rocksdb::FSWritableFile> file, FaultInjectionFs& fs, std::string name)
      : FSWritableFileOwnerWrapper(std::move(file)), fs_(fs), name_(std::move(name)) {}

  IOStatus Append(const Slice& data, const IOOptions& options, IODebugContext* dbg) override {
    if (auto status = fs_.check_writable(); !status.ok()) return status;
    auto status = target()->Append(data, options, dbg);
    if (status.ok()) fs_.on_append(name_, data.size());
    return status;
  }
  IOStatus Append(const Slice& data, const IOOptions& options,
                  const rocksdb::DataVerificationInfo&, IODebugContext* dbg) override {
    return Append(data, options, dbg);
  }
  IOStatus Flush(const IOOptions& options, IODebugContext* dbg) override {
    if (auto status = fs_.check_writable(); !status.ok()) return status;
    return target()->Flush(options, dbg);
  }
  IOStatus Sync(const IOOptions& options, IODebugContext* dbg) override {
    if (auto status = fs_.check_writable(); !status.ok()) return status;
    auto status = target()->Sync(options, dbg);
    if (status.ok()) fs_.on_sync(name_);
    return status;
  }
  IOStatus Fsync(const IOOptions& options, IODebugContext* dbg) override {
    if (auto status = fs_.check_writable(); !status.ok()) return status;
    auto status = target()->Fsync(options, dbg);
    if (status.ok()) fs_.on_sync(name_);
    return status;
  }
  // RangeSync only starts write-back of part of the file: it promises nothing.
  IOStatus RangeSync(uint64_t, uint64_t, const IOOptions&, IODebugContext*) override {
    return fs_.check_writable();
  }

 private:
  FaultInjectionFs& fs_;
  std::string name_;
};

}  // namespace

IOStatus FaultInjectionFs::NewWritableFile(const std::string& name,
                                           const rocksdb::FileOptions& options,
                                           std::unique_ptr<rocksdb::FSWritableFile>* result,
                                           IODebugContext* dbg) {
  if (auto status = check_writable(); !status.ok()) return status;
  std::unique_ptr<rocksdb::FSWritableFile> file;
  auto status = target()->NewWritableFile(name, options, &file, dbg);
  if (!status.ok()) return status;
  {
    std::lock_guard lock(mutex_);
    files_[name] = FileState{};
  }
  *result = std::make_unique<TrackedFile>(std::move(file), *this, name);
  return status;
}

IOStatus FaultInjectionFs::ReopenWritableFile(const std::string& name,
                                              const rocksdb::FileOptions& options,
                                              std::unique_ptr<rocksdb::FSWritableFile>* result,
                                              IODebugContext* dbg) {
  if (auto status = check_writable(); !status.ok()) return status;
  std::unique_ptr<rocksdb::FSWritableFile> file;
  auto status = target()->ReopenWritableFile(name, options, &file, dbg);
  if (!status.ok()) return status;
  {
    std::lock_guard lock(mutex_);
    std::error_code ec;
    const auto size = std::filesystem::file_size(name, ec);
    files_[name] = FileState{ec ? 0 : size, ec ? 0 : size};  // what is there is on disk
  }
  *result = std::make_unique<TrackedFile>(std::move(file), *this, name);
  return status;
}

IOStatus FaultInjectionFs::RenameFile(const std::string& from, const std::string& to,
                                      const IOOptions& options, IODebugContext* dbg) {
  if (auto status = check_writable(); !status.ok()) return status;
  auto status = target()->RenameFile(from, to, options, dbg);
  if (status.ok()) {
    std::lock_guard lock(mutex_);
    if (auto it = files_.find(from); it != files_.end()) {
      files_[to] = it->second;
      files_.erase(from);
    }
  }
  return status;
}

IOStatus FaultInjectionFs::DeleteFile(const std::string& name, const IOOptions& options,
                                      IODebugContext* dbg) {
  if (auto status = check_writable(); !status.ok()) return status;
  auto status = target()->DeleteFile(name, options, dbg);
  if (status.ok()) {
    std::lock_guard lock(mutex_);
    files_.erase(name);
  }
  return status;
}

void FaultInjectionFs::set_active(bool active) {
  std::lock_guard lock(mutex_);
  active_ = active;
}

void FaultInjectionFs::set_no_space(bool no_space) {
  std::lock_guard lock(mutex_);
  no_space_ = no_space;
}

IOStatus FaultInjectionFs::check_writable() const {
  std::lock_guard lock(mutex_);
  if (!active_) return IOStatus::IOError("the machine lost power (fault injection)");
  if (no_space_) return IOStatus::NoSpace("no space left on device (fault injection)");
  return IOStatus::OK();
}

void FaultInjectionFs::on_append(const std::string& name, std::size_t bytes) {
  std::lock_guard lock(mutex_);
  files_[name].written += bytes;
}

void FaultInjectionFs::on_sync(const std::string& name) {
  std::lock_guard lock(mutex_);
  auto& file = files_[name];
  file.synced = file.written;
}

void FaultInjectionFs::drop_unsynced_data() {
  std::lock_guard lock(mutex_);
  for (auto& [name, file] : files_) {
    std::error_code ec;
    if (std::filesystem::exists(name, ec) && std::filesystem::file_size(name, ec) > file.synced) {
      std::filesystem::resize_file(name, file.synced, ec);
    }
    file.written = file.synced;
  }
}

std::size_t FaultInjectionFs::unsynced_bytes() const {
  std::lock_guard lock(mutex_);
  std::size_t total = 0;
  for (const auto& [name, file] : files_) total += file.written - file.synced;
  return total;
}

}  // namespace sb::testing
