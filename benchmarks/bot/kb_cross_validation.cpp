// How well the shipped KB's examples generalise to phrasings the classifier has not seen, from the
// KB alone: k-fold cross-validation over its examples (every k-th example of each intent and
// language held out in turn), per language. A development figure next to the dev paraphrases
// (kb_paraphrase_eval --file tests/data/kb_dev_paraphrases.jsonl): it needs no extra data and
// counts thousands of questions, though KB examples are cleaner than real customers.
//   kb_cross_validation [--folds K] [bot option flags (bot_option_flags.hpp)]
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "benchmarks/bot/bot_option_flags.hpp"
#include "runtime/bot/bot.hpp"
#include "runtime/bot/kb_jsonl.hpp"

namespace sb::bot {
namespace {

constexpr std::size_t kFoldsDefault = 5;

struct Held {
  std::string text;
  std::string intent;
  Language language;
};

int run(std::size_t folds, const BotOptions& options) {
  const auto kb = load_knowledge_base(std::string(SB_SOURCE_DIR) + "/config/kb/default_kb.jsonl");
  if (!kb) {
    std::fprintf(stderr, "%s\n", kb.error().to_string().c_str());
    return 2;
  }
  std::map<Language, std::size_t> right, all;
  for (std::size_t fold = 0; fold < folds; ++fold) {
    KnowledgeBase train = *kb;
    std::vector<Held> held;
    for (auto& entry : train.entries) {
      for (auto [examples, language] : {std::pair{&entry.examples_zh, Language::zh},
                                        std::pair{&entry.examples_en, Language::en}}) {
        std::vector<std::string> kept;
        for (std::size_t i = 0; i < examples->size(); ++i) {
          if (i % folds == fold) {
            held.push_back({(*examples)[i], entry.intent, language});
          } else {
            kept.push_back((*examples)[i]);
          }
        }
        *examples = std::move(kept);
      }
    }
    const Bot bot(std::move(train), options);
    for (const Held& h : held) {
      const auto ranked = bot.classify(h.text).ranked;
      all[h.language] += 1;
      right[h.language] += !ranked.empty() && ranked.front().intent == h.intent ? 1 : 0;
    }
  }
  for (const auto& [language, count] : all) {
    std::printf("kb %zu-fold cross-validation [%s]: top-1 %.1f%% of %zu\n", folds,
                std::string(to_string(language)).c_str(), 100.0 * right[language] / count, count);
  }
  return 0;
}

}  // namespace
}  // namespace sb::bot

int main(int argc, char** argv) {
  std::size_t folds = sb::bot::kFoldsDefault;
  sb::bot::BotOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--folds" && i + 1 < argc) {
      folds = std::strtoul(argv[++i], nullptr, 10);
    } else if (!sb::bot::apply_bot_option_flag(argc, argv, i, options)) {
      std::fprintf(stderr, "usage: %s [--folds K] %s\n", argv[0],
                   sb::bot::kBotOptionFlagsUsage.data());
      return 2;
    }
  }
  if (folds < 2) return 2;
  return sb::bot::run(folds, options);
}
