#include "runtime/placement/placement.hpp"

#include <cmath>
#include <limits>

namespace sb::runtime {
namespace {

constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

std::uint64_t fnv1a(std::uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= kFnvPrime;
  }
  return h;
}

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Uniform in (0, 1]: never 0, so ln() is finite.
double unit_interval(std::uint64_t h) {
  return (static_cast<double>(h >> 11) + 1.0) / static_cast<double>(1ULL << 53);
}

}  // namespace

std::uint64_t stable_hash(EntityKind kind, std::string_view id) {
  const char kind_byte = static_cast<char>(kind);
  std::uint64_t h = fnv1a(kFnvOffset, std::string_view(&kind_byte, 1));
  return splitmix64(fnv1a(h, id));
}

std::optional<std::string> owner_of(std::uint32_t vshard, const std::vector<Member>& members) {
  const Member* best = nullptr;
  double best_draw = -std::numeric_limits<double>::infinity();
  for (const auto& member : members) {
    if (!(member.weight > 0)) continue;
    const std::uint64_t h = splitmix64(fnv1a(kFnvOffset ^ vshard, member.node_id));
    const double draw = std::log(unit_interval(h)) / member.weight;
    if (best == nullptr || draw > best_draw || (draw == best_draw && member.node_id < best->node_id)) {
      best = &member;
      best_draw = draw;
    }
  }
  if (best == nullptr) return std::nullopt;
  return best->node_id;
}

}  // namespace sb::runtime
