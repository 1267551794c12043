#include "runtime/bot/product_catalog.hpp"

#include "runtime/bot/text_folding.hpp"

namespace sb::bot {
namespace {

// Generic words ("手表", "watch") are aliases too and mean the best-selling model (S3); a longer
// alias wins, so "S3 Pro" and "儿童手表" still find theirs. Bare model codes ("S3", "E5") are
// aliases. Words that also occur outside product talk ("lock" as in "account locked", "手机" as
// in "手机号") are not.
const std::vector<Product>& products() {
  static const std::vector<Product> kProducts{
      {"watch_s3",
       "智能手表 S3",
       "Smart Watch S3",
       {"s3", "智能手表 s3", "智能手表s3", "手表 s3", "手表s3", "s3 手表", "s3手表",
        "smart watch s3", "smartwatch s3", "watch s3", "s3 watch", "智能手表", "手表",
        "smart watch", "smartwatch", "watch"}},
      {"band_b2",
       "智能手环 B2",
       "Smart Band B2",
       {"b2", "智能手环 b2", "智能手环b2", "手环 b2", "手环b2", "smart band b2", "band b2",
        "智能手环", "手环", "smart band", "fitness band", "fitness tracker"}},
      {"earbuds_e5",
       "无线耳机 E5",
       "Wireless Earbuds E5",
       {"e5", "无线耳机 e5", "无线耳机e5", "耳机 e5", "耳机e5", "wireless earbuds e5", "earbuds e5",
        "无线耳机", "蓝牙耳机", "耳机", "wireless earbuds", "earbuds", "earphones", "headphones"}},
      {"speaker_h1",
       "智能音箱 H1",
       "Smart Speaker H1",
       {"h1", "智能音箱 h1", "智能音箱h1", "音箱 h1", "音箱h1", "smart speaker h1", "speaker h1",
        "智能音箱", "音箱", "smart speaker", "speaker"}},
      {"camera_c2",
       "智能摄像头 C2",
       "Smart Camera C2",
       {"c2", "智能摄像头 c2", "智能摄像头c2", "摄像头 c2", "摄像头c2", "smart camera c2",
        "camera c2", "智能摄像头", "摄像头", "监控", "smart camera", "security camera"}},
      {"lock_l7",
       "智能门锁 L7",
       "Smart Lock L7",
       {"l7", "智能门锁 l7", "智能门锁l7", "门锁 l7", "门锁l7", "smart lock l7", "lock l7",
        "智能门锁", "门锁", "指纹锁", "smart lock", "door lock"}},
      {"watch_s3_pro",
       "智能手表 S3 Pro",
       "Smart Watch S3 Pro",
       {"智能手表 s3 pro", "智能手表s3 pro", "手表 s3 pro", "s3 pro 手表", "s3 pro", "s3pro",
        "smart watch s3 pro", "watch s3 pro"}},
      {"kids_watch_k2",
       "儿童手表 K2",
       "Kids Watch K2",
       {"k2", "儿童手表 k2", "儿童手表k2", "儿童手表", "电话手表", "kids watch k2", "kids watch",
        "children's watch"}},
      {"phone_p12",
       "智能手机 P12",
       "Smartphone P12",
       {"智能手机 p12", "智能手机p12", "手机 p12", "手机p12", "smartphone p12", "phone p12",
        "p12"}},
      {"tablet_tab11",
       "平板 Tab 11",
       "Tablet Tab 11",
       {"tab11", "平板 tab 11", "平板tab 11", "平板电脑", "平板", "tablet tab 11", "tab 11",
        "tablet"}},
      {"vacuum_r5",
       "扫地机器人 R5",
       "Robot Vacuum R5",
       {"r5", "扫地机器人 r5", "扫地机器人r5", "扫地机器人", "扫地机", "robot vacuum r5",
        "robot vacuum", "vacuum r5", "vacuum"}},
      {"bulb_e27",
       "智能灯泡 Bulb E27",
       "Smart Bulb E27",
       {"e27", "智能灯泡 bulb e27", "智能灯泡", "灯泡", "smart bulb e27", "smart bulb", "bulb e27",
        "bulb"}},
      {"watch_strap",
       "手表表带",
       "Watch Strap",
       {"手表表带", "表带", "watch strap", "watch band", "strap"}},
      {"charger_65w",
       "65W 氮化镓充电器",
       "65W GaN Charger",
       {"65w 氮化镓充电器", "氮化镓充电器", "氮化镓", "65w 充电器", "65w充电器", "65w gan charger",
        "gan charger", "65w charger"}},
      {"power_bank",
       "充电宝 10000mAh",
       "10000mAh Power Bank",
       {"充电宝 10000mah", "充电宝", "移动电源", "10000mah power bank", "power bank"}},
      {"charging_pad",
       "15W 无线充电板",
       "15W Wireless Charging Pad",
       {"15w 无线充电板", "无线充电板", "无线充电器", "15w wireless charging pad",
        "wireless charging pad", "wireless charger", "charging pad"}},
      {"plug_p1",
       "智能插座 P1",
       "Smart Plug P1",
       {"智能插座 p1", "智能插座p1", "插座 p1", "插座p1", "smart plug p1", "plug p1", "智能插座",
        "插座", "smart plug"}},
  };
  return kProducts;
}

}  // namespace

std::string_view Product::name(Language language) const {
  switch (language) {
    case Language::zh:
      return name_zh;
    case Language::en:
      return name_en;
  }
  return name_en;
}

std::span<const Product> product_catalog() { return products(); }

const Product* find_product_by_id(std::string_view id) {
  for (const auto& product : products()) {
    if (product.id == id) return &product;
  }
  return nullptr;
}

std::optional<ProductMatch> find_product(std::string_view folded_text) {
  std::optional<ProductMatch> best;
  for (const auto& product : products()) {
    for (const auto alias : product.aliases) {
      const std::size_t at = find_phrase(folded_text, alias);
      if (at == std::string_view::npos) continue;
      const bool longer = !best || alias.size() > best->end - best->begin;
      const bool same_and_earlier =
          best && alias.size() == best->end - best->begin && at < best->begin;
      if (longer || same_and_earlier) best = ProductMatch{&product, at, at + alias.size()};
    }
  }
  return best;
}

}  // namespace sb::bot
