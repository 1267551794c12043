#pragma once
// A trained intent classifier as the bytes of a cached model file (schemas/bot_model.capnp in
// the envelope of model_frame.hpp), and back. Decoding gives a classifier that classifies every
// text exactly as the encoded one did, bit for bit: it is the same floats, not a retraining.

#include <cstdint>
#include <string>
#include <string_view>

#include "actors/common/expected.hpp"
#include "runtime/bot/intent_classifier.hpp"
#include "runtime/bot/model_error.hpp"

namespace sb::bot {

// Bump on any change to schemas/bot_model.capnp or to what its fields mean, and on any change
// to how a model is trained (tokenizing, features, solver): it is part of the cache key, so
// models from before are trained again. (Probes catch tokenizing and scoring changes that were
// forgotten here, not training changes.)
inline constexpr std::uint32_t kBotModelFormatVersion = 1;

// The file's bytes; not_cacheable when the options use a synonym lexicon other than the shipped
// one (a file can only name that one).
Expected<std::string, ModelError> encode_model(const IntentClassifier& classifier);

// The classifier in a file's bytes. Every damage is an error value (model_error.hpp): the
// envelope's, a payload that does not parse or whose parts do not fit together (malformed), or
// probe texts that classify differently in this build (stale). `file` is best 8-byte aligned;
// otherwise its payload is copied first.
Expected<IntentClassifier, ModelError> decode_model(std::string_view file);

// The options as a model file stores them: what the cache key hashes (model_key.hpp).
Expected<std::string, ModelError> encode_options(const ClassifierOptions& options);

}  // namespace sb::bot
