#pragma once
// Command-line knobs the KB measurements share (kb_paraphrase_eval, kb_cross_validation), so an
// experiment with the bot's settings needs no rebuild: each flag changes one BotOptions field.

#include <cstdlib>
#include <string_view>

#include "runtime/bot/bot.hpp"

namespace sb::bot {

inline constexpr std::string_view kBotOptionFlagsUsage =
    "[--no-synonyms] [--no-out-of-scope] [--threshold T] [--c X] [--epsilon X] [--word-ngrams N] "
    "[--char-weight W] [--softmax-scale S] [--neighbour-weight W] [--neighbour-sharpness S] "
    "[--common-share X]";

// Applies argv[i] (and its value, advancing i) to `options`; false when it is not one of ours.
inline bool apply_bot_option_flag(int argc, char** argv, int& i, BotOptions& options) {
  const std::string_view arg = argv[i];
  const bool has_value = i + 1 < argc;
  if (arg == "--no-synonyms") {
    options.shipped_synonyms = false;
  } else if (arg == "--no-out-of-scope") {
    options.shipped_out_of_scope = false;
  } else if (arg == "--threshold" && has_value) {
    options.oos_threshold = std::strtod(argv[++i], nullptr);
  } else if (arg == "--c" && has_value) {
    options.classifier.model.c = std::strtod(argv[++i], nullptr);
  } else if (arg == "--epsilon" && has_value) {
    options.classifier.model.epsilon = std::strtod(argv[++i], nullptr);
  } else if (arg == "--word-ngrams" && has_value) {
    options.classifier.features.ngrams.word_ngram_max = std::strtoul(argv[++i], nullptr, 10);
  } else if (arg == "--char-weight" && has_value) {
    const double w = std::strtod(argv[++i], nullptr);
    options.classifier.features.group_weight = {1 - w, w};
  } else if (arg == "--softmax-scale" && has_value) {
    options.classifier.softmax_scale = std::strtod(argv[++i], nullptr);
  } else if (arg == "--neighbour-weight" && has_value) {
    options.classifier.neighbour_weight = std::strtod(argv[++i], nullptr);
  } else if (arg == "--neighbour-sharpness" && has_value) {
    options.classifier.neighbour_sharpness = std::strtod(argv[++i], nullptr);
  } else if (arg == "--common-share" && has_value) {
    options.classifier.neighbours.common_feature_share_max = std::strtod(argv[++i], nullptr);
  } else {
    return false;
  }
  return true;
}

}  // namespace sb::bot
