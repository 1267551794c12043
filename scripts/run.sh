#!/usr/bin/env bash
# Builds switchboard and runs a node on the embedded default: RocksDB under ./data, 127.0.0.1.
# Extra arguments go to `switchboard serve` (e.g. --storage.durability=batched).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec ./build/switchboard serve "$@"
