#pragma once
// `switchboard verify [--storage.path DIR] [--threads N]`: runs the log verifier on a data
// directory (read-only, so it may run beside the node) and prints what it found.
// Exit status: 0 nothing damaged, 1 damage found or the directory unreadable, 2 bad usage.

#include <iosfwd>
#include <string>
#include <vector>

namespace sb::verify {

int run_verify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

extern const char* const kVerifyUsage;

}  // namespace sb::verify
