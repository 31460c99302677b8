#!/usr/bin/env bash
# Runs every benchmark and writes its section of docs/benchmarks.md: the raw ceiling and the core pipeline (with the
# REST run), issuance over REST, CRL building, and the province enrollment with the CLI. Installs wrk from Debian's
# packages when it is missing. Takes about 10 minutes on 2 cores.
# Usage: bench/run-all.sh   (from a built tree: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk > /dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk
fi
bench/rest-issuance.sh 60 60
bench/crl-build.sh
bench/enroll-province.sh 3
