#pragma once
// The command-line flags of a benchmark: `--name value` options and `--name` switches, each bound
// to the field it sets. An unknown flag, a missing value or one that does not parse prints why and
// the usage and exits with 2: a benchmark that quietly ran on its defaults would mislead.

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sstream>
#include <type_traits>
#include <string>
#include <utility>
#include <vector>

namespace sb::bench {

class BenchFlags {
 public:
  explicit BenchFlags(std::string usage) : usage_(std::move(usage)) {}

  // `--name TEXT`: `set` takes the text and says whether it was valid.
  BenchFlags& option(std::string name, std::function<bool(const std::string&)> set) {
    flags_.push_back({std::move(name), false, std::move(set)});
    return *this;
  }
  // `--name VALUE`, read as T (a number, or the text itself for a string).
  template <class T>
  BenchFlags& value(std::string name, T& target) {
    return option(std::move(name), [&target](const std::string& text) {
      if constexpr (std::is_same_v<T, std::string>) {
        target = text;
        return true;
      } else {
        std::istringstream in(text);
        T parsed{};
        in >> parsed;
        if (in.fail() || !in.eof()) return false;
        target = parsed;
        return true;
      }
    });
  }
  // `--name`: sets `target`.
  BenchFlags& toggle(std::string name, bool& target) {
    flags_.push_back({std::move(name), true, [&target](const std::string&) {
                        target = true;
                        return true;
                      }});
    return *this;
  }

  void parse(int argc, char** argv) const {
    for (int i = 1; i < argc; ++i) {
      const std::string name = argv[i];
      const Flag* flag = find(name);
      if (flag == nullptr) fail("unknown flag " + name);
      if (flag->is_toggle) {
        flag->set({});
        continue;
      }
      if (i + 1 >= argc) fail(name + " needs a value");
      const std::string text = argv[++i];
      if (!flag->set(text)) fail("bad value for " + name + ": " + text);
    }
  }

 private:
  struct Flag {
    std::string name;
    bool is_toggle = false;
    std::function<bool(const std::string&)> set;
  };

  const Flag* find(const std::string& name) const {
    for (const auto& flag : flags_) {
      if (flag.name == name) return &flag;
    }
    return nullptr;
  }
  [[noreturn]] void fail(const std::string& why) const {
    std::fprintf(stderr, "%s\nusage: %s\n", why.c_str(), usage_.c_str());
    std::exit(2);
  }

  std::string usage_;
  std::vector<Flag> flags_;
};

}  // namespace sb::bench
