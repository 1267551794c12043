#pragma once
// A CAF message handler that runs a prelude before the handler it wraps.
//
// CAF dispatches a message by the handler's parameter types, read from its call operator, so a
// generic lambda cannot wrap a handler: `with_prelude` builds a functor whose call operator has
// exactly the wrapped handler's parameters and result.

#include <utility>

#include <caf/detail/type_traits.hpp>

namespace sb::runtime {
namespace detail {

template <class F, class Prelude, class Args>
struct WithPrelude;

template <class F, class Prelude, class... Args>
struct WithPrelude<F, Prelude, caf::detail::type_list<Args...>> {
  F handler;
  Prelude prelude;
  auto operator()(Args... xs) {
    prelude();
    return handler(std::forward<Args>(xs)...);
  }
};

}  // namespace detail

template <class F, class Prelude>
auto with_prelude(F handler, Prelude prelude) {
  using Args = typename caf::detail::get_callable_trait<F>::arg_types;
  return detail::WithPrelude<F, Prelude, Args>{std::move(handler), std::move(prelude)};
}

}  // namespace sb::runtime
