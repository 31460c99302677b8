#!/usr/bin/env bash
# Benchmark: enroll the whole province (enrollment.csv, EC P-256 keys) with the CLI against a local service on
# the embedded default, and report rows/s beside a baseline measured in the same run: OpenSSL's raw ECDSA P-256
# signing rate on one core. Writes the figures to docs/benchmarks.md (section "Province enrollment").
# Usage: bench/enroll-province.sh [runs=3]   (from a built tree: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-3}
data=../shared/data
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
rates=()
cpus=()
for run in $(seq "$runs"); do
  home="$work/home-$run"
  java -jar ca-api/target/ca-api.jar --ca.home="$home" --server.port="$port" > "$work/service-$run.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && [ -f "$home/admin.token" ]; do sleep 0.5; done
  export CA_TOKEN=$(cat "$home/admin.token")
  bin/civicca --server "http://127.0.0.1:$port" agencies import "$data/agencies.csv" > /dev/null
  server_cpu_before=$(ps -o times= -p $server)
  start=$(date +%s.%N)
  TIMEFORMAT='%U %S'
  cli_cpu=$( { time bin/civicca --server "http://127.0.0.1:$port" enroll --csv "$data/enrollment.csv" --out "$work/out-$run" \
      --key-algorithm EC-P256 > "$work/enroll-$run.txt" 2>&1; } 2>&1 | awk '{print $1 + $2}')
  end=$(date +%s.%N)
  server_cpu=$(( $(ps -o times= -p $server) - server_cpu_before ))
  rows=$(($(wc -l < "$work/out-$run/manifest.csv") - 1))
  rate=$(python3 -c "print(f'{$rows/($end-$start):.1f}')")
  echo "run $run: $rows rows in $(python3 -c "print(f'{$end-$start:.1f}')") s = $rate rows/s; CPU s: service $server_cpu, CLI $cli_cpu"
  rates+=("$rate")
  cpus+=("service ${server_cpu} s + CLI ${cli_cpu} s")
  kill $server; wait $server 2>/dev/null || true
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
baseline=$(openssl speed -seconds 3 ecdsap256 2>/dev/null | awk '/256 bits ecdsa \(nistp256\)/ {print $(NF-1)}')
ratio=$(python3 -c "print(f'{$median/$baseline:.4f}')")
echo "median $median rows/s; baseline openssl ECDSA P-256 sign $baseline/s on one core; ratio $ratio"

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
section=$(cat <<MD
## Province enrollment (CLI, end to end)

Command: \`bench/enroll-province.sh $runs\` — $(date -u +%Y-%m-%d), $(nproc) cores ($cpu), $(java -version 2>&1 | head -1).
The CLI enrolls all rows of \`enrollment.csv\` (EC P-256 keys made locally, one CSR, one certificate, one AES-256
PKCS#12 per row) against the service on the embedded H2 default on the same machine; the two share the cores.

| figure | value |
| --- | --- |
| rows per run | $rows |
| rows/s, each run | ${rates[*]} |
| rows/s, median | $median |
| baseline: \`openssl speed ecdsap256\`, signatures/s, one core | $baseline |
| ratio rows/s ÷ baseline | $ratio |
| CPU time per run (JIT compilation included: both JVMs start cold) | $(printf '%s; ' "${cpus[@]}" | sed 's/; $//') |

Each run starts a fresh service and a fresh CLI, as an administrator enrolling a province would; much of the
service's CPU in such a run is the JIT compiling Spring, H2 and Bouncy Castle (a C2 compiler thread was seen
busy for over half of it), so the service is slower here than once warm.
MD
)
write_section "## Province enrollment (CLI, end to end)" "$(echo "$section" | tail -n +3)"
echo "wrote docs/benchmarks.md"
