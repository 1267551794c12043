#include "runtime/quality/personal_data.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace sb::quality {
namespace {

inline constexpr std::size_t kCardDigitsMin = 13;
inline constexpr std::size_t kCardDigitsMax = 19;
inline constexpr std::size_t kIdLength = 18;
inline constexpr std::size_t kMobileDigits = 11;
inline constexpr std::size_t kInternationalDigitsMin = 8;
inline constexpr std::size_t kInternationalDigitsMax = 15;

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// A run of digits, possibly grouped by single spaces or dashes, with an optional X check
// character at the end (ID numbers) and whether a '+' introduced it.
struct DigitRun {
  std::string digits;
  bool plus = false;
  bool glued = false;  // touches a letter or another digit-ish character: an identifier
};

std::vector<DigitRun> digit_runs(std::string_view text) {
  std::vector<DigitRun> runs;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!digit(text[i])) {
      ++i;
      continue;
    }
    DigitRun run;
    const std::size_t start = i;
    run.plus = start > 0 && text[start - 1] == '+';
    run.glued =
        start > 0 && (letter(text[start - 1]) || text[start - 1] == '.' || text[start - 1] == '_');
    while (i < text.size()) {
      if (digit(text[i])) {
        run.digits.push_back(text[i++]);
      } else if ((text[i] == ' ' || text[i] == '-') && i + 1 < text.size() && digit(text[i + 1])) {
        ++i;
      } else {
        break;
      }
    }
    if (i < text.size() && (text[i] == 'X' || text[i] == 'x') &&
        run.digits.size() == kIdLength - 1) {
      run.digits.push_back('X');
      ++i;
    }
    if (i < text.size() && (letter(text[i]) || text[i] == '_')) run.glued = true;
    runs.push_back(std::move(run));
  }
  return runs;
}

bool plausible_birth_date(std::string_view id) {
  auto number = [&](std::size_t at, std::size_t length) {
    int v = 0;
    for (std::size_t k = at; k < at + length; ++k) v = v * 10 + (id[k] - '0');
    return v;
  };
  const int year = number(6, 4);
  const int month = number(10, 2);
  const int day = number(12, 2);
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool mobile(std::string_view d) {
  return d.size() == kMobileDigits && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

}  // namespace

bool luhn_valid(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (!digit(*it)) return false;
    int v = *it - '0';
    if (twice) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool chinese_id_valid(std::string_view id) {
  static constexpr std::array<int, 17> kWeights{7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                3, 7, 9,  10, 5, 8, 4, 2};
  static constexpr std::string_view kCheck = "10X98765432";
  if (id.size() != kIdLength) return false;
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) {
    if (!digit(id[i])) return false;
    sum += (id[i] - '0') * kWeights[i];
  }
  const char check = static_cast<char>(std::toupper(static_cast<unsigned char>(id[17])));
  return check == kCheck[static_cast<std::size_t>(sum % 11)] && plausible_birth_date(id);
}

std::string mask(std::string_view digits) {
  const std::size_t shown = std::min(digits.size(), kMaskedDigitsShown);
  return "****" + std::string(digits.substr(digits.size() - shown));
}

std::vector<PersonalDataFound> find_personal_data(std::string_view text,
                                                  const std::vector<std::string>& allowed) {
  std::vector<PersonalDataFound> found;
  for (const DigitRun& run : digit_runs(text)) {
    const std::string& d = run.digits;
    if (run.glued || std::find(allowed.begin(), allowed.end(), d) != allowed.end()) continue;
    if (chinese_id_valid(d)) {
      found.push_back({Rule::national_id, mask(d)});
    } else if (mobile(d) || (d.size() == kMobileDigits + 2 && d.starts_with("86") &&
                             mobile(std::string_view(d).substr(2)))) {
      found.push_back({Rule::phone_number, mask(d)});
    } else if (run.plus && d.size() >= kInternationalDigitsMin &&
               d.size() <= kInternationalDigitsMax) {
      found.push_back({Rule::phone_number, mask(d)});
    } else if (d.size() >= kCardDigitsMin && d.size() <= kCardDigitsMax && luhn_valid(d)) {
      found.push_back({Rule::card_number, mask(d)});
    }
  }
  return found;
}

}  // namespace sb::quality
