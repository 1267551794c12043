// Target figure, not a CI test (issue 5 lists it under "Targets (a benchmark ...)"): how well the
// shipped KB answers held-out paraphrases (tests/data/kb_paraphrases.jsonl, never trained on), per
// language. Prints the figures and fails (exit 1) below the 90% target. Run it by hand.
//   kb_paraphrase_eval [--file PATH] [--kb PATH] [--misses N] [bot option flags] [gtest flags]
// --file evaluates another paraphrase file (relative paths are taken from the source tree), such
// as the development set tests/data/kb_dev_paraphrases.jsonl that tuning may look at; --misses
// sets how many misclassified lines are printed (the held-out file's misses are not for tuning);
// --kb trains on another knowledge base file (an experiment: the figure is the shipped KB's);
// the bot option flags (bot_option_flags.hpp: --no-synonyms, --no-out-of-scope, --threshold T, ...)
// train the bot with other settings than the shipped ones.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <string_view>

#include <gtest/gtest.h>

#include "benchmarks/bot/bot_option_flags.hpp"
#include "runtime/bot/bot.hpp"
#include "runtime/bot/jsonl_reader.hpp"
#include "runtime/bot/kb_jsonl.hpp"
#include "tests/bot/shipped_files.hpp"

namespace sb::bot {
namespace {

constexpr double kAccuracyMin = 0.90;
constexpr std::size_t kMissesShownDefault = 20;
constexpr std::size_t kTopKCounted = 3;

// Set by main() from the command line.
std::string g_paraphrases_path = testing::kParaphrases;
std::string g_kb_path;  // empty: the shipped KB
std::size_t g_misses_shown_max = kMissesShownDefault;
BotOptions g_bot_options;
bool g_default_options = true;

struct Paraphrase {
  std::string text;
  std::string intent;
  Language language;
};

std::vector<Paraphrase> load_paraphrases(const std::string& path) {
  std::vector<Paraphrase> out;
  auto text = read_text_file(path);
  EXPECT_TRUE(text) << text.error().to_string();
  if (!text) return out;
  auto parsed = for_each_jsonl_object(*text, [&](std::size_t, const nlohmann::json& record) {
    const auto language = parse_language(require_string(record, "lang"));
    if (!language) throw FieldError{"unknown lang"};
    out.push_back({require_string(record, "text"), require_string(record, "intent"), *language});
  });
  EXPECT_TRUE(parsed) << parsed.error().to_string();
  return out;
}

struct Tally {
  std::size_t in_scope = 0;
  std::size_t in_scope_right = 0;
  std::size_t oos = 0;
  std::size_t oos_right = 0;
  std::size_t in_scope_in_top_k = 0;  // the right intent among the classifier's best kTopKCounted
  std::size_t wrong_answers = 0;      // answered with another intent: worse than no answer
  std::size_t not_answered = 0;       // an in-scope question left to a person

  double accuracy() const {
    const std::size_t all = in_scope + oos;
    return all == 0 ? 0.0 : static_cast<double>(in_scope_right + oos_right) / all;
  }
};

// For the record: what other out-of-scope thresholds would give (the classifier's top intent
// against the threshold, as for a first message), and how many wrong answers the bot would give.
void print_threshold_sweep(const Bot& bot, const std::vector<Paraphrase>& paraphrases) {
  std::vector<Classification> classified;
  std::vector<double> latency_us;
  for (const auto& p : paraphrases) {
    const auto start = std::chrono::steady_clock::now();
    classified.push_back(bot.classify(p.text));
    latency_us.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(latency_us.begin(), latency_us.end());
  std::printf("  classification latency: p50 %.1f us, max %.1f us\n",
              latency_us[latency_us.size() / 2], latency_us.back());
  for (const double threshold : {0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}) {
    std::map<Language, Tally> tallies;
    std::size_t wrong_answers = 0;
    for (std::size_t i = 0; i < paraphrases.size(); ++i) {
      const auto& ranked = classified[i].ranked;
      const bool answers = !ranked.empty() && ranked.front().confidence >= threshold;
      const std::string picked = answers ? ranked.front().intent : std::string(kOutOfScopeIntent);
      const bool oos = paraphrases[i].intent == kOutOfScopeIntent;
      Tally& tally = tallies[paraphrases[i].language];
      (oos ? tally.oos : tally.in_scope) += 1;
      (oos ? tally.oos_right : tally.in_scope_right) += picked == paraphrases[i].intent ? 1 : 0;
      wrong_answers += answers && picked != paraphrases[i].intent ? 1 : 0;
    }
    std::printf("  threshold %.2f: zh %.1f%%, en %.1f%%, wrong answers %zu of %zu\n", threshold,
                100 * tallies[Language::zh].accuracy(), 100 * tallies[Language::en].accuracy(),
                wrong_answers, paraphrases.size());
  }
}

TEST(KbParaphrases, AccuracyPerLanguage) {
  const std::string paraphrases_path = std::filesystem::path(g_paraphrases_path).is_absolute()
                                           ? g_paraphrases_path
                                           : testing::source_path(g_paraphrases_path);
  if (!testing::shipped_files_present() || !std::filesystem::exists(paraphrases_path)) {
    GTEST_SKIP() << "the shipped KB or its paraphrases are not written yet";
  }
  // Training happens at every node start: its time is a figure of its own.
  const auto training_started = std::chrono::steady_clock::now();
  const std::clock_t training_cpu_started = std::clock();
  const std::optional<Bot> custom =
      g_default_options
          ? std::nullopt
          : std::optional<Bot>(std::in_place,
                               g_kb_path.empty() ? testing::shipped_or_test_kb()
                                                 : load_knowledge_base(g_kb_path).value(),
                               g_bot_options);
  const Bot& bot = custom ? *custom : testing::shipped_or_test_bot();
  // CPU time too (both training threads): on a shared machine the wall time says more about the
  // neighbours.
  std::printf(
      "bot trained on the KB in %.2f s (%.2f s CPU)\n",
      std::chrono::duration<double>(std::chrono::steady_clock::now() - training_started).count(),
      static_cast<double>(std::clock() - training_cpu_started) / CLOCKS_PER_SEC);
  const std::vector<Paraphrase> paraphrases = load_paraphrases(paraphrases_path);
  ASSERT_FALSE(paraphrases.empty());
  std::map<Language, Tally> tallies;
  std::size_t misses_shown = 0;
  for (const auto& p : paraphrases) {
    // A fresh conversation per message: what the bot picks with no context to lean on.
    const Turn turn = bot.respond(TurnInput{p.text, Tier::regular, Channel::web, {}});
    const std::string picked = turn.intent.empty() ? std::string(kOutOfScopeIntent) : turn.intent;
    Tally& tally = tallies[p.language];
    const bool oos = p.intent == kOutOfScopeIntent;
    (oos ? tally.oos : tally.in_scope) += 1;
    (oos ? tally.oos_right : tally.in_scope_right) += picked == p.intent ? 1 : 0;
    tally.wrong_answers += picked != p.intent && picked != kOutOfScopeIntent ? 1 : 0;
    tally.not_answered += !oos && picked == kOutOfScopeIntent ? 1 : 0;
    if (!oos) {
      const auto ranked = bot.classify(p.text).ranked;
      for (std::size_t k = 0; k < std::min(kTopKCounted, ranked.size()); ++k) {
        tally.in_scope_in_top_k += ranked[k].intent == p.intent ? 1 : 0;
      }
    }
    if (picked != p.intent && misses_shown++ < g_misses_shown_max) {
      std::printf("  miss [%s] %s -> %s (%.2f), want %s\n",
                  std::string(to_string(p.language)).c_str(), p.text.c_str(), picked.c_str(),
                  turn.confidence, p.intent.c_str());
    }
  }
  for (const auto& [language, tally] : tallies) {
    std::printf(
        "kb paraphrases [%s]: accuracy %.1f%% (in scope %zu/%zu, out of scope %zu/%zu), "
        "oos threshold %.3f; in-scope top-%zu %.1f%%; wrong answers %zu, in-scope not answered "
        "%zu\n",
        std::string(to_string(language)).c_str(), 100 * tally.accuracy(), tally.in_scope_right,
        tally.in_scope, tally.oos_right, tally.oos, bot.classifier().oos_threshold(), kTopKCounted,
        tally.in_scope == 0 ? 0.0 : 100.0 * tally.in_scope_in_top_k / tally.in_scope,
        tally.wrong_answers, tally.not_answered);
    EXPECT_GE(tally.accuracy(), kAccuracyMin) << to_string(language);
  }
  print_threshold_sweep(bot, paraphrases);
}

}  // namespace
}  // namespace sb::bot

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);  // takes out the gtest flags
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--file" && i + 1 < argc) {
      sb::bot::g_paraphrases_path = argv[++i];
    } else if (arg == "--kb" && i + 1 < argc) {
      sb::bot::g_kb_path = argv[++i];
      sb::bot::g_default_options = false;
    } else if (arg == "--misses" && i + 1 < argc) {
      sb::bot::g_misses_shown_max = std::strtoul(argv[++i], nullptr, 10);
    } else if (sb::bot::apply_bot_option_flag(argc, argv, i, sb::bot::g_bot_options)) {
      sb::bot::g_default_options = false;
    } else {
      std::fprintf(stderr, "usage: %s [--file PATH] [--kb PATH] [--misses N] %s [gtest flags]\n",
                   argv[0], sb::bot::kBotOptionFlagsUsage.data());
      return 2;
    }
  }
  return RUN_ALL_TESTS();
}
