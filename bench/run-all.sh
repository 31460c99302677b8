#!/usr/bin/env bash
# Runs every benchmark and writes its section of docs/benchmarks.md: the raw ceiling and the core pipeline per key type
# and provider, issuance over REST, revocation under load, CRL building, CRL serving beside nginx, start-up, and the province
# enrollment with the CLI.
# Installs wrk, nginx (the serving baseline) and PostgreSQL from Debian's packages when missing. About an hour on 2 cores.
# Usage: bench/run-all.sh   (from a built tree: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk > /dev/null || ! command -v nginx > /dev/null || ! ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk nginx-light postgresql
fi
bench/ceiling.sh
bench/rest-issuance.sh 60 180
bench/rest-issuance.sh 60 180 postgres
bench/rest-issuance.sh 60 120 h2 RSA-2048
bench/revocation.sh 200000 20 60
bench/crl-build.sh
bench/crl-serving.sh 100000 20
bench/enroll-province.sh 3 180
bench/startup.sh 5
