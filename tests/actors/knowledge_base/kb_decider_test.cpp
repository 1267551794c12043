// The knowledge-base core: an import is a new version split into chunks that fit the journal's
// event limits; a repeat of the current content is refused; roll-back to any earlier version (or
// the shipped file, version 0) and the checks of each command.

#include "actors/knowledge_base/kb_decider.hpp"

#include <gtest/gtest.h>

#include "tests/support/given_when_then.hpp"

namespace sb::knowledge_base {
namespace {

using sb::testing::given;
using Events = std::vector<Event>;

const Timestamp kT0 = from_unix_ms(1'763'000'000'000);
const std::string kShaA(64, 'a');
const std::string kShaB(64, 'b');

ImportKnowledgeBase import(std::string content, std::string sha) {
  return ImportKnowledgeBase{std::move(content), std::move(sha), 61, 1300, "admin", kT0};
}

// The history of one small import (one chunk).
Events imported(std::uint32_t version, const std::string& content, const std::string& sha) {
  return {KnowledgeBaseImported{version, sha, content.size(), 61, 1300, 1, "admin", kT0},
          KnowledgeBaseChunk{version, 0, content}};
}

TEST(KnowledgeBaseDecider, AnImportIsANewVersionInChunks) {
  const std::string content(kChunkBytes * 2 + 10, 'x');
  auto outcome = given<Decider>({}).when(import(content, kShaA));
  const auto& events = outcome.events();
  ASSERT_EQ(events.size(), 4u);  // the header and three chunks
  EXPECT_EQ(std::get<KnowledgeBaseImported>(events[0]),
            (KnowledgeBaseImported{1, kShaA, content.size(), 61, 1300, 3, "admin", kT0}));
  std::string joined;
  for (std::size_t i = 1; i < events.size(); ++i) {
    const auto& chunk = std::get<KnowledgeBaseChunk>(events[i]);
    EXPECT_EQ(chunk.index, i - 1);
    EXPECT_LE(chunk.bytes.size(), kChunkBytes);
    joined += chunk.bytes;
  }
  EXPECT_EQ(joined, content);
  const State& state = outcome.state();
  EXPECT_EQ(state.current, 1u);
  ASSERT_EQ(state.versions.size(), 1u);
  EXPECT_EQ(state.versions[0].first_chunk_event, 2u);  // event 1 is the header
  EXPECT_EQ(state.versions[0].last_chunk_event, 4u);
  EXPECT_EQ(state.events, 4u);
}

TEST(KnowledgeBaseDecider, TheCurrentContentAgainIsRefusedButAnOlderOneIsANewVersion) {
  Events history = imported(1, "v1", kShaA);
  EXPECT_EQ(given<Decider>(history).when(import("v1", kShaA)).rejection_code(),
            Rejection::unchanged);
  auto second = given<Decider>(history).when(import("v2", kShaB));
  ASSERT_TRUE(second.accepted());
  const Events added = second.events();
  history.insert(history.end(), added.begin(), added.end());
  auto again = given<Decider>(history).when(import("v1", kShaA));  // not current any more
  ASSERT_TRUE(again.accepted());
  EXPECT_EQ(again.state().current, 3u);
  EXPECT_EQ(again.state().versions[2].first_chunk_event, 6u);
}

TEST(KnowledgeBaseDecider, ImportsAreChecked) {
  EXPECT_EQ(given<Decider>({}).when(import("", kShaA)).rejection_code(),
            Rejection::invalid_content);
  EXPECT_EQ(given<Decider>({})
                .when(import(std::string(kContentBytesMax + 1, 'x'), kShaA))
                .rejection_code(),
            Rejection::invalid_content);
  EXPECT_EQ(given<Decider>({}).when(import("v1", "not-a-sha")).rejection_code(),
            Rejection::invalid_content);
  EXPECT_EQ(given<Decider>({}).when(import("v1", std::string(64, 'A'))).rejection_code(),
            Rejection::invalid_content);
  auto nameless = import("v1", kShaA);
  nameless.by = "";
  EXPECT_EQ(given<Decider>({}).when(nameless).rejection_code(), Rejection::invalid_name);
  // The largest content still fits one append: 63 chunks and the header.
  auto largest = given<Decider>({}).when(import(std::string(kContentBytesMax, 'x'), kShaA));
  EXPECT_EQ(largest.events().size(), kChunksMax + 1);
}

TEST(KnowledgeBaseDecider, RollBackToAnyEarlierVersionOrTheShippedFile) {
  Events history = imported(1, "v1", kShaA);
  auto second = given<Decider>(history).when(import("v2", kShaB));
  const Events added = second.events();
  history.insert(history.end(), added.begin(), added.end());
  auto back = given<Decider>(history).when(RollBackKnowledgeBase{1, "admin", kT0});
  EXPECT_EQ(back.events(), (Events{KnowledgeBaseRolledBack{2, 1, "admin", kT0}}));
  EXPECT_EQ(back.state().current, 1u);
  EXPECT_EQ(back.state().versions.size(), 2u) << "nothing is deleted";
  EXPECT_EQ(given<Decider>(history).when(RollBackKnowledgeBase{0, "admin", kT0}).state().current,
            0u);
  EXPECT_EQ(given<Decider>(history).when(RollBackKnowledgeBase{2, "admin", kT0}).rejection_code(),
            Rejection::already_current);
  EXPECT_EQ(given<Decider>(history).when(RollBackKnowledgeBase{3, "admin", kT0}).rejection_code(),
            Rejection::unknown_version);
  EXPECT_EQ(given<Decider>({}).when(RollBackKnowledgeBase{0, "admin", kT0}).rejection_code(),
            Rejection::already_current);
}

}  // namespace
}  // namespace sb::knowledge_base
