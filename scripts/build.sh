#!/usr/bin/env bash
# Installs what is missing, configures and builds switchboard into ./build.
# Extra arguments go to CMake's configure step (e.g. -DSB_WERROR=ON).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $(id -u) -eq 0 ]]; then scripts/install_deps.sh; fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build build -j"$(nproc)"
