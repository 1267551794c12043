// Trained bot models cached on disk: a loaded model classifies bit for bit as the trained one,
// damaged files are error values (and the bot trains again), the cache key follows what the
// model is trained on, and the store keeps only the last few files.
#include "runtime/bot/model_cache.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "runtime/bot/atomic_file.hpp"
#include "runtime/bot/bot.hpp"
#include "runtime/bot/kb_jsonl.hpp"
#include "runtime/bot/model_codec.hpp"
#include "runtime/bot/model_frame.hpp"
#include "runtime/bot/model_key.hpp"
#include "runtime/bot/model_store.hpp"
#include "runtime/bot/synonym_lexicon.hpp"
#include "tests/bot/shipped_files.hpp"
#include "tests/bot/test_kb.hpp"
#include "tests/support/temp_dir.hpp"

namespace sb::bot {
namespace {

KnowledgeBase test_kb() { return parse_knowledge_base(testing::kTestKb).value(); }

// The bot's own options with the nearest-examples index on, so that every part of a model is
// in the file.
BotOptions options_with_neighbours() {
  BotOptions options;
  options.classifier.neighbour_weight = 0.3;
  return options;
}

// A few hundred texts: the training examples, each again with words the model has not seen
// and with digits, and some that share nothing with it.
std::vector<std::string> texts_for(const KnowledgeBase& kb, const BotOptions& options) {
  std::vector<std::string> out;
  for (const auto& example : training_examples(kb, options)) {
    out.push_back(example.text);
    out.push_back(example.text + " 谢谢 please 12345");
  }
  out.insert(out.end(), {"", "   ", "🙂", "zzzz qqqq", "SB2026111101", "\xff\xfe invalid utf-8"});
  return out;
}

void expect_same_classifications(const IntentClassifier& trained, const IntentClassifier& loaded,
                                 const std::vector<std::string>& texts) {
  ASSERT_EQ(trained.intent_count(), loaded.intent_count());
  ASSERT_GE(texts.size(), 200u);
  for (const auto& text : texts) {
    const auto a = trained.classify(text, trained.intent_count());
    const auto b = loaded.classify(text, loaded.intent_count());
    ASSERT_EQ(a.size(), b.size()) << text;
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].intent, b[i].intent) << text;
      // Exactly, not approximately: the same floats through the same code.
      EXPECT_EQ(a[i].confidence, b[i].confidence) << text;
    }
    EXPECT_EQ(trained.predict(text), loaded.predict(text)) << text;
  }
  EXPECT_EQ(trained.oos_threshold(), loaded.oos_threshold());
  EXPECT_EQ(trained.softmax_scale(), loaded.softmax_scale());
}

IntentClassifier round_trip(const IntentClassifier& classifier) {
  auto bytes = encode_model(classifier);
  EXPECT_TRUE(bytes) << bytes.error().to_string();
  auto loaded = decode_model(*bytes);
  EXPECT_TRUE(loaded) << loaded.error().to_string();
  return std::move(*loaded);
}

TEST(ModelCache, RoundTripClassifiesBitForBitTheSame) {
  const KnowledgeBase kb = test_kb();
  const BotOptions options = options_with_neighbours();
  const Bot bot(kb, options);
  ASSERT_GT(bot.classifier().neighbours().example_count(), 0u);
  const IntentClassifier loaded = round_trip(bot.classifier());
  expect_same_classifications(bot.classifier(), loaded, texts_for(kb, options));
  // And through the Bot, as the conversation asks it.
  const Bot loaded_bot(kb, options, loaded);
  EXPECT_EQ(bot.respond(TurnInput{"我的订单到哪了", Tier::regular, Channel::app, {}}).reply,
            loaded_bot.respond(TurnInput{"我的订单到哪了", Tier::regular, Channel::app, {}}).reply);
}

// The real model: the shipped KB with the node's options (a few seconds of training).
TEST(ModelCache, RoundTripOfTheShippedKbModelClassifiesBitForBitTheSame) {
  const KnowledgeBase kb = testing::shipped_or_test_kb();
  const Bot bot(kb);
  expect_same_classifications(bot.classifier(), round_trip(bot.classifier()), texts_for(kb, {}));
}

class DamagedModelFile : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    bytes_ = new std::string(encode_model(Bot(test_kb()).classifier()).value());
  }
  static void TearDownTestSuite() { delete bytes_; }
  static const std::string& bytes() { return *bytes_; }

  static ModelErrorCode decode_error(const std::string& file) {
    auto decoded = decode_model(file);
    EXPECT_FALSE(decoded);
    return decoded ? ModelErrorCode::missing : decoded.error().code;
  }

 private:
  static inline std::string* bytes_ = nullptr;
};

TEST_F(DamagedModelFile, EveryKindOfDamageIsAnErrorValue) {
  std::string flipped = bytes();
  flipped[flipped.size() / 2] ^= 0x01;
  EXPECT_EQ(decode_error(flipped), ModelErrorCode::corrupt);
  EXPECT_EQ(decode_error(bytes().substr(0, bytes().size() - 1)), ModelErrorCode::truncated);
  EXPECT_EQ(decode_error(bytes().substr(0, kModelFileHeaderBytes - 1)), ModelErrorCode::truncated);
  EXPECT_EQ(decode_error(bytes() + "x"), ModelErrorCode::corrupt);
  EXPECT_EQ(decode_error(""), ModelErrorCode::not_a_model);
  EXPECT_EQ(decode_error("{\"intent\": \"not a model\"}"), ModelErrorCode::not_a_model);
  std::string old_version = bytes();
  old_version[kModelFileMagic.size()] = static_cast<char>(kBotModelFormatVersion - 1);
  EXPECT_EQ(decode_error(old_version), ModelErrorCode::other_version);
}

TEST_F(DamagedModelFile, AWellFramedPayloadThatIsNoModelIsMalformed) {
  EXPECT_EQ(decode_error(frame_model(std::string(64, '\x7f'), kBotModelFormatVersion)),
            ModelErrorCode::malformed);
  EXPECT_EQ(decode_error(frame_model("", kBotModelFormatVersion)), ModelErrorCode::malformed);
}

TEST_F(DamagedModelFile, AModelFromABuildThatClassifiesDifferentlyIsStale) {
  // Stands in for a build whose tokenizer changed: a class is renamed (in order) in the
  // payload, so the probes' recorded rankings no longer match what this model says.
  std::string renamed = bytes().substr(kModelFileHeaderBytes);
  const auto at = renamed.find("refund_timing");
  ASSERT_NE(at, std::string::npos);
  renamed[at + std::string_view("refund_timing").size() - 1] = 'h';
  EXPECT_EQ(decode_error(frame_model(renamed, kBotModelFormatVersion)), ModelErrorCode::stale);
}

TEST(ModelCache, ACorruptCachedFileIsReportedThenTrainedAgainAndReplaced) {
  sb::testing::TempDir dir;
  const ModelStore store(dir.path() / "bot-model");
  const auto first = load_or_train_bot(test_kb(), {}, store);
  ASSERT_EQ(first.source, ModelSource::trained);
  EXPECT_FALSE(first.load_problem);  // a missing file is the normal first start
  ASSERT_FALSE(first.save_problem) << first.save_problem->to_string();
  const auto path = store.path_of(first.key);
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(static_cast<std::streamoff>(std::filesystem::file_size(path) / 2));
    file.put('\x55');
  }

  const auto second = load_or_train_bot(test_kb(), {}, store);
  EXPECT_EQ(second.source, ModelSource::trained);
  ASSERT_TRUE(second.load_problem);
  EXPECT_EQ(second.load_problem->code, ModelErrorCode::corrupt);
  EXPECT_EQ(second.bot->classify("where is my order").ranked.front().intent, "order_status");

  const auto third = load_or_train_bot(test_kb(), {}, store);
  EXPECT_EQ(third.source, ModelSource::loaded);
  EXPECT_FALSE(third.load_problem);
  expect_same_classifications(first.bot->classifier(), third.bot->classifier(),
                              texts_for(test_kb(), {}));
}

TEST(ModelCache, TheKeyFollowsWhatTheModelIsTrainedOn) {
  const KnowledgeBase kb = test_kb();
  const BotOptions options;
  const std::string key = bot_model_key(kb, options).value();
  EXPECT_EQ(key.size(), 64u);
  EXPECT_EQ(bot_model_key(test_kb(), BotOptions{}).value(), key);

  KnowledgeBase more_examples = kb;
  more_examples.entries.front().examples_en.push_back("hey hello");
  EXPECT_NE(bot_model_key(more_examples, options).value(), key);
  KnowledgeBase reworded = kb;
  reworded.entries.front().examples_zh.front() += "呀";
  EXPECT_NE(bot_model_key(reworded, options).value(), key);
  KnowledgeBase relabelled = kb;
  relabelled.entries.front().intent = "hello";
  EXPECT_NE(bot_model_key(relabelled, options).value(), key);

  BotOptions sharper = options;
  sharper.classifier.model.c = 30;
  EXPECT_NE(bot_model_key(kb, sharper).value(), key);
  BotOptions no_out_of_scope = options;
  no_out_of_scope.shipped_out_of_scope = false;
  EXPECT_NE(bot_model_key(kb, no_out_of_scope).value(), key);
  BotOptions no_synonyms = options;
  no_synonyms.shipped_synonyms = false;
  EXPECT_NE(bot_model_key(kb, no_synonyms).value(), key);

  // Not in the model: the answers, the threshold applied on top, the training threads.
  KnowledgeBase new_answer = kb;
  new_answer.entries.front().answer.en = "Hi!";
  EXPECT_EQ(bot_model_key(new_answer, options).value(), key);
  BotOptions other_threshold = options;
  other_threshold.oos_threshold = 0.5;
  EXPECT_EQ(bot_model_key(kb, other_threshold).value(), key);
  BotOptions one_thread = options;
  one_thread.classifier.model.training_threads = 1;
  EXPECT_EQ(bot_model_key(kb, one_thread).value(), key);
}

TEST(ModelCache, AModelWithItsOwnSynonymLexiconIsNotCachedButStillTrained) {
  BotOptions options;
  options.classifier.features.normalizer.synonyms =
      std::make_shared<const SynonymLexicon>(*shipped_synonyms());
  EXPECT_EQ(bot_model_key(test_kb(), options).error().code, ModelErrorCode::not_cacheable);
  sb::testing::TempDir dir;
  const auto built = load_or_train_bot(test_kb(), options, ModelStore(dir.path()));
  EXPECT_EQ(built.source, ModelSource::trained);
  EXPECT_TRUE(built.key.empty());
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(ModelCache, TheStoreKeepsTheMostRecentlyUsedFewAndNoTemporaryFiles) {
  sb::testing::TempDir dir;
  const ModelStore store(dir.path() / "bot-model", /*files_kept=*/2);
  const Bot bot(test_kb());
  ASSERT_TRUE(store.save("a", bot.classifier()));
  ASSERT_TRUE(store.save("b", bot.classifier()));
  ASSERT_TRUE(store.load("a"));  // used now: "b" is the least recently used
  std::ofstream(store.dir() / ("c.model" + std::string(kTemporaryFileSuffix))) << "half";
  ASSERT_TRUE(store.save("c", bot.classifier()));

  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(store.dir()))
    names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"a.model", "c.model"}));
  EXPECT_EQ(store.load("b").error().code, ModelErrorCode::missing);
}

}  // namespace
}  // namespace sb::bot
