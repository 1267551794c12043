#pragma once
// A RocksDB FileSystem that remembers how much of each written file was synced, so a test can
// simulate a power cut: drop_unsynced_data() truncates every file to its last synced length
// (after leveldb's FaultInjectionTestEnv). It can also fail writes with "no space left".
// Directory entries are not modelled: a file created and synced survives even if its directory
// was never fsynced, which is kinder than a real power cut but does not hide lost WAL data.

#include <rocksdb/file_system.h>

#include <map>
#include <mutex>
#include <string>

namespace sb::testing {

class FaultInjectionFs : public rocksdb::FileSystemWrapper {
 public:
  explicit FaultInjectionFs(std::shared_ptr<rocksdb::FileSystem> base)
      : FileSystemWrapper(std::move(base)) {}
  const char* Name() const override { return "FaultInjectionFs"; }

  rocksdb::IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& options,
                                    std::unique_ptr<rocksdb::FSWritableFile>* result,
                                    rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus ReopenWritableFile(const std::string& name,
                                       const rocksdb::FileOptions& options,
                                       std::unique_ptr<rocksdb::FSWritableFile>* result,
                                       rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus RenameFile(const std::string& from, const std::string& to,
                               const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override;
  rocksdb::IOStatus DeleteFile(const std::string& name, const rocksdb::IOOptions& options,
                               rocksdb::IODebugContext* dbg) override;

  // While inactive every write fails, as if the machine had lost power.
  void set_active(bool active);
  // While set, appends fail with NoSpace (a full disk).
  void set_no_space(bool no_space);
  // Truncates every tracked file to the length it had at its last Sync/Fsync.
  void drop_unsynced_data();
  std::size_t unsynced_bytes() const;

  // Called by the tracked files.
  rocksdb::IOStatus check_writable() const;
  void on_append(const std::string& name, std::size_t bytes);
  void on_sync(const std::string& name);

 private:
  struct FileState {
    std::size_t written = 0;
    std::size_t synced = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, FileState> files_;
  bool active_ = true;
  bool no_space_ = false;
};

}  // namespace sb::testing
