#pragma once
// The usual visitor helper: std::visit(Overloaded{[](const A&) {...}, [](const B&) {...}}, v).
// Deliberately no catch-all overload: a new alternative must fail to compile until handled.

namespace sb {

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace sb
