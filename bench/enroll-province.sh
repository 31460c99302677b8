#!/usr/bin/env bash
# Benchmark: enroll the whole province (enrollment.csv, EC P-256 keys) with the CLI against a local service on
# the embedded default, and report rows/s beside baselines measured in the same run: the same CLI sending each row
# alone (--batch-size 1), in turns with the default batches, and OpenSSL's raw ECDSA P-256 signing rate on one core.
# Each run has a fresh service and database. The main figure is a service that has been running, as a production CA
# is when an administrator enrolls: warmed by minutes of the traffic a province's CA serves (bench/province-traffic.lua:
# issuance for every agency, both profiles, request ids, other requests than the province file's; clerks' and
# portals' reads; clients' Accept and Accept-Language headers). One more run against a service started just before
# shows the cold case.
# Writes the figures to docs/benchmarks.md (section "Province enrollment").
# Usage: bench/enroll-province.sh [runs=3] [warmup=180]   (from a built tree: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-3}
warmup=${2:-180}
data=../shared/data
work=$(mktemp -d)
trap 'kill $SERVICE_PID 2>/dev/null || true; rm -rf "$work"' EXIT
java -cp "$(core_classpath)" bench/CsrCorpus.java 20000 EC-P256 "$work/corpus.jsonl" "$data/agencies.csv"

# enroll_once NAME WARMUP_SECONDS [CLI options...]: a fresh service, warmed for that long, then the CLI enrolls the
# province; writes "rate wall_s service_cpu_s cli_cpu_s" to $work/result-NAME.
enroll_once() {
  local name=$1 warm=$2 port rows start end before cli_cpu
  shift 2
  port=$(free_port)
  # The warm-up's load generator sends far more than the 200 requests/s a token may make by default; the CLI sends
  # fewer than that, so lifting the limit changes nothing for it.
  start_service "$work/home-$name" "$port" --ca.api.requests-per-second=1000000
  export CA_TOKEN=$TOKEN TOKEN CORPUS="$work/corpus.jsonl"
  bin/civicca --server "http://127.0.0.1:$port" agencies import "$data/agencies.csv" > /dev/null
  if [ "$warm" -gt 0 ]; then
    wrk -t2 -c32 -d"${warm}s" -s bench/province-traffic.lua "http://127.0.0.1:$port" > "$work/warm-$name.txt" 2>&1
  fi
  before=$(cpu_seconds $SERVICE_PID)
  start=$(date +%s.%N)
  TIMEFORMAT='%U %S'
  cli_cpu=$( { time bin/civicca --server "http://127.0.0.1:$port" enroll --csv "$data/enrollment.csv" --out "$work/out-$name" \
      --key-algorithm EC-P256 "$@" > "$work/enroll-$name.txt" 2>&1; } 2>&1 | awk '{print $1 + $2}')
  end=$(date +%s.%N)
  rows=$(($(wc -l < "$work/out-$name/manifest.csv") - 1))
  [ "$rows" = 1998 ] || { echo "run $name enrolled $rows rows, not 1998" >&2; cat "$work/enroll-$name.txt" >&2; exit 1; }
  python3 -c "print(f'{$rows/($end-$start):.1f} {$end-$start:.1f} {$(cpu_seconds $SERVICE_PID) - $before:.1f} $cli_cpu')" > "$work/result-$name"
  kill $SERVICE_PID; wait $SERVICE_PID 2>/dev/null || true
}

warm_rates=(); warm_lines=(); single_rates=(); single_lines=()
for run in $(seq "$runs"); do
  enroll_once "warm-$run" "$warmup"
  read -r rate wall service cli < "$work/result-warm-$run"
  echo "warm run $run: $rate rows/s, $wall s; CPU s: service $service, CLI $cli"
  warm_rates+=("$rate"); warm_lines+=("$wall s (service $service s + CLI $cli s of CPU)")
  enroll_once "single-$run" "$warmup" --batch-size 1
  read -r rate wall service cli < "$work/result-single-$run"
  echo "one row a request, run $run: $rate rows/s, $wall s; CPU s: service $service, CLI $cli"
  single_rates+=("$rate"); single_lines+=("$wall s (service $service s + CLI $cli s of CPU)")
done
enroll_once cold 0
read -r cold_rate cold_wall cold_service cold_cli < "$work/result-cold"
echo "cold run: $cold_rate rows/s, $cold_wall s; CPU s: service $cold_service, CLI $cold_cli"
median=$(printf '%s\n' "${warm_rates[@]}" | median)
single_median=$(printf '%s\n' "${single_rates[@]}" | median)
baseline=$(openssl speed -seconds 3 ecdsap256 2>/dev/null | awk '/256 bits ecdsa \(nistp256\)/ {print $(NF-1)}')
ratio=$(ratio "$median" "$baseline" 4)
echo "median $median rows/s; baseline openssl ECDSA P-256 sign $baseline/s on one core; ratio $ratio"

write_section "## Province enrollment (CLI, end to end)" "$(cat <<MD
Command: \`bench/enroll-province.sh $runs $warmup\` — $(date -u +%Y-%m-%d), $(machine).
The CLI enrolls all 1,998 rows of \`enrollment.csv\` (EC P-256 keys made locally, one CSR, one certificate, one AES-256
PKCS#12 per row) against the service (\`-Xmx512m\`) on the embedded H2 default on the same machine; the two share the
cores, and each run has a fresh service and database (its per-token rate limit lifted for the warm-up's load generator;
the CLI stays below the default 200 requests/s). A running service: warmed for ${warmup} s before the CLI starts, as a
production CA has been serving when an administrator enrolls, with the traffic such a CA serves
(\`bench/province-traffic.lua\`: issuance for every agency in turn, one request in five organizational, officials of
varied names, each under its own requestId, none of them the province file's; one request in twenty a clerk's or a
portal's read; every client's Accept and Accept-Language). The CLI always starts cold, as an administrator runs it,
with its defaults (25 rows a request, 8 requests in flight); in turns with each such run, the same with
\`--batch-size 1\` (each row its own request, as the CLI sent them before batches).

| figure | value |
| --- | --- |
| rows/s, each run, running service | ${warm_rates[*]} |
| rows/s, median, running service | $median ($(python3 -c "print(f'{1998/$median:.1f}')") s for the province) |
| each run: wall time (CPU time of each process) | $(printf '%s; ' "${warm_lines[@]}" | sed 's/; $//') |
| rows/s, service started just before (its JIT cold) | $cold_rate ($cold_wall s; service $cold_service s + CLI $cold_cli s of CPU) |
| baseline: one row a request (\`--batch-size 1\`), rows/s, each run | ${single_rates[*]} |
| baseline: one row a request, each run: wall time (CPU time of each process) | $(printf '%s; ' "${single_lines[@]}" | sed 's/; $//') |
| ratio rows/s, batches ÷ one row a request (medians) | $(ratio "$median" "$single_median") |
| baseline: \`openssl speed ecdsap256\`, signatures/s, one core | $baseline |
| ratio rows/s (running service) ÷ baseline | $ratio |
MD
)"
echo "wrote docs/benchmarks.md"
