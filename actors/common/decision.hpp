#pragma once
// The outcome of a decider: the events a command causes, or why it was refused.
// Pure data; the runtime persists accepted events and replies with rejections as values.

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sb {

// A refused command: a machine-readable code and a sentence for the person who sent it.
template <class Rejection>
struct Rejected {
  Rejection code;
  std::string detail;
  bool operator==(const Rejected&) const = default;
};

template <class Event, class Rejection>
class Decision {
 public:
  static Decision accept(std::vector<Event> events) { return Decision(std::move(events)); }
  static Decision reject(Rejection code, std::string detail = {}) {
    return Decision(Rejected<Rejection>{code, std::move(detail)});
  }

  bool accepted() const { return std::holds_alternative<std::vector<Event>>(outcome_); }
  // REQUIRES: accepted()
  const std::vector<Event>& events() const { return std::get<std::vector<Event>>(outcome_); }
  std::vector<Event>& events() { return std::get<std::vector<Event>>(outcome_); }
  // REQUIRES: !accepted()
  const Rejected<Rejection>& rejection() const { return std::get<Rejected<Rejection>>(outcome_); }

 private:
  explicit Decision(std::vector<Event> events) : outcome_(std::move(events)) {}
  explicit Decision(Rejected<Rejection> rejected) : outcome_(std::move(rejected)) {}

  std::variant<std::vector<Event>, Rejected<Rejection>> outcome_;
};

}  // namespace sb
