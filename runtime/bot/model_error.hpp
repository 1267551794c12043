#pragma once
// Why a cached bot model was not used or not written. None of them stops a node: it trains the
// model again (and logs why), so these are values to report, never failures to propagate.

#include <string>
#include <string_view>

namespace sb::bot {

enum class ModelErrorCode {
  missing,        // no file for this key: the first start on this data, or pruned
  unreadable,     // the file exists but could not be read
  not_a_model,    // the magic is wrong: not a model file
  other_version,  // written in another format version (an older or newer build)
  truncated,      // shorter than its header says
  corrupt,        // the checksum does not match the content
  malformed,      // the checksum matches but the content does not make a classifier
  stale,          // the probe texts classify differently: tokenizing or scoring code changed
  not_cacheable,  // the options use something a file cannot name (a custom synonym lexicon)
  unwritable,     // the file could not be written (disk full, permissions)
};

std::string_view to_string(ModelErrorCode code);

struct ModelError {
  ModelErrorCode code;
  std::string detail;

  std::string to_string() const;
};

}  // namespace sb::bot
