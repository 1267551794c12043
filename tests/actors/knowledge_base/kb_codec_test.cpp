// Knowledge-base events and state survive the codec; garbage is an error, not a crash.

#include "actors/knowledge_base/kb_codec.hpp"

#include <gtest/gtest.h>

#include "actors/knowledge_base/kb_decider.hpp"

namespace sb::knowledge_base {
namespace {

const Timestamp kT0 = from_unix_ms(1'763'000'000'000);

TEST(KnowledgeBaseCodec, EveryEventAndTheStateRoundTrip) {
  const std::string binary("\x00\xff{\"intent\":\"退款\"}\n", 22);
  const std::vector<Event> events{
      KnowledgeBaseImported{1, std::string(64, 'c'), binary.size(), 61, 1300, 1, "admin", kT0},
      KnowledgeBaseChunk{1, 0, binary},
      KnowledgeBaseRolledBack{1, 0, "ops", kT0},
  };
  ASSERT_EQ(events.size(), std::variant_size_v<Event>);
  State state;
  for (const auto& event : events) {
    auto decoded = Codec::decode_event(Codec::encode_event(event));
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_EQ(*decoded, event);
    state = Decider::evolve(std::move(state), event);
  }
  auto decoded = Codec::decode_state(Codec::encode_state(state));
  ASSERT_TRUE(decoded) << decoded.error();
  EXPECT_EQ(*decoded, state);
  EXPECT_FALSE(Codec::decode_event("garbage!"));
  EXPECT_FALSE(Codec::decode_state(""));
}

}  // namespace
}  // namespace sb::knowledge_base
