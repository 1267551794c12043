#include "runtime/errors.hpp"

#include <caf/atom.hpp>
#include <caf/make_message.hpp>

namespace sb::runtime {

caf::atom_value runtime_error_category() { return caf::atom("switchbd"); }

caf::error make_runtime_error(RuntimeErrc code, std::string message) {
  return caf::error(static_cast<std::uint8_t>(code), runtime_error_category(),
                    caf::make_message(std::move(message)));
}

caf::error make_journal_error(const JournalError& error) {
  RuntimeErrc code = RuntimeErrc::journal_io_error;
  switch (error.code) {
    case JournalErrc::conflict: code = RuntimeErrc::journal_conflict; break;
    case JournalErrc::io_error: code = RuntimeErrc::journal_io_error; break;
    case JournalErrc::no_space: code = RuntimeErrc::journal_no_space; break;
    case JournalErrc::corruption: code = RuntimeErrc::journal_corruption; break;
    case JournalErrc::invalid_argument: code = RuntimeErrc::journal_invalid_argument; break;
    case JournalErrc::unavailable: code = RuntimeErrc::journal_unavailable; break;
  }
  return make_runtime_error(code, error.message);
}

std::string_view to_string(RuntimeErrc code) {
  switch (code) {
    case RuntimeErrc::journal_conflict: return "journal_conflict";
    case RuntimeErrc::journal_io_error: return "journal_io_error";
    case RuntimeErrc::journal_no_space: return "journal_no_space";
    case RuntimeErrc::journal_corruption: return "journal_corruption";
    case RuntimeErrc::journal_invalid_argument: return "journal_invalid_argument";
    case RuntimeErrc::journal_unavailable: return "journal_unavailable";
    case RuntimeErrc::entity_unavailable: return "entity_unavailable";
    case RuntimeErrc::unknown_entity_kind: return "unknown_entity_kind";
    case RuntimeErrc::overloaded: return "overloaded";
    case RuntimeErrc::invalid_command: return "invalid_command";
  }
  return "unknown";
}

std::optional<RuntimeErrc> runtime_errc_of(const caf::error& error) {
  if (error.category() != runtime_error_category()) return std::nullopt;
  return static_cast<RuntimeErrc>(error.code());
}

std::string describe(const caf::error& error) {
  auto code = runtime_errc_of(error);
  if (!code) return caf::to_string(error);
  std::string out(to_string(*code));
  const auto& context = error.context();
  if (context.size() == 1 && context.match_element<std::string>(0)) {
    out += ": ";
    out += context.get_as<std::string>(0);
  }
  return out;
}

}  // namespace sb::runtime
