#pragma once
// Integrates each agent's presence and load over time (from the Agent's own events, folded with
// agent::evolve) into hour cells: logged-in, online and busy time, the load integral, accepts.
// Time between an agent's last event and "now" (the feed's watermark) is added at query time by
// open_tails, so a quiet online agent still counts as online.

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>

#include "actors/agent/agent_model.hpp"
#include "runtime/analytics/read_models.hpp"

namespace sb::analytics {

struct AgentTrack {
  agent::State state;
  std::int64_t last_ms = 0;
  bool started = false;
};

class AgentTracker {
 public:
  explicit AgentTracker(ReadModels& models) : models_(&models) {}

  void apply(const std::string& agent_id, const agent::Event& event);

  // Files every agent's time up to `now_ms` (housekeeping, before old hours are dropped; the
  // figures do not change, only where the open interval starts).
  void flush(std::int64_t now_ms);

  // Calls `add(hour, agent, cell)` for every agent's time since its last event up to `end_ms`,
  // cut at hour boundaries.
  void open_tails(std::int64_t end_ms,
                  const std::function<void(std::int64_t, NameId, const AgentCell&)>& add) const;

 private:
  std::unordered_map<NameId, AgentTrack> tracks_;
  ReadModels* models_;
};

// The presence integral of `state` over [from_ms, to_ms), one call per hour it touches.
void integrate_presence(const agent::State& state, std::int64_t from_ms, std::int64_t to_ms,
                        const std::function<void(std::int64_t, const AgentCell&)>& add);

}  // namespace sb::analytics
