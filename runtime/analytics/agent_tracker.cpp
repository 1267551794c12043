#include "runtime/analytics/agent_tracker.hpp"

#include <algorithm>
#include <cmath>

#include "actors/agent/agent_decider.hpp"

namespace sb::analytics {

void integrate_presence(const agent::State& state, std::int64_t from_ms, std::int64_t to_ms,
                        const std::function<void(std::int64_t, const AgentCell&)>& add) {
  if (state.presence == agent::Presence::offline) return;
  const bool online = state.presence == agent::Presence::online;
  const bool busy = online && !state.active.empty();
  const std::int64_t permille = online ? std::llround(agent::load(state) * 1000.0) : 0;
  while (from_ms < to_ms) {
    const std::int64_t hour = hour_of(from_ms);
    const std::int64_t end = std::min(to_ms, (hour + 1) * kHourMs);
    const std::int64_t span = end - from_ms;
    AgentCell cell;
    cell.logged_in_ms = span;
    cell.online_ms = online ? span : 0;
    cell.busy_ms = busy ? span : 0;
    cell.load_permille_ms = permille * span;
    add(hour, cell);
    from_ms = end;
  }
}

void AgentTracker::apply(const std::string& agent_id, const agent::Event& event) {
  const NameId id = models_->names.intern(agent_id);
  AgentTrack& track = tracks_[id];
  const std::int64_t at = to_unix_ms(std::visit([](const auto& e) { return e.at; }, event));
  // Clocks of different nodes disagree a little: time never runs backwards for one agent.
  if (track.started && at > track.last_ms) {
    integrate_presence(track.state, track.last_ms, at, [&](std::int64_t hour, const AgentCell& c) {
      models_->bucket(hour).agents[id].merge(c);
    });
  }
  track.last_ms = track.started ? std::max(track.last_ms, at) : at;
  track.started = true;
  track.state = agent::evolve(std::move(track.state), event);
  if (std::holds_alternative<agent::ConversationAccepted>(event)) {
    ++models_->hour(at).agents[id].accepted;
  }
}

void AgentTracker::flush(std::int64_t now_ms) {
  for (auto& [id, track] : tracks_) {
    if (!track.started || now_ms <= track.last_ms) continue;
    integrate_presence(track.state, track.last_ms, now_ms,
                       [&, agent = id](std::int64_t hour, const AgentCell& c) {
                         models_->bucket(hour).agents[agent].merge(c);
                       });
    track.last_ms = now_ms;
  }
}

void AgentTracker::open_tails(
    std::int64_t end_ms,
    const std::function<void(std::int64_t, NameId, const AgentCell&)>& add) const {
  for (const auto& [id, track] : tracks_) {
    if (!track.started || end_ms <= track.last_ms) continue;
    integrate_presence(track.state, track.last_ms, end_ms,
                       [&](std::int64_t hour, const AgentCell& c) { add(hour, id, c); });
  }
}

}  // namespace sb::analytics
