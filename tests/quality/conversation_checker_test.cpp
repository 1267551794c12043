// The rules over conversation events in feed order: a checker that starts in the middle of the
// feed (after a restart) rebuilds each conversation from its history and finds exactly what a
// checker that saw everything finds; a history that cannot be read is an error, not a guess.

#include "runtime/quality/conversation_checker.hpp"

#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/quality/quality_test_support.hpp"

namespace sb::quality::testing {
namespace {

using namespace std::chrono_literals;

struct FeedEvent {
  std::string id;
  std::uint64_t version = 0;
  conversation::Event event;
};

// Three conversations interleaved: a rude reply, a card number, a slow and unclosed one.
std::vector<FeedEvent> feed() {
  using namespace conversation;
  const Timestamp t = from_unix_ms(1'793'750'400'000);
  const std::vector<std::string> replies = {"你是不是傻", "您好，卡号 4111 1111 1111 1111 发我",
                                            "您好，已处理"};
  std::vector<std::vector<Event>> scripts;
  for (std::size_t n = 0; n < replies.size(); ++n) {
    const Timestamp reply_at = n == 2 ? t + 10min : t + 30s;
    scripts.push_back(
        {Opened{"cust", Channel::web, t}, MessageReceived{"m1", Channel::web, "在吗", t + 1s},
         HandoffRequested{
             Initiator::customer, {HandoffReason::customer_asked}, "", {}, {}, "", t + 2s},
         Assigned{"a-1", {}, t + 3s}, AgentReplied{"a-1", "r1", replies[n], reply_at},
         Resolved{"a-1", reply_at + 5s}});
  }
  std::vector<FeedEvent> out;
  for (std::size_t v = 0; v < scripts[0].size(); ++v) {
    for (std::size_t n = 0; n < scripts.size(); ++n)
      out.push_back({"c-" + std::to_string(n), v + 1, scripts[n][v]});
  }
  return out;
}

HistoryLoader loader_over(const std::vector<FeedEvent>& events, int* calls) {
  return [events, calls](const std::string& id, std::uint64_t up_to) {
    ++*calls;
    std::vector<conversation::Event> history;
    for (const auto& e : events) {
      if (e.id == id && e.version <= up_to) history.push_back(e.event);
    }
    return Expected<std::vector<conversation::Event>, std::string>(history);
  };
}

std::vector<Violation> check_from(ConversationChecker& checker,
                                  const std::vector<FeedEvent>& events, std::size_t first,
                                  const HistoryLoader& load) {
  std::vector<Violation> out;
  for (std::size_t i = first; i < events.size(); ++i) {
    auto found = checker.check(events[i].id, events[i].version, events[i].event, load);
    EXPECT_TRUE(found) << found.error();
    if (found) out.insert(out.end(), found->begin(), found->end());
  }
  return out;
}

ConversationChecker shipped_checker() {
  auto config = load_quality_config(source_path("config/quality/rules.json"));
  if (!config) throw std::runtime_error(config.error());
  return ConversationChecker(*config, {});
}

TEST(ConversationChecker, FindsTheRulesOfRepliesAndEnds) {
  const auto events = feed();
  int loads = 0;
  auto checker = shipped_checker();
  const auto found = check_from(checker, events, 0, loader_over(events, &loads));
  EXPECT_EQ(loads, 3) << "a checker that saw every event reads a history once per conversation, "
                         "when a person takes it";
  EXPECT_EQ(checker.conversations_followed(), 3u);
  EXPECT_EQ(checker.states_held(), 0u) << "all three are resolved: nobody is assigned";
  std::map<std::string, std::vector<Rule>> rules;
  for (const auto& v : found) rules[v.conversation_id].push_back(v.rule);
  EXPECT_EQ(rules["c-0"],
            (std::vector<Rule>{Rule::rudeness, Rule::missing_greeting, Rule::missing_closing}));
  EXPECT_EQ(rules["c-1"], (std::vector<Rule>{Rule::card_number, Rule::missing_closing}));
  EXPECT_EQ(rules["c-2"], (std::vector<Rule>{Rule::slow_first_response, Rule::missing_closing}));
}

TEST(ConversationChecker, StartingInTheMiddleFindsWhatAFullRunFinds) {
  const auto events = feed();
  for (std::size_t middle = 1; middle < events.size(); ++middle) {
    int loads = 0;
    auto full = shipped_checker();
    auto all = check_from(full, events, 0, loader_over(events, &loads));
    // What the full run found from `middle` on.
    std::vector<Violation> tail;
    auto again = shipped_checker();
    for (std::size_t i = 0; i < events.size(); ++i) {
      auto found = again.check(events[i].id, events[i].version, events[i].event,
                               loader_over(events, &loads));
      if (i >= middle) tail.insert(tail.end(), found->begin(), found->end());
    }
    auto restarted = shipped_checker();
    EXPECT_EQ(check_from(restarted, events, middle, loader_over(events, &loads)), tail)
        << "from " << middle;
  }
}

TEST(ConversationChecker, AConversationTheBotHandlesAloneHoldsNoState) {
  using namespace conversation;
  const Timestamp t = from_unix_ms(1'793'750'400'000);
  const std::vector<Event> bot_only = {
      Opened{"cust", Channel::web, t}, MessageReceived{"m1", Channel::web, "退款多久到账", t + 1s},
      Resolved{"", t + 2s}, Closed{CloseReason::auto_closed, t + 3s}};
  std::vector<FeedEvent> events;
  for (std::size_t v = 0; v < bot_only.size(); ++v) events.push_back({"bot", v + 1, bot_only[v]});
  int loads = 0;
  auto checker = shipped_checker();
  for (std::size_t v = 0; v < 3; ++v) {
    auto found = checker.check("bot", v + 1, bot_only[v], loader_over(events, &loads));
    ASSERT_TRUE(found) << found.error();
    EXPECT_TRUE(found->empty());
    EXPECT_EQ(checker.states_held(), 0u) << "after version " << v + 1;
  }
  EXPECT_EQ(loads, 0);
  EXPECT_EQ(checker.conversations_followed(), 1u);
}

TEST(ConversationChecker, AnUnreadableHistoryIsAnErrorAndNothingIsApplied) {
  const auto events = feed();
  auto checker = shipped_checker();
  const std::size_t reply = 12;  // c-0's agent reply (version 5)
  ASSERT_TRUE(std::holds_alternative<conversation::AgentReplied>(events[reply].event));
  const HistoryLoader broken = [](const std::string&, std::uint64_t) {
    return Expected<std::vector<conversation::Event>, std::string>(
        unexpected(std::string("disk error")));
  };
  auto failed = checker.check(events[reply].id, events[reply].version, events[reply].event, broken);
  ASSERT_FALSE(failed);
  EXPECT_NE(failed.error().find("disk error"), std::string::npos);
  const HistoryLoader short_history = [&](const std::string&, std::uint64_t) {
    return Expected<std::vector<conversation::Event>, std::string>(
        std::vector<conversation::Event>{events[0].event});
  };
  EXPECT_FALSE(
      checker.check(events[reply].id, events[reply].version, events[reply].event, short_history))
      << "a history with a gap is not a state";
  int loads = 0;
  auto retried = checker.check(events[reply].id, events[reply].version, events[reply].event,
                               loader_over(events, &loads));
  ASSERT_TRUE(retried) << retried.error();
  ASSERT_EQ(retried->size(), 1u);
  EXPECT_EQ(retried->front().rule, Rule::rudeness);
}

}  // namespace
}  // namespace sb::quality::testing
