#!/usr/bin/env bash
# Installs the Debian 12 packages switchboard builds and tests with. Run as root; it installs
# only what is missing, so it is quick on a machine that has everything.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libcaf-dev                       # actors (0.17.6)
  librocksdb-dev rocksdb-tools     # the event log; db_bench for the raw baseline
  capnproto libcapnp-dev           # schemas, RPC, KJ
  libssl-dev                       # SHA-256 of RPC tokens (libcrypto)
  libspdlog-dev libfmt-dev         # logs
  nlohmann-json3-dev               # JSON files (knowledge base, load results)
  liblinear-dev                    # the bot's linear classifier
  libgoogle-perftools-dev          # tcmalloc, the executables' allocator
  libgtest-dev libgmock-dev libbenchmark-dev
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
