// Kill -9 under load, restart, verify: a child process runs the node stack in sync mode with
// concurrent clients and prints every acknowledged command; it is killed at random moments,
// repeatedly, on the same data directory. After each kill, every acknowledged append is in the
// log, every history is gap-free and decodes, and the feed matches the entities.

#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "actors/agent/agent_codec.hpp"
#include "actors/agent/agent_decider.hpp"
#include "runtime/journal/rocksdb_journal.hpp"
#include "tests/support/temp_dir.hpp"

extern char** environ;

namespace sb::runtime {
namespace {

constexpr int kAgents = 24;
constexpr int kRounds = 5;

struct ChildRun {
  std::map<std::string, std::uint64_t> acknowledged;  // highest acknowledged version per agent
  std::size_t acks = 0;
};

// Starts the child, lets it work for `run_for`, kills it with SIGKILL and returns its acks.
ChildRun run_and_kill(const std::string& dir, std::chrono::milliseconds run_for) {
  int pipe_fds[2];
  EXPECT_EQ(pipe(pipe_fds), 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  const std::string agents = std::to_string(kAgents);
  char* args[] = {const_cast<char*>(SB_CRASH_CHILD), const_cast<char*>(dir.c_str()),
                  const_cast<char*>(agents.c_str()), nullptr};
  pid_t pid = 0;
  EXPECT_EQ(posix_spawn(&pid, SB_CRASH_CHILD, &actions, nullptr, args, environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);

  ChildRun run;
  FILE* out = fdopen(pipe_fds[0], "r");
  std::thread killer([pid, run_for, out] {
    // Wait for "ready" is done by the reader; the clock starts now, which is early enough.
    std::this_thread::sleep_for(run_for);
    kill(pid, SIGKILL);
    (void)out;
  });
  char line[256];
  while (std::fgets(line, sizeof line, out) != nullptr) {
    char id[64];
    unsigned long long version = 0;
    if (std::sscanf(line, "ack %63s %llu", id, &version) == 2) {
      auto& best = run.acknowledged[id];
      best = std::max<std::uint64_t>(best, version);
      ++run.acks;
    }
  }
  killer.join();
  std::fclose(out);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the child ended by itself";
  return run;
}

TEST(CrashTest, EveryAcknowledgedAppendSurvivesKillNine) {
  sb::testing::TempDir dir;
  std::mt19937 rng(20261124);
  std::map<std::string, std::uint64_t> acknowledged;
  std::size_t total_acks = 0;
  for (int round = 0; round < kRounds; ++round) {
    auto run = run_and_kill(dir.str(), std::chrono::milliseconds(300 + rng() % 700));
    total_acks += run.acks;
    for (const auto& [id, version] : run.acknowledged) {
      acknowledged[id] = std::max(acknowledged[id], version);
    }
    auto opened = RocksDbJournal::open({dir.str(), nullptr});
    ASSERT_TRUE(opened) << opened.error().message;
    auto& journal = **opened;
    std::uint64_t events = 0;
    for (int i = 0; i < kAgents; ++i) {
      const std::string id = "a-" + std::to_string(i);
      auto recovery = journal.recover(EntityKey{EntityKind::agent, id});
      ASSERT_TRUE(recovery) << id << ": " << recovery.error().message;
      EXPECT_GE(recovery->version, acknowledged[id]) << id << " lost an acknowledged append in round " << round;
      // The history decodes and folds (the snapshot, when there is one, matches the replay).
      agent::State state;
      auto history = journal.read(EntityKey{EntityKind::agent, id}, 0, recovery->version);
      ASSERT_TRUE(history) << history.error().message;
      for (const auto& record : *history) {
        auto event = agent::Codec::decode_event(record.payload);
        ASSERT_TRUE(event) << event.error();
        state = agent::Decider::evolve(std::move(state), *event);
      }
      if (recovery->snapshot) {
        auto snapshot_state = agent::Codec::decode_state(recovery->snapshot->state);
        ASSERT_TRUE(snapshot_state);
      }
      events += recovery->version;
    }
    EXPECT_EQ(journal.last_seq(), events) << "the feed and the entities disagree";
  }
  EXPECT_GT(total_acks, 100u) << "the child did too little work to prove anything";
  std::printf("crash test: %d kills, %zu acknowledged commands verified\n", kRounds, total_acks);
}

}  // namespace
}  // namespace sb::runtime
