#pragma once
// Trained bot models cached in a directory (a node's <data-dir>/bot-model), one file per cache
// key (model_key.hpp): <key>.model. Files are written whole or not at all (a temporary file,
// fsynced, renamed, the directory fsynced), so a crash leaves the old set or the new one; only
// the most recently used few are kept, since each takes tens of MiB and a roll-back usually goes
// to a recent version.

#include <cstddef>
#include <filesystem>
#include <string>

#include "actors/common/expected.hpp"
#include "runtime/bot/intent_classifier.hpp"
#include "runtime/bot/model_error.hpp"

namespace sb::bot {

inline constexpr std::size_t kModelFilesKept = 3;
inline constexpr std::string_view kModelFileExtension = ".model";

class ModelStore {
 public:
  explicit ModelStore(std::filesystem::path dir, std::size_t files_kept = kModelFilesKept);

  // The model saved under `key` (missing when there is none), marked as just used.
  Expected<IntentClassifier, ModelError> load(const std::string& key) const;
  // Saves `classifier` under `key`, replacing a file of that key, then removes the least recently
  // used files beyond files_kept (and temporary files a crash left). Creates the directory.
  Expected<void, ModelError> save(const std::string& key, const IntentClassifier& classifier) const;

  std::filesystem::path path_of(const std::string& key) const;
  const std::filesystem::path& dir() const { return dir_; }

 private:
  void prune(const std::filesystem::path& keep) const;

  std::filesystem::path dir_;
  std::size_t files_kept_;
};

}  // namespace sb::bot
