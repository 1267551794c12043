// Knowledge-base versions over the real node: an import is a durable version the bot answers
// from at once and after a restart; a bad file is refused with its line and changes nothing; the
// same content twice is refused; a roll-back makes the shipped file current again.

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/service/service_fixture.hpp"

namespace sb::service {
namespace {

using namespace sb::service::testing;

constexpr const char* kMarker = "MARKER-V1";

// The shipped knowledge base with the battery-life answer replaced by one that names kMarker.
std::string edited_knowledge_base() {
  std::ifstream in(std::string(SB_SOURCE_DIR) + "/config/kb/default_kb.jsonl");
  std::ostringstream out;
  for (std::string line; std::getline(in, line);) {
    if (line.find("\"intent\":\"battery_life\"") != std::string::npos) {
      auto entry = nlohmann::json::parse(line);
      entry["answer"]["zh"] = std::string("续航问题请看新版说明 ") + kMarker;
      line = entry.dump();
    }
    out << line << '\n';
  }
  return out.str();
}

class KnowledgeBaseVersionsTest : public NodeFixture {
 protected:
  std::string bot_says(const std::string& user, const std::string& text) {
    auto result = say(user, user + "-m1", text);
    EXPECT_TRUE(result) << result.error().message;
    return result && result->bot_reply ? result->bot_reply->text : std::string();
  }
  std::vector<KnowledgeBaseVersion> versions() {
    auto listed = wait_for<std::vector<KnowledgeBaseVersion>>(
        [&](auto done) { api().knowledge_base_versions(done); });
    EXPECT_TRUE(listed) << listed.error().message;
    return listed ? *listed : std::vector<KnowledgeBaseVersion>{};
  }
};

TEST_F(KnowledgeBaseVersionsTest, ImportRestartRollBack) {
  start();
  ASSERT_EQ(versions().size(), 1u);
  EXPECT_TRUE(versions()[0].current) << "version 0, the shipped file, is current";
  EXPECT_EQ(bot_says("u-1", "手表电池不够用").find(kMarker), std::string::npos);

  const auto content = edited_knowledge_base();
  auto imported = wait_for<KnowledgeBaseVersion>(
      [&](auto done) { api().import_knowledge_base(content, done); });
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(imported->version, 1u);
  EXPECT_GE(imported->intents, 60u);
  EXPECT_EQ(imported->sha256.size(), 64u);
  EXPECT_NE(bot_says("u-2", "手表电池不够用").find(kMarker), std::string::npos);

  auto again = wait_for<KnowledgeBaseVersion>(
      [&](auto done) { api().import_knowledge_base(content, done); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().rejection, "unchanged");
  auto broken = wait_for<KnowledgeBaseVersion>(
      [&](auto done) { api().import_knowledge_base(content + "{\"intent\": oops}\n", done); });
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, ErrorCode::invalid_argument);
  EXPECT_NE(broken.error().message.find("line"), std::string::npos) << broken.error().message;

  stop();
  start();  // the bot comes back on version 1, from the log
  auto listed = versions();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_FALSE(listed[0].current);
  EXPECT_TRUE(listed[1].current);
  EXPECT_NE(bot_says("u-3", "手表电池不够用").find(kMarker), std::string::npos);

  auto back =
      wait_for<KnowledgeBaseVersion>([&](auto done) { api().roll_back_knowledge_base(0, done); });
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->version, 0u);
  EXPECT_EQ(bot_says("u-4", "手表电池不够用").find(kMarker), std::string::npos);
  listed = versions();
  ASSERT_EQ(listed.size(), 2u) << "a roll-back deletes nothing";
  EXPECT_TRUE(listed[0].current);
  auto unknown =
      wait_for<KnowledgeBaseVersion>([&](auto done) { api().roll_back_knowledge_base(9, done); });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace sb::service
