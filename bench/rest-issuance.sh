#!/usr/bin/env bash
# Benchmark: issuance over REST on the embedded default (H2) or on PostgreSQL, EC P-256 (or RSA-2048) issuing CA, CSR verified, every
# certificate persisted and audited as in production. wrk (keep-alive, 32 connections, 2 threads: it shares the 2
# cores with the service) posts distinct pre-generated CSRs: a warm-up, then the measured run, then the same load in
# batches of 5 (POST /api/v1/certificates/batch, as XiPKI's published figure sends five a request). Beside it, in the same
# run, raw signatures and ca-core's pipeline on 2 threads (JMH, bench/jmh). Writes the section "Issuance over REST
# (H2)" or "(PostgreSQL)" of docs/benchmarks.md, with the CA key type in the heading when it is not EC-P256.
# Usage: bench/rest-issuance.sh [seconds=60] [warmup=60] [h2|postgres] [EC-P256|RSA-2048]   (from a built tree:
# ./mvnw -q -DskipTests package)
# postgres: a throwaway PostgreSQL 127.0.0.1 server (Debian's postgresql package) on the same 2 cores, its defaults
# (synchronous_commit on: every commit flushed before it is acknowledged).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source bin/throwaway-postgres.sh
seconds=${1:-60}
warmup=${2:-60}
database=${3:-h2}
ca_key=${4:-EC-P256}
work=$(mktemp -d)
trap 'kill $SERVICE_PID 2>/dev/null || true; throwaway_postgres_stop; rm -rf "$work"' EXIT
classpath=$(core_classpath)
database_arguments=()
if [ "$database" = postgres ]; then
  throwaway_postgres_start
  export CA_DB_URL=${CA_TEST_DB_URL%/postgres}/civicca CA_DB_USER=$CA_TEST_DB_USER CA_DB_PASSWORD=$CA_TEST_DB_PASSWORD
  PGPASSWORD=$CA_TEST_DB_PASSWORD psql -q -h 127.0.0.1 -p "$THROWAWAY_PG_PORT" -U civicca -d postgres -c 'CREATE DATABASE civicca'
  database_arguments=(--spring.profiles.active=postgres)
fi
# Another key for the issuing CA: the whole hierarchy from config/hierarchy.yml with that one key changed, in a file
# read after it (a list given again replaces the earlier one).
if [ "$ca_key" != EC-P256 ]; then
  python3 - "$ca_key" "$work/hierarchy.yml" <<'PY'
import re, sys
text = open("config/hierarchy.yml").read()
issuing = text.index("- name: vinhphuc-issuing")
text = text[:issuing] + re.sub(r"key-algorithm: \S+", "key-algorithm: " + sys.argv[1], text[issuing:], count=1)
open(sys.argv[2], "w").write(text)
PY
  database_arguments+=(--spring.config.additional-location="file:$work/hierarchy.yml")
fi

java -cp "$classpath" bench/CsrCorpus.java 30000 EC-P256 "$work/corpus.jsonl"
run_ceiling "$work" 2 -p key="$ca_key" '\.(sign|pipeline)$' | tee "$work/ceiling.txt"

port=$(free_port)
start_service "$work/home" "$port" --ca.api.requests-per-second=1000000 "${database_arguments[@]}"
create_agency "$port"
export TOKEN CORPUS="$work/corpus.jsonl"
wrk -t2 -c32 -d"${warmup}s" -s bench/issue.lua "http://127.0.0.1:$port" > "$work/warmup.txt" 2>&1
cpu_before=$(cpu_seconds $SERVICE_PID)
wrk -t2 -c32 -d"${seconds}s" -s bench/issue.lua "http://127.0.0.1:$port" > "$work/run.txt" 2>&1
cpu_after=$(cpu_seconds $SERVICE_PID)
# The same load in batches of 5 (POST /api/v1/certificates/batch), as a bulk client sends them.
batch=5
batch_cpu_before=$(cpu_seconds $SERVICE_PID)
BATCH=$batch wrk -t2 -c32 -d"${seconds}s" -s bench/issue-batch.lua "http://127.0.0.1:$port" > "$work/batch.txt" 2>&1
batch_cpu_after=$(cpu_seconds $SERVICE_PID)
rss_mb=$(( $(ps -o rss= -p $SERVICE_PID) / 1024 ))
batch_result=$(grep RESULT "$work/batch.txt")
echo "batches of $batch: $batch_result"
result=$(grep RESULT "$work/run.txt")
echo "$result"
field() { echo "${2:-$result}" | sed "s/.* $1=\([0-9.]*\).*/\1/"; }
requests=$(field requests); rate=$(field rate); p50=$(field p50_ms); p99=$(field p99_ms); errors=$(field errors)
warm_result=$(grep RESULT "$work/warmup.txt")
warm=$(( $(echo "$warm_result" | sed 's/.* requests=\([0-9]*\).*/\1/') - $(echo "$warm_result" | sed 's/.* errors=\([0-9]*\).*/\1/') ))
cpu_ms=$(python3 -c "print(f'{($cpu_after - $cpu_before) * 1000 / $requests:.2f}')")
batch_requests=$(field requests "$batch_result"); batch_errors=$(field errors "$batch_result")
batch_rate=$(python3 -c "print(f'{$(field rate "$batch_result") * $batch:.1f}')")
batch_cpu_ms=$(python3 -c "print(f'{($batch_cpu_after - $batch_cpu_before) * 1000 / ($batch_requests * $batch):.2f}')")
batch_warm=$(( (batch_requests - batch_errors) * batch ))

# Every acknowledged certificate is stored and audited.
total=$(curl -sf "http://127.0.0.1:$port/api/v1/certificates?size=1" -H "Authorization: Bearer $TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
audited=$(curl -sf "http://127.0.0.1:$port/api/v1/audit?action=certificate.issued&size=1" -H "Authorization: Bearer $TOKEN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
# The baselines on the provider the service signs with (the native one where it loads), and on Bouncy Castle alone.
provider=$(grep -o 'signatures and CSR proofs of possession by [A-Za-z]*' "$work/home.log" | awk '{print $NF}')
figure() { awk -v key="$ca_key" -v op="$1" -v p="provider=$2" '$2 == key && $3 == op && $4 == "threads=2" && $6 == p {sub("ops_per_s=", "", $5); print $5}' "$work/ceiling.txt"; }
pipeline=$(figure pipeline "$provider"); sign=$(figure sign "$provider")
pipeline_bc=$(figure pipeline BC); sign_bc=$(figure sign BC)
ratio=$(ratio "$rate" "$pipeline")

if [ "$database" = postgres ]; then
  heading="## Issuance over REST (PostgreSQL"; store="on PostgreSQL $(throwaway_postgres_run postgres --version | awk '{print $3}') (same machine, its defaults: synchronous_commit on)"
else
  heading="## Issuance over REST (embedded H2"; store="on the embedded default (H2, every commit forced to disk)"
fi
[ "$ca_key" = EC-P256 ] && heading="$heading)" || heading="$heading, $ca_key CA)"
write_section "$heading" "$(cat <<MD
Command: \`bench/rest-issuance.sh $seconds $warmup $database $ca_key\` — $(date -u +%Y-%m-%d), $(machine).
$ca_key issuing CA, personal profile, 30,000 distinct pre-generated EC P-256 CSRs; the service with \`-Xmx512m\`
$store; wrk with 2 threads and 32 keep-alive connections on the same 2 cores; ${warmup} s of
warm-up (JIT), then ${seconds} s measured. Every certificate is verified, signed, self-checked, stored and audited
in the hash chain as in production.

| figure | value |
| --- | --- |
| certificates/s | $rate |
| latency p50 / p99 (ms) | $p50 / $p99 |
| errors (non-201, socket) | $errors |
| service CPU per certificate (ms) | $cpu_ms |
| service RSS after the run (MB) | $rss_mb |
| start-up to first request served (s) | $STARTUP_SECONDS |
| certificates/s in batches of $batch (\`POST /api/v1/certificates/batch\`, ${seconds} s after the run above, same connections) | $batch_rate |
| batches of $batch: latency p50 / p99 of a batch (ms), errors (non-200 or an item not 201, socket) | $(field p50_ms "$batch_result") / $(field p99_ms "$batch_result"), $batch_errors |
| batches of $batch: service CPU per certificate (ms) | $batch_cpu_ms |
| certificates stored = issuances audited (≥ acknowledged to wrk, which drops the answers in flight when it stops) | $total = $audited (≥ $((warm + requests - errors + batch_warm))) |
| signatures by (the service's choice, \`ca.crypto.provider=auto\`) | $provider |
| baseline, same run: ca-core pipeline (parse, proof of possession, subject, build, sign, self-checks), 2 threads, $provider | $pipeline/s |
| baseline, same run: raw $ca_key signatures with the CA key, 2 threads, $provider | $sign/s |
| the same two on Bouncy Castle alone | $pipeline_bc/s, $sign_bc/s |
| ratio REST ÷ pipeline | $ratio |
| ratio REST ÷ raw signatures | $(ratio "$rate" "$sign") |
| ratio REST in batches of $batch ÷ pipeline | $(ratio "$batch_rate" "$pipeline") |
MD
)"
echo "wrote docs/benchmarks.md"
