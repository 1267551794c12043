#pragma once
// A fresh directory under the system temp dir, removed when the test ends.

#include <filesystem>
#include <random>
#include <string>

namespace sb::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device device;
    path_ = std::filesystem::temp_directory_path() /
            ("switchboard-test-" + std::to_string(device()) + "-" + std::to_string(device()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& child = "db") const { return (path_ / child).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace sb::testing
