#!/usr/bin/env bash
# Builds switchboard and runs the demo on the embedded default: a node with RocksDB under ./data
# on 127.0.0.1, sample agents, a short peak driven over Cap'n Proto RPC by the load generator, and
# a summary. The data stays in ./data: `./build/switchboard report` reads it, and
# `./build/switchboard serve` serves it. Extra arguments go to `switchboard demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec ./build/switchboard demo "$@"
