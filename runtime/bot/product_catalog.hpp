#pragma once
// The shop's products, for the `product` slot: a canonical id, a display name per language and the
// aliases customers write. A table in code because the KB format has no product list; the sample
// orders name their items with these display names.

#include <span>
#include <string_view>
#include <vector>

#include "runtime/bot/language.hpp"

namespace sb::bot {

struct Product {
  std::string_view id;  // the slot value, e.g. "watch_s3"
  std::string_view name_zh;
  std::string_view name_en;
  // Folded (lower-case ASCII, half-width) phrases that name the product; longer ones win.
  std::vector<std::string_view> aliases;

  std::string_view name(Language language) const;
};

std::span<const Product> product_catalog();

// nullptr when `id` is not in the catalog.
const Product* find_product_by_id(std::string_view id);

// The product whose longest alias occurs in `folded_text` (see fold_text), with the alias's byte
// span; ties go to the earlier occurrence. nullopt when no alias occurs.
struct ProductMatch {
  const Product* product = nullptr;
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::optional<ProductMatch> find_product(std::string_view folded_text);

}  // namespace sb::bot
