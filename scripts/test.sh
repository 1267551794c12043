#!/usr/bin/env bash
# Builds switchboard (warnings are errors) and runs the whole test suite with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh -DSB_WERROR=ON
ctest --test-dir build --output-on-failure -j"$(nproc)" --timeout 600
