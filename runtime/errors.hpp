#pragma once
// Infrastructure failures between actors are caf::error values of category "switchboard",
// with a human sentence in the context. Domain rejections never use this: they are data.

#include <caf/error.hpp>

#include <cstdint>
#include <string>

#include "runtime/journal/journal_types.hpp"

namespace sb::runtime {

enum class RuntimeErrc : std::uint8_t {
  journal_conflict = 1,
  journal_io_error,
  journal_no_space,
  journal_corruption,
  journal_invalid_argument,
  journal_unavailable,
  entity_unavailable,    // the entity failed to recover or stopped
  unknown_entity_kind,   // no factory registered for the kind
  overloaded,            // a named limit on queued work was reached
  invalid_command,       // the command envelope itself is malformed (ids too long ...)
};

caf::atom_value runtime_error_category();
caf::error make_runtime_error(RuntimeErrc code, std::string message);
caf::error make_journal_error(const JournalError& error);

// "journal_no_space: the journal write failed ..." for our errors; CAF's rendering otherwise.
std::string describe(const caf::error& error);
// The RuntimeErrc of one of our errors, or nullopt.
std::optional<RuntimeErrc> runtime_errc_of(const caf::error& error);
std::string_view to_string(RuntimeErrc code);

}  // namespace sb::runtime
