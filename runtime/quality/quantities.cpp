#include "runtime/quality/quantities.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "runtime/quality/phrase_matcher.hpp"

namespace sb::quality {
namespace {

// A date's year is not a duration.
inline constexpr double kYearsMax = 100;

struct UnitWord {
  std::string_view word;  // folded (lower-case)
  Unit unit;
};

// Longest first, so "business days" wins over "days" and "个工作日" over "工作日".
constexpr std::array<UnitWord, 24> kUnitWords{{
    {"business days", Unit::business_day},
    {"working days", Unit::business_day},
    {"business day", Unit::business_day},
    {"working day", Unit::business_day},
    {"个工作日", Unit::business_day},
    {"工作日", Unit::business_day},
    {"minutes", Unit::minute},
    {"minute", Unit::minute},
    {"分钟", Unit::minute},
    {"hours", Unit::hour},
    {"hour", Unit::hour},
    {"个小时", Unit::hour},
    {"小时", Unit::hour},
    {"days", Unit::day},
    {"day", Unit::day},
    {"天", Unit::day},
    {"weeks", Unit::week},
    {"week", Unit::week},
    {"months", Unit::month},
    {"month", Unit::month},
    {"个月", Unit::month},
    {"years", Unit::year},
    {"year", Unit::year},
    {"年", Unit::year},
}};

constexpr std::array<std::string_view, 3> kYuanPrefixes{"\xC2\xA5", "\xEF\xBF\xA5", "rmb"};  // ¥ ￥
constexpr std::array<std::string_view, 3> kYuanSuffixes{"yuan", "元", "rmb"};
// Dashes and words that join a range: "1-3", "1–3", "1~3", "1 to 3", "1 至 3", "1到3".
constexpr std::array<std::string_view, 7> kRangeJoins{
    "-", "\xE2\x80\x93", "\xE2\x80\x94", "~", " to ", "至", "到"};

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<Quantity> all() {
    std::vector<Quantity> out;
    while (pos_ < text_.size()) {
      if (!digit(text_[pos_]) || (pos_ > 0 && (letter(text_[pos_ - 1]) || digit(text_[pos_ - 1]) ||
                                               text_[pos_ - 1] == '.' || text_[pos_ - 1] == ':'))) {
        ++pos_;
        continue;
      }
      const std::size_t start = pos_;
      if (auto q = quantity_at(start)) out.push_back(std::move(*q));
      pos_ = std::max(pos_, start + 1);
    }
    return out;
  }

 private:
  std::optional<Quantity> quantity_at(std::size_t start) {
    const bool yuan_before = yuan_prefix_before(start);
    double low = number();
    if (pos_ < text_.size() && (text_[pos_] == ':' || letter_glued())) return std::nullopt;
    double high = low;
    const std::size_t before_join = pos_;
    if (joins_range()) {
      skip_spaces();
      if (pos_ < text_.size() && digit(text_[pos_])) {
        high = number();
      } else {
        pos_ = before_join;
      }
    }
    std::optional<Unit> unit;
    if (yuan_before) {
      unit = Unit::yuan;
    } else {
      unit = unit_after();
    }
    if (!unit || (*unit == Unit::year && high >= kYearsMax)) return std::nullopt;
    return Quantity{low, high, *unit, std::string(text_.substr(start, pos_ - start))};
  }

  double number() {
    double value = 0;
    while (pos_ < text_.size()) {
      if (digit(text_[pos_])) {
        value = value * 10 + (text_[pos_] - '0');
      } else if (!thousands_group_at(pos_)) {
        break;
      }
      ++pos_;
    }
    if (pos_ + 1 < text_.size() && text_[pos_] == '.' && digit(text_[pos_ + 1])) {
      double scale = 0.1;
      for (++pos_; pos_ < text_.size() && digit(text_[pos_]); ++pos_, scale /= 10) {
        value += (text_[pos_] - '0') * scale;
      }
    }
    return value;
  }

  // ",000" followed by a non-digit: "1,000" is one number, "7,15" is not.
  bool thousands_group_at(std::size_t at) const {
    if (text_[at] != ',' || at + 3 >= text_.size() + 1) return false;
    for (std::size_t k = at + 1; k <= at + 3; ++k) {
      if (k >= text_.size() || !digit(text_[k])) return false;
    }
    return at + 4 >= text_.size() || !digit(text_[at + 4]);
  }

  bool letter_glued() const { return pos_ < text_.size() && letter(text_[pos_]) && !unit_starts(); }
  bool unit_starts() const {
    const std::string rest = fold_for_matching(text_.substr(pos_, 16));
    for (const auto& u : kUnitWords) {
      if (rest.starts_with(u.word)) return true;
    }
    return rest.starts_with("yuan") || rest.starts_with("rmb");
  }

  void skip_spaces() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }

  bool joins_range() {
    const std::size_t saved = pos_;
    skip_spaces();
    for (const auto join : kRangeJoins) {
      const std::string_view trimmed = join == " to " ? std::string_view("to ") : join;
      if (text_.substr(pos_).starts_with(trimmed)) {
        pos_ += trimmed.size();
        return true;
      }
    }
    pos_ = saved;
    return false;
  }

  std::optional<Unit> unit_after() {
    const std::size_t saved = pos_;
    skip_spaces();
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;  // "7-day"
    if (pos_ < text_.size() && text_[pos_] == '%') {
      ++pos_;
      return Unit::percent;
    }
    const std::string rest = fold_for_matching(text_.substr(pos_, 24));
    for (const auto suffix : kYuanSuffixes) {
      if (rest.starts_with(suffix)) {
        pos_ += suffix.size();
        return Unit::yuan;
      }
    }
    for (const auto& u : kUnitWords) {
      if (!rest.starts_with(u.word)) continue;
      // An ASCII unit must end a word ("days", not "dayspring").
      const std::size_t end = u.word.size();
      if (letter(u.word.front()) && end < rest.size() && letter(rest[end])) continue;
      pos_ += u.word.size();
      return u.unit;
    }
    pos_ = saved;
    return std::nullopt;
  }

  bool yuan_prefix_before(std::size_t start) const {
    std::size_t at = start;
    while (at > 0 && text_[at - 1] == ' ') --at;
    const std::string before =
        fold_for_matching(text_.substr(at >= 3 ? at - 3 : 0, at >= 3 ? 3 : at));
    for (const auto prefix : kYuanPrefixes) {
      if (before.ends_with(prefix)) return true;
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

std::string describe(double low, double high) {
  auto one = [](double v) {
    const auto whole = static_cast<long long>(v);
    return static_cast<double>(whole) == v ? std::to_string(whole) : std::to_string(v);
  };
  return low == high ? one(low) : one(low) + "-" + one(high);
}

}  // namespace

std::string_view to_string(Unit unit) {
  switch (unit) {
    case Unit::minute:
      return "minute";
    case Unit::hour:
      return "hour";
    case Unit::day:
      return "day";
    case Unit::business_day:
      return "business day";
    case Unit::week:
      return "week";
    case Unit::month:
      return "month";
    case Unit::year:
      return "year";
    case Unit::yuan:
      return "yuan";
    case Unit::percent:
      return "percent";
  }
  return "unknown";
}

std::vector<Quantity> extract_quantities(std::string_view text) { return Scanner(text).all(); }

std::optional<std::string> find_kb_contradiction(std::string_view reply,
                                                 std::string_view kb_answer) {
  if (kb_answer.empty()) return std::nullopt;
  const std::vector<Quantity> kb = extract_quantities(kb_answer);
  for (const Quantity& q : extract_quantities(reply)) {
    std::string known;
    bool consistent = false;
    for (const Quantity& k : kb) {
      if (k.unit != q.unit) continue;
      known += (known.empty() ? "" : ", ") + describe(k.low, k.high);
      consistent = consistent || (k.low <= q.low && q.high <= k.high);
    }
    if (!known.empty() && !consistent) {
      return "reply says \"" + q.text + "\" (" + describe(q.low, q.high) + " " +
             std::string(to_string(q.unit)) + "); the knowledge base says " + known + " " +
             std::string(to_string(q.unit));
    }
  }
  return std::nullopt;
}

}  // namespace sb::quality
