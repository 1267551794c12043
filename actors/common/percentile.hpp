#pragma once
// One definition of a percentile for every figure the project prints (reports, load results,
// benchmarks, the NLU evaluation): the nearest rank, the sample at rank ceil(p * n).

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace sb {

// The nearest-rank index (0-based) of percentile p (0..1) among n sorted samples; 0 when n is 0.
inline std::size_t nearest_rank_index(double p, std::size_t n) {
  if (n == 0) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(n)));
  return std::clamp<std::size_t>(rank, 1, n) - 1;
}

// The nearest-rank percentile p of `values`, in any order; T{} when there are none.
template <class T>
T nearest_rank_percentile(std::vector<T> values, double p) {
  if (values.empty()) return T{};
  const auto index = nearest_rank_index(p, values.size());
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
  return values[index];
}

}  // namespace sb
