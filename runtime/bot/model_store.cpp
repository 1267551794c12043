#include "runtime/bot/model_store.hpp"

#include <algorithm>
#include <vector>

#include "runtime/bot/atomic_file.hpp"
#include "runtime/bot/model_codec.hpp"

namespace sb::bot {

namespace fs = std::filesystem;

ModelStore::ModelStore(fs::path dir, std::size_t files_kept)
    : dir_(std::move(dir)), files_kept_(std::max<std::size_t>(files_kept, 1)) {}

fs::path ModelStore::path_of(const std::string& key) const {
  return dir_ / (key + std::string(kModelFileExtension));
}

Expected<IntentClassifier, ModelError> ModelStore::load(const std::string& key) const {
  const fs::path path = path_of(key);
  auto bytes = read_whole_file(path);
  if (!bytes) {
    const bool missing = bytes.error() == std::errc::no_such_file_or_directory;
    return unexpected(ModelError{missing ? ModelErrorCode::missing : ModelErrorCode::unreadable,
                                 path.string() + ": " + bytes.error().message()});
  }
  auto classifier = decode_model(bytes->view());
  if (!classifier) {
    return unexpected(
        ModelError{classifier.error().code, path.string() + ": " + classifier.error().detail});
  }
  // Used now, so pruning keeps it over files not used since; a failure only costs a retraining
  // later.
  std::error_code ignored;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ignored);
  return classifier;
}

Expected<void, ModelError> ModelStore::save(const std::string& key,
                                            const IntentClassifier& classifier) const {
  auto bytes = encode_model(classifier);
  if (!bytes) return unexpected(bytes.error());
  std::error_code error;
  fs::create_directories(dir_, error);
  if (error) {
    return unexpected(
        ModelError{ModelErrorCode::unwritable, dir_.string() + ": " + error.message()});
  }
  const fs::path path = path_of(key);
  if (auto written = write_file_atomically(path, *bytes); !written) {
    return unexpected(ModelError{ModelErrorCode::unwritable, written.error()});
  }
  prune(path);
  return {};
}

void ModelStore::prune(const fs::path& keep) const {
  struct Entry {
    fs::path path;
    fs::file_time_type used;
  };
  std::vector<Entry> models;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir_, error)) {
    const fs::path& path = entry.path();
    if (path.extension() == kTemporaryFileSuffix) {
      fs::remove(path, error);  // a write a crash interrupted; this store has one writer
    } else if (path.extension() == kModelFileExtension && path != keep) {
      models.push_back({path, entry.last_write_time(error)});
    }
  }
  if (models.size() < files_kept_) return;
  // Newest first; everything after the files_kept_ - 1 newest (the one just written is the other
  // kept) goes.
  std::sort(models.begin(), models.end(),
            [](const Entry& a, const Entry& b) { return a.used > b.used; });
  for (std::size_t i = files_kept_ - 1; i < models.size(); ++i) fs::remove(models[i].path, error);
}

}  // namespace sb::bot
