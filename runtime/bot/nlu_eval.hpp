#pragma once
// `switchboard nlu eval`: trains the intent classifier on one labelled file, optionally picks the
// out-of-scope threshold on a validation file, and reports how it does on a test file.

#include <iosfwd>
#include <string>
#include <vector>

namespace sb::bot {

// `args` are the words after `nlu eval`:
//   --train FILE --test FILE [--val FILE] [--json] [model knobs, see usage()]
// Returns the process exit code: 0 on success, 2 on bad arguments or unreadable data.
int run_nlu_eval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace sb::bot
