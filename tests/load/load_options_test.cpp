// The command line of `switchboard load`: both option forms, flags, mixes and ranges, and a
// precise sentence for anything wrong.

#include "runtime/load/load_options.hpp"

#include <gtest/gtest.h>

namespace sb::load {
namespace {

TEST(LoadOptions, ParsesValuesFlagsMixesAndRanges) {
  auto o = parse_load_args({"--port", "7500", "--rate=250", "--spike-at", "10", "--spike-factor",
                            "5", "--closed", "--batch", "16", "--mix", "web=3,email=1",
                            "--think-ms", "100-200", "--agent-ids", "x,y", "--json", "r.json",
                            "--login", "0.4"});
  ASSERT_TRUE(o) << o.error();
  EXPECT_EQ(o->port, 7500);
  EXPECT_EQ(o->shape.rate, 250);
  EXPECT_EQ(o->shape.spike_at_seconds, 10);
  EXPECT_EQ(o->shape.spike_factor, 5);
  EXPECT_EQ(o->mode, LoopMode::closed);
  EXPECT_EQ(o->batch_size, 16);
  EXPECT_EQ(o->channel_mix.size(), 2u);
  EXPECT_EQ(o->channel_mix.at(Channel::web), 3);
  EXPECT_EQ(o->agents.think_min, std::chrono::milliseconds(100));
  EXPECT_EQ(o->agents.ids, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(o->agents.count, 2);
  EXPECT_EQ(o->json_path, "r.json");
  EXPECT_EQ(o->login_share, 0.4);
}

TEST(LoadOptions, RejectsWithAReason) {
  EXPECT_EQ(parse_load_args({"--rate", "-1"}).error(), "--rate needs messages per second > 0");
  EXPECT_EQ(parse_load_args({"--bogus"}).error(), "unknown option --bogus");
  EXPECT_EQ(parse_load_args({"--human", "2"}).error(), "--human needs a share 0..1");
  EXPECT_EQ(parse_load_args({"--login", "2"}).error(), "--login needs a share 0..1");
  EXPECT_FALSE(parse_load_args({"--mix", "fax=1"}));
  EXPECT_FALSE(parse_load_args({"--duration"}));
  EXPECT_FALSE(parse_load_args({"stray"}));
}

}  // namespace
}  // namespace sb::load
