#!/usr/bin/env bash
# Benchmark: revocation under load. N issued certificates (default 200,000) are written into the database of a stopped
# service; then wrk (2 threads, 32 keep-alive connections) revokes distinct ones for the given seconds, after a warm-up
# of revocations (60 s by default: the JIT still took a fifth of the machine after 20 s). Beside it, in the same run, the same wrk reading one certificate (GET, authenticated): the cost of
# an authenticated request with one database read, the floor under any write. Afterwards one more CRL is made and
# checked to list every revocation the service acknowledged, and the number of CRLs made during the load shows that
# revocations only schedule CRLs. Writes the section "Revocation under load" of docs/benchmarks.md.
# Usage: bench/revocation.sh [entries=200000] [seconds=20] [warmup=60]   (from a built tree: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
entries=${1:-200000}
seconds=${2:-20}
warmup=${3:-60}
work=$(mktemp -d)
trap 'kill $SERVICE_PID 2>/dev/null || true; rm -rf "$work"' EXIT
command -v wrk > /dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk; }

port=$(free_port)
home="$work/home"
seed_database "$home" "$port" "$(cat <<SQL
INSERT INTO certificate (serial, issuer, profile, agency, request_fingerprint, subject_dn, common_name, status, not_before,
                         not_after, der, created_at)
SELECT '6' || LPAD(CAST(X AS VARCHAR), 31, '0'), 'vinhphuc-issuing', 'personal', 'so-tc', 'seed-' || X, 'CN=Seed ' || X, 'Seed',
       'ISSUED', CURRENT_TIMESTAMP - INTERVAL '1' DAY, CURRENT_TIMESTAMP + INTERVAL '700' DAY, X'3000', CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, $entries);
SQL
)"
seq 1 "$entries" | awk '{printf "6%031d\n", $1}' | shuf > "$work/serials"
split -n l/2 -d "$work/serials" "$work/part"   # one list for the warm-up, one for the measured run

start_service "$home" "$port" --ca.api.requests-per-second=1000000
crl_number() {
  curl -sf "http://127.0.0.1:$port/api/v1/cas" -H "Authorization: Bearer $TOKEN" \
    | python3 -c 'import json,sys; print(next(c for c in json.load(sys.stdin) if c["name"] == "vinhphuc-issuing")["crlNumber"])'
}
export TOKEN
SERIALS="$work/part00" wrk -t2 -c32 -d"${warmup}s" -s bench/revoke.lua "http://127.0.0.1:$port" > "$work/warmup.txt" 2>&1
before=$(crl_number)
cpu_before=$(cpu_seconds $SERVICE_PID)
SERIALS="$work/part01" wrk -t2 -c32 -d"${seconds}s" -s bench/revoke.lua "http://127.0.0.1:$port" > "$work/run.txt" 2>&1
cpu_after=$(cpu_seconds $SERVICE_PID)
after=$(crl_number)
result=$(grep RESULT "$work/run.txt")
field() { echo "$1" | sed "s/.* $2=\([0-9.]*\).*/\1/"; }
rate=$(field "$result" rate); p50=$(field "$result" p50_ms); p99=$(field "$result" p99_ms); errors=$(field "$result" errors)
requests=$(field "$result" requests)
cpu_ms=$(python3 -c "print(f'{($cpu_after - $cpu_before) * 1000 / $requests:.2f}')")
one=$(head -1 "$work/serials")
baseline=$(wrk -t2 -c32 -d"${seconds}s" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$port/api/v1/certificates/$one" \
  | awk '/Requests\/sec/ {print $2}')
ratio=$(ratio "$rate" "$baseline")

# Every acknowledged revocation is in the next CRL.
revoked=$(curl -sf "http://127.0.0.1:$port/api/v1/certificates?status=REVOKED&size=1" -H "Authorization: Bearer $TOKEN" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
curl -sf -X POST "http://127.0.0.1:$port/api/v1/cas/vinhphuc-issuing/crl" -H "Authorization: Bearer $TOKEN" > /dev/null
curl -sf "http://127.0.0.1:$port/crl/vinhphuc-issuing.crl" -o "$work/crl.der"
listed=$(openssl crl -inform DER -in "$work/crl.der" -noout -text | grep -c "Serial Number:" || true)
warm=$(grep RESULT "$work/warmup.txt")
acknowledged=$(( $(field "$warm" requests) - $(field "$warm" errors) + requests - errors ))
echo "$result; baseline GET $baseline/s; CRLs made during the run: $((after - before)); revoked $revoked, listed $listed, acknowledged ≥ $acknowledged"

write_section "## Revocation under load" "$(cat <<MD
Command: \`bench/revocation.sh $entries $seconds $warmup\` — $(date -u +%Y-%m-%d), $(machine).
The service on the embedded default with $entries issued certificates of the issuing CA; wrk with 2 threads and 32
keep-alive connections revokes distinct certificates (\`keyCompromise\`, with a ticket) for $seconds s after a warm-up
of $warmup s of the same. Each revocation is a compare-and-set of the status and an audit entry, committed with the
others waiting at the time (group commit); it only schedules the next CRL (\`ca.crl.publish-delay\`, 1 s), which a background thread builds. Baseline in the same run: the
same wrk reading one certificate with the same token.

| figure | value |
| --- | --- |
| revocations/s | $rate |
| latency p50 / p99 (ms) | $p50 / $p99 |
| errors (non-200, socket) | $errors |
| service CPU per revocation (ms), CRLs built meanwhile included | $cpu_ms |
| CRLs made while the $requests revocations of the measured run were acknowledged | $((after - before)) |
| certificates revoked = entries in the next CRL (≥ acknowledged to wrk) | $revoked = $listed (≥ $acknowledged) |
| baseline, same run: authenticated GET of one certificate, requests/s | $baseline |
| ratio revocations ÷ GETs | $ratio |
MD
)"
echo "wrote docs/benchmarks.md"
