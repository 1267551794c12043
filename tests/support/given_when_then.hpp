#pragma once
// Given/when/then for pure deciders (after fmodel's specification DSL):
//   auto outcome = given<Decider>({past events...}).when(command);
//   EXPECT_EQ(outcome.events(), (std::vector<Event>{...}));
//   EXPECT_EQ(outcome.rejection_code(), Rejection::...);
// The state after `when` is the fold of the given events plus the accepted ones, exactly as the
// runtime would rebuild it.

#include <gtest/gtest.h>

#include <optional>
#include <utility>
#include <vector>

#include "actors/common/decider.hpp"

namespace sb::testing {

template <class D>
class Outcome {
 public:
  Outcome(typename D::State before, Decision<typename D::Event, typename D::Rejection> decision)
      : before_(std::move(before)), decision_(std::move(decision)) {}

  bool accepted() const { return decision_.accepted(); }

  // The events the command produced; fails the test if it was rejected.
  std::vector<typename D::Event> events() const {
    if (!decision_.accepted()) {
      ADD_FAILURE() << "command was rejected: " << to_string(decision_.rejection().code) << " ("
                    << decision_.rejection().detail << ")";
      return {};
    }
    return decision_.events();
  }

  // The rejection code; fails the test if the command was accepted.
  std::optional<typename D::Rejection> rejection_code() const {
    if (decision_.accepted()) {
      ADD_FAILURE() << "command was accepted with " << decision_.events().size() << " event(s)";
      return std::nullopt;
    }
    return decision_.rejection().code;
  }
  std::string rejection_detail() const {
    return decision_.accepted() ? std::string() : decision_.rejection().detail;
  }

  // The state after applying the accepted events (the given state when rejected).
  typename D::State state() const {
    if (!decision_.accepted()) return before_;
    return fold_events<D>(decision_.events(), before_);
  }

 private:
  typename D::State before_;
  Decision<typename D::Event, typename D::Rejection> decision_;
};

template <class D>
class Given {
 public:
  explicit Given(typename D::State state) : state_(std::move(state)) {}

  Outcome<D> when(const typename D::Command& command) const {
    return Outcome<D>(state_, D::decide(state_, command));
  }
  // Applies `command` and continues from the resulting state (for multi-step scenarios).
  Given then_also(const typename D::Command& command) const {
    return Given(when(command).state());
  }
  const typename D::State& state() const { return state_; }

 private:
  typename D::State state_;
};

template <class D>
Given<D> given(const std::vector<typename D::Event>& history) {
  return Given<D>(fold_events<D>(history));
}

}  // namespace sb::testing
