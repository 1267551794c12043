#pragma once
// Brings conversations to life the way customers do: each of `conversations` customers (web
// visitors "v0", "v1" ...) sends `messages` messages through ServiceApi::deliver, one after the
// other (the next once the previous is answered), `in_flight` customers at a time. Each first
// message registers the customer and opens a conversation (two entity actors); the bot answers
// every message. The texts are the knowledge base's own questions (load::QuestionMix).

#include <cstdint>
#include <string>

#include "runtime/load/latency_recorder.hpp"
#include "runtime/service/service_api.hpp"

namespace sb::load {
class QuestionMix;
}

namespace sb::bench {

struct ConversationFillOptions {
  std::uint64_t conversations = 100'000;
  int messages = 3;
  std::size_t in_flight = 256;
  bool progress = true;  // a line on stderr every 10%
};

struct ConversationFillResult {
  std::uint64_t delivered = 0;
  std::uint64_t failed = 0;
  std::string first_error;
  double seconds = 0;
};

ConversationFillResult fill_conversations(service::ServiceApi& api,
                                          const load::QuestionMix& questions,
                                          const ConversationFillOptions& options);

// `count` of the filled customers (spread evenly over them) each send one more message, one
// customer at a time. With passivated entities this is a customer coming back to an open
// conversation that is on disk: the message must continue that conversation (`<customer>/c1`).
struct ResumeResult {
  load::LatencySummary latency;  // deliver -> result of the messages answered (their count too)
  std::uint64_t failed = 0;      // an error, or a different conversation than the open one
  std::string first_error;
};

ResumeResult resume_conversations(service::ServiceApi& api, const load::QuestionMix& questions,
                                  const ConversationFillOptions& filled, std::uint64_t count);

}  // namespace sb::bench
