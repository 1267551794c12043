#include "runtime/bot/model_codec.hpp"

#include <array>
#include <bit>
#include <cstring>
#include <type_traits>
#include <vector>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include "runtime/bot/model_frame.hpp"
#include "runtime/bot/synonym_lexicon.hpp"
#include "schemas/bot_model.capnp.h"

namespace sb::bot {
namespace {

namespace schema = sb::schema::bot_model;

// The arrays are stored as Data in the host's layout (see the schema): little-endian only.
static_assert(std::endian::native == std::endian::little);
static_assert(sizeof(int) == 4 && sizeof(float) == 4);
static_assert(sizeof(NearestExamples::Posting) == 8 &&
              std::is_trivially_copyable_v<NearestExamples::Posting>);

// Texts in both languages, with digits, synonyms and words outside any KB: whatever a change to
// the tokenizer, the features or the scoring touches, some of them classify differently.
constexpr std::array<std::string_view, 12> kProbeTexts{"我的订单SB2026111101到哪了，怎么还没发货",
                                                       "退款什么时候到账",
                                                       "你好",
                                                       "我要投诉快递员，包裹坏了",
                                                       "手表充不进电怎么办",
                                                       "今天天气怎么样",
                                                       "where is my order 58213?",
                                                       "I want a refund for my broken watch",
                                                       "hello there",
                                                       "can I talk to a real person",
                                                       "what's the weather like tomorrow",
                                                       "the parcel arrived damaged, refunds?"};

// A file may claim any sizes; reading it must not trust them further than its own length.
constexpr std::uint64_t kTraversalWordsPerPayloadWord = 2;

ModelError malformed(std::string detail) {
  return ModelError{ModelErrorCode::malformed, std::move(detail)};
}

template <class T>
void put_values(const std::vector<T>& values, capnp::Data::Builder out) {
  if (!values.empty()) std::memcpy(out.begin(), values.data(), values.size() * sizeof(T));
}

template <class T>
Expected<std::vector<T>, ModelError> values_of(capnp::Data::Reader data, const char* what) {
  static_assert(std::is_trivially_copyable_v<T>);
  if (data.size() % sizeof(T) != 0) {
    return unexpected(malformed(std::string(what) + ": " + std::to_string(data.size()) +
                                " bytes is not a whole number of values"));
  }
  std::vector<T> out(data.size() / sizeof(T));
  if (!out.empty()) std::memcpy(out.data(), data.begin(), data.size());
  return out;
}

Expected<void, ModelError> write_options(const ClassifierOptions& o,
                                         schema::ClassifierOptions::Builder out) {
  const auto& normalizer = o.features.normalizer;
  if (normalizer.synonyms == nullptr) {
    out.setSynonyms(schema::Synonyms::NONE);
  } else if (normalizer.synonyms == shipped_synonyms()) {
    out.setSynonyms(schema::Synonyms::SHIPPED);
  } else {
    return unexpected(
        ModelError{ModelErrorCode::not_cacheable, "a synonym lexicon other than the shipped one"});
  }
  out.setStem(normalizer.stem);
  out.setFoldDigits(normalizer.fold_digits);
  const auto& ngrams = o.features.ngrams;
  out.setWordNgramMax(static_cast<std::uint32_t>(ngrams.word_ngram_max));
  out.setCharNgramMin(static_cast<std::uint32_t>(ngrams.char_ngram_min));
  out.setCharNgramMax(static_cast<std::uint32_t>(ngrams.char_ngram_max));
  out.setHashBits(ngrams.hash_bits);
  out.setMinDocumentFrequency(o.features.min_document_frequency);
  auto weights = out.initGroupWeight(static_cast<unsigned>(o.features.group_weight.size()));
  for (unsigned g = 0; g < weights.size(); ++g) weights.set(g, o.features.group_weight[g]);
  out.setLoss(static_cast<std::uint8_t>(o.model.loss));
  out.setC(o.model.c);
  out.setEpsilon(o.model.epsilon);
  out.setTrainingThreads(static_cast<std::uint32_t>(o.model.training_threads));
  out.setSoftmaxScale(o.softmax_scale);
  out.setOosThreshold(o.oos_threshold);
  out.setOosRecallTarget(o.oos_recall_target);
  out.setNeighbourWeight(o.neighbour_weight);
  out.setNeighbourSharpness(o.neighbour_sharpness);
  out.setCommonFeatureShareMax(o.neighbours.common_feature_share_max);
  return {};
}

Expected<ClassifierOptions, ModelError> read_options(schema::ClassifierOptions::Reader in) {
  ClassifierOptions o;
  auto& normalizer = o.features.normalizer;
  switch (in.getSynonyms()) {
    case schema::Synonyms::NONE:
      break;
    case schema::Synonyms::SHIPPED:
      normalizer.synonyms = shipped_synonyms();
      break;
    default:  // an enumerant from another schema version
      return unexpected(malformed("unknown synonym lexicon"));
  }
  normalizer.stem = in.getStem();
  normalizer.fold_digits = in.getFoldDigits();
  auto& ngrams = o.features.ngrams;
  ngrams.word_ngram_max = in.getWordNgramMax();
  ngrams.char_ngram_min = in.getCharNgramMin();
  ngrams.char_ngram_max = in.getCharNgramMax();
  ngrams.hash_bits = in.getHashBits();
  o.features.min_document_frequency = in.getMinDocumentFrequency();
  const auto weights = in.getGroupWeight();
  if (weights.size() != o.features.group_weight.size()) {
    return unexpected(malformed(std::to_string(weights.size()) + " feature group weights"));
  }
  for (unsigned g = 0; g < weights.size(); ++g) o.features.group_weight[g] = weights[g];
  switch (in.getLoss()) {
    case static_cast<std::uint8_t>(LinearLoss::logistic):
      o.model.loss = LinearLoss::logistic;
      break;
    case static_cast<std::uint8_t>(LinearLoss::squared_hinge):
      o.model.loss = LinearLoss::squared_hinge;
      break;
    default:
      return unexpected(malformed("unknown loss " + std::to_string(in.getLoss())));
  }
  o.model.c = in.getC();
  o.model.epsilon = in.getEpsilon();
  o.model.training_threads = in.getTrainingThreads();
  o.softmax_scale = in.getSoftmaxScale();
  o.oos_threshold = in.getOosThreshold();
  o.oos_recall_target = in.getOosRecallTarget();
  o.neighbour_weight = in.getNeighbourWeight();
  o.neighbour_sharpness = in.getNeighbourSharpness();
  o.neighbours.common_feature_share_max = in.getCommonFeatureShareMax();
  return o;
}

// Every intent ranked, as the probes record it.
std::vector<IntentScore> ranking(const IntentClassifier& classifier, std::string_view text) {
  return classifier.classify(text, classifier.intent_count());
}

void write_probes(const IntentClassifier& classifier, capnp::List<schema::Probe>::Builder out) {
  for (unsigned i = 0; i < kProbeTexts.size(); ++i) {
    const auto ranked = ranking(classifier, kProbeTexts[i]);
    auto probe = out[i];
    probe.setText(capnp::Text::Reader(kProbeTexts[i].data(), kProbeTexts[i].size()));
    auto intents = probe.initIntents(static_cast<unsigned>(ranked.size()));
    auto confidences = probe.initConfidences(static_cast<unsigned>(ranked.size()));
    for (unsigned r = 0; r < ranked.size(); ++r) {
      intents.set(r, ranked[r].intent);
      confidences.set(r, ranked[r].confidence);
    }
  }
}

Expected<void, ModelError> check_probes(const IntentClassifier& classifier,
                                        capnp::List<schema::Probe>::Reader probes) {
  for (const auto probe : probes) {
    const std::string_view text(probe.getText().cStr(), probe.getText().size());
    const auto ranked = ranking(classifier, text);
    const auto intents = probe.getIntents();
    const auto confidences = probe.getConfidences();
    bool same = ranked.size() == intents.size() && ranked.size() == confidences.size();
    for (unsigned r = 0; same && r < ranked.size(); ++r) {
      same = ranked[r].intent == std::string_view(intents[r].cStr(), intents[r].size()) &&
             ranked[r].confidence == confidences[r];
    }
    if (!same) {
      return unexpected(ModelError{ModelErrorCode::stale,
                                   "\"" + std::string(text) + "\" classifies differently"});
    }
  }
  return {};
}

Expected<IntentClassifier, ModelError> read_classifier(schema::BotModel::Reader in) {
  auto options = read_options(in.getOptions());
  if (!options) return unexpected(options.error());
  ClassifierParts parts;
  parts.options = std::move(*options);
  for (const auto name : in.getClasses()) parts.classes.emplace_back(name.cStr(), name.size());

  const auto vectorizer = in.getVectorizer();
  auto buckets = values_of<std::uint32_t>(vectorizer.getBuckets(), "buckets");
  auto idf = values_of<float>(vectorizer.getIdf(), "idf");
  if (!buckets || !idf) return unexpected(!buckets ? buckets.error() : idf.error());
  auto restored_vectorizer =
      TfidfVectorizer::restore(parts.options.features, *buckets, std::move(*idf));
  if (!restored_vectorizer)
    return unexpected(malformed("vectorizer: " + restored_vectorizer.error()));
  parts.vectorizer = std::move(*restored_vectorizer);

  const auto linear = in.getLinearModel();
  auto weights = values_of<float>(linear.getWeights(), "weights");
  auto bias = values_of<float>(linear.getBias(), "bias");
  if (!weights || !bias) return unexpected(!weights ? weights.error() : bias.error());
  auto model = LinearModel::restore(linear.getClassCount(), std::move(*weights), std::move(*bias));
  if (!model) return unexpected(malformed("linear model: " + model.error()));
  parts.model = std::move(*model);

  const auto neighbours = in.getNeighbours();
  auto labels = values_of<int>(neighbours.getLabels(), "labels");
  auto starts = values_of<std::uint32_t>(neighbours.getPostingsStart(), "postings starts");
  auto postings = values_of<NearestExamples::Posting>(neighbours.getPostings(), "postings");
  if (!labels || !starts || !postings) {
    return unexpected(!labels ? labels.error() : !starts ? starts.error() : postings.error());
  }
  auto index = NearestExamples::restore(neighbours.getClassCount(), std::move(*labels),
                                        std::move(*starts), std::move(*postings));
  if (!index) return unexpected(malformed("nearest examples: " + index.error()));
  parts.neighbours = std::move(*index);

  parts.softmax_scale = in.getSoftmaxScale();
  parts.oos_threshold = in.getOosThreshold();
  auto classifier = IntentClassifier::restore(std::move(parts));
  if (!classifier) return unexpected(malformed(classifier.error()));
  return std::move(*classifier);
}

}  // namespace

Expected<std::string, ModelError> encode_model(const IntentClassifier& classifier) {
  capnp::MallocMessageBuilder message;
  auto out = message.initRoot<schema::BotModel>();
  if (auto written = write_options(classifier.options(), out.initOptions()); !written) {
    return unexpected(written.error());
  }
  const auto& classes = classifier.classes();
  auto names = out.initClasses(static_cast<unsigned>(classes.size()));
  for (unsigned i = 0; i < classes.size(); ++i) names.set(i, classes[i]);

  const auto& vectorizer = classifier.vectorizer();
  auto vectorizer_out = out.initVectorizer();
  const auto buckets = vectorizer.known_buckets();
  put_values(buckets, vectorizer_out.initBuckets(buckets.size() * sizeof(std::uint32_t)));
  put_values(vectorizer.idf(), vectorizer_out.initIdf(vectorizer.idf().size() * sizeof(float)));

  const auto& model = classifier.linear_model();
  auto model_out = out.initLinearModel();
  model_out.setClassCount(static_cast<std::uint32_t>(model.class_count()));
  put_values(model.weights(), model_out.initWeights(model.weights().size() * sizeof(float)));
  put_values(model.bias(), model_out.initBias(model.bias().size() * sizeof(float)));

  const auto& neighbours = classifier.neighbours();
  auto neighbours_out = out.initNeighbours();
  neighbours_out.setClassCount(static_cast<std::uint32_t>(neighbours.class_count()));
  put_values(neighbours.labels(),
             neighbours_out.initLabels(neighbours.labels().size() * sizeof(int)));
  put_values(
      neighbours.postings_start(),
      neighbours_out.initPostingsStart(neighbours.postings_start().size() * sizeof(std::uint32_t)));
  put_values(neighbours.postings(), neighbours_out.initPostings(neighbours.postings().size() *
                                                                sizeof(NearestExamples::Posting)));

  out.setSoftmaxScale(classifier.softmax_scale());
  out.setOosThreshold(classifier.oos_threshold());
  write_probes(classifier, out.initProbes(static_cast<unsigned>(kProbeTexts.size())));

  const kj::Array<capnp::word> words = capnp::messageToFlatArray(message);
  const auto bytes = words.asChars();
  return frame_model(std::string_view(bytes.begin(), bytes.size()), kBotModelFormatVersion);
}

Expected<IntentClassifier, ModelError> decode_model(std::string_view file) {
  auto payload = unframe_model(file, kBotModelFormatVersion);
  if (!payload) return unexpected(payload.error());
  if (payload->size() % sizeof(capnp::word) != 0) {
    return unexpected(malformed("the payload is not whole words"));
  }
  std::vector<capnp::word> copy;
  const auto* words = reinterpret_cast<const capnp::word*>(payload->data());
  if (reinterpret_cast<std::uintptr_t>(words) % alignof(capnp::word) != 0) {
    copy.resize(payload->size() / sizeof(capnp::word));
    std::memcpy(copy.data(), payload->data(), payload->size());
    words = copy.data();
  }
  const std::size_t word_count = payload->size() / sizeof(capnp::word);
  capnp::ReaderOptions reader_options;
  reader_options.traversalLimitInWords = kTraversalWordsPerPayloadWord * word_count + 1024;
  try {
    capnp::FlatArrayMessageReader reader(kj::arrayPtr(words, word_count), reader_options);
    const auto model = reader.getRoot<schema::BotModel>();
    auto classifier = read_classifier(model);
    if (!classifier) return unexpected(classifier.error());
    if (auto probed = check_probes(*classifier, model.getProbes()); !probed) {
      return unexpected(probed.error());
    }
    return classifier;
  } catch (const kj::Exception& e) {
    // The checksum matched, so this is a file written wrongly, not damaged: still no crash.
    return unexpected(malformed(e.getDescription().cStr()));
  }
}

Expected<std::string, ModelError> encode_options(const ClassifierOptions& options) {
  capnp::MallocMessageBuilder message;
  if (auto written = write_options(options, message.initRoot<schema::ClassifierOptions>());
      !written) {
    return unexpected(written.error());
  }
  const kj::Array<capnp::word> words = capnp::messageToFlatArray(message);
  const auto bytes = words.asChars();
  return std::string(bytes.begin(), bytes.size());
}

}  // namespace sb::bot
