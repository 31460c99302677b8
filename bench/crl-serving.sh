#!/usr/bin/env bash
# Benchmark: serving the CRL. The service on the embedded default holds a CRL of N revoked certificates (default
# 100,000; the rows are written into its database while it is stopped, then it makes the CRL); wrk (2 threads, 32
# keep-alive connections) fetches GET /crl/vinhphuc-issuing.crl and the same with If-None-Match (304) from the
# publication listener (ca.publication.port) and from the service's own port, and then the same bytes served as a
# static file by nginx (Debian's default of one worker per core) in the same run. Also times the service building that
# CRL.
# Writes the section "CRL serving" of docs/benchmarks.md.
# Usage: bench/crl-serving.sh [entries=100000] [seconds=20]   (from a built tree: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
entries=${1:-100000}
seconds=${2:-20}
work=$(mktemp -d)
trap 'kill $SERVICE_PID 2>/dev/null || true; nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
if ! command -v wrk > /dev/null || ! command -v nginx > /dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk nginx-light
fi

port=$(free_port)
home="$work/home"
# N revoked certificates of the issuing CA.
seed_database "$home" "$port" "$(cat <<SQL
INSERT INTO certificate (serial, issuer, profile, agency, request_fingerprint, subject_dn, common_name, status, not_before,
                         not_after, der, revoked_at, revocation_reason, created_at)
SELECT '7' || LPAD(CAST(X AS VARCHAR), 31, '0'), 'vinhphuc-issuing', 'personal', 'so-tc', 'seed-' || X, 'CN=Seed ' || X, 'Seed',
       'REVOKED', CURRENT_TIMESTAMP - INTERVAL '1' DAY, CURRENT_TIMESTAMP + INTERVAL '700' DAY, X'3000',
       DATEADD(SECOND, -MOD(X, 86400), CURRENT_TIMESTAMP), 'keyCompromise', CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, $entries);
SQL
)"

publication_port=$(free_port)
start_service "$home" "$port" --ca.publication.port="$publication_port"
build_start=$(date +%s.%N)
curl -sf -X POST "http://127.0.0.1:$port/api/v1/cas/vinhphuc-issuing/crl" -H "Authorization: Bearer $TOKEN" > /dev/null
build_seconds=$(seconds_since "$build_start")
url="http://127.0.0.1:$publication_port/crl/vinhphuc-issuing.crl"
own_url="http://127.0.0.1:$port/crl/vinhphuc-issuing.crl"
curl -sf -D "$work/headers" -o "$work/www/vinhphuc-issuing.crl" --create-dirs "$url"
size=$(stat -c %s "$work/www/vinhphuc-issuing.crl")
listed=$(openssl crl -inform DER -in "$work/www/vinhphuc-issuing.crl" -noout -text | grep -c "Serial Number:" || true)
etag=$(grep -i '^etag:' "$work/headers" | cut -d' ' -f2- | tr -d '\r')

chmod 755 "$work" "$work/www"; chmod 644 "$work/www/vinhphuc-issuing.crl"   # nginx's workers are not root
nginx_port=$(free_port)
cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  types { application/pkix-crl crl; }
  server { listen 127.0.0.1:$nginx_port; root $work/www; }
}
NGINX
nginx -c "$work/nginx.conf"
nginx_etag=$(curl -sf -D - -o /dev/null "http://127.0.0.1:$nginx_port/vinhphuc-issuing.crl" | grep -i '^etag:' | cut -d' ' -f2- | tr -d '\r')

rate() { wrk -t2 -c32 -d"${seconds}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
rate "$url" > /dev/null   # warm-up
rate "$own_url" > /dev/null
# Each figure three times, taken in turns (the machine is shared), then the median of each.
nginx_url="http://127.0.0.1:$nginx_port/vinhphuc-issuing.crl"
runs=()
for round in 1 2 3; do
  runs+=("$(rate "$url") $(rate -H "If-None-Match: $etag" "$url") $(rate "$own_url") $(rate -H "If-None-Match: $etag" "$own_url") \
$(rate "$nginx_url") $(rate -H "If-None-Match: $nginx_etag" "$nginx_url")")
done
median() { printf '%s\n' "${runs[@]}" | awk -v f="$1" '{print $f}' | sort -g | sed -n 2p; }
ours=$(median 1); ours_304=$(median 2); own=$(median 3); own_304=$(median 4); theirs=$(median 5); theirs_304=$(median 6)
echo "CRL of $listed entries ($size bytes, built in $build_seconds s): listener $ours/s, 304 $ours_304/s; service port $own/s, 304 $own_304/s; nginx $theirs/s, 304 $theirs_304/s"

write_section "## CRL serving" "$(cat <<MD
Command: \`bench/crl-serving.sh $entries $seconds\` — $(date -u +%Y-%m-%d), $(machine).
The service on the embedded default with a CRL of $listed entries ($size bytes; the service built and signed it in
$build_seconds s, request included), fetched from its publication listener (\`ca.publication.port\`, the port relying
parties are pointed to) and from its own port, and the same bytes served by nginx as a static file (sendfile, one
worker per core as Debian configures it), in the same run; wrk with 2 threads and 32 keep-alive connections for
$seconds s each, on the same 2 cores, three times in turns: the medians. The conditional GETs send the ETag each server
gave.

| figure | publication listener | service's own port | nginx (baseline) | ratio listener ÷ nginx | ratio own port ÷ nginx |
| --- | --- | --- | --- | --- | --- |
| GET /crl/vinhphuc-issuing.crl, requests/s | $ours | $own | $theirs | $(ratio "$ours" "$theirs") | $(ratio "$own" "$theirs") |
| the same with If-None-Match (304), requests/s | $ours_304 | $own_304 | $theirs_304 | $(ratio "$ours_304" "$theirs_304") | $(ratio "$own_304" "$theirs_304") |
MD
)"
echo "wrote docs/benchmarks.md"
