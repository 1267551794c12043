#pragma once
// The shipped knowledge base and sample orders, or the tests' own when they are not there yet.

#include <filesystem>
#include <string>

#include "runtime/bot/bot.hpp"
#include "runtime/bot/kb_jsonl.hpp"
#include "runtime/bot/sample_backend.hpp"
#include "tests/bot/test_kb.hpp"
#include "tests/bot/test_orders.hpp"

namespace sb::bot::testing {

inline std::string source_path(std::string_view relative) {
  return std::string(SB_SOURCE_DIR) + "/" + std::string(relative);
}

inline const char* const kShippedKb = "config/kb/default_kb.jsonl";
inline const char* const kShippedOrders = "config/kb/sample_orders.jsonl";
inline const char* const kParaphrases = "tests/data/kb_paraphrases.jsonl";

inline bool shipped_files_present() {
  return std::filesystem::exists(source_path(kShippedKb)) &&
         std::filesystem::exists(source_path(kShippedOrders));
}

inline KnowledgeBase shipped_or_test_kb() {
  auto kb = shipped_files_present() ? load_knowledge_base(source_path(kShippedKb))
                                    : parse_knowledge_base(kTestKb);
  SB_ASSERT(kb.has_value());
  return std::move(kb).value();
}

inline SampleBackend shipped_or_test_orders() {
  auto orders = shipped_files_present() ? SampleBackend::load(source_path(kShippedOrders))
                                        : SampleBackend::parse(kTestOrders);
  SB_ASSERT(orders.has_value());
  return std::move(orders).value();
}

// Trained once per test binary: training on the shipped KB is the slowest step of the tests.
inline const Bot& shipped_or_test_bot() {
  static const Bot bot(shipped_or_test_kb());
  return bot;
}

}  // namespace sb::bot::testing
