// Standalone `nlu eval` until the switchboard CLI wires in run_nlu_eval().
#include <iostream>
#include <string>
#include <vector>

#include "runtime/bot/nlu_eval.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return sb::bot::run_nlu_eval(args, std::cout, std::cerr);
}
