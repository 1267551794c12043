#pragma once
// Personal data an agent must not write back into a chat: bank card numbers (13..19 digits that
// pass the Luhn check), Chinese resident ID numbers (18 characters, valid birth date and GB 11643
// checksum) and phone numbers (mainland mobiles 1[3-9]xxxxxxxxx, optionally +86, and any
// +international number). Digits may be grouped by single spaces or dashes. A run glued to letters
// (an order number like SB2026111105, a model like P12) is an identifier, not personal data.

#include <string>
#include <string_view>
#include <vector>

#include "runtime/quality/violation.hpp"

namespace sb::quality {

inline constexpr std::size_t kMaskedDigitsShown = 4;

struct PersonalDataFound {
  Rule rule = Rule::card_number;  // card_number, national_id or phone_number
  std::string masked;             // e.g. "****1234"
};

// `allowed` numbers (digits only, e.g. the shop's hotline) are never reported.
std::vector<PersonalDataFound> find_personal_data(std::string_view text,
                                                  const std::vector<std::string>& allowed);

bool luhn_valid(std::string_view digits);
// `id` is 17 digits and a check character (digit or X).
bool chinese_id_valid(std::string_view id);
// "****" and the last kMaskedDigitsShown characters.
std::string mask(std::string_view digits);

}  // namespace sb::quality
