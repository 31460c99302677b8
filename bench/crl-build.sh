#!/usr/bin/env bash
# Benchmark: build, sign and self-check CRLs of 10,000, 100,000 and 1,000,000 entries with ca-core's CrlBuilder in a
# JVM with the service's -Xmx512m; beside it, in the same run, OpenSSL building and signing a CRL of the same size from
# an index file (openssl ca -gencrl), the baseline. Writes the section "CRL building" of docs/benchmarks.md.
# Usage: bench/crl-build.sh   (from a built tree: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
classpath=$(core_classpath)

rows=""
for size in 10000 100000 1000000; do
  java -Xmx512m -cp "$classpath" bench/CrlBuild.java "$size" > "$work/crl-$size.txt" 2>&1 || true
  out=$(grep -m1 -E "^crl |OutOfMemoryError" "$work/crl-$size.txt" || tail -1 "$work/crl-$size.txt")
  case "$out" in
    *OutOfMemoryError*) ours="out of memory (-Xmx512m)";;
    crl*) ours="$(echo "$out" | sed 's/.* seconds=\([0-9.]*\).*/\1/') s, peak heap $(echo "$out" | sed 's/.* heap_mb=\([0-9]*\).*/\1/') MB, $(echo "$out" | sed 's/.* bytes=\([0-9]*\).*/\1/') bytes";;
    *) ours="failed: $out";;
  esac
  # OpenSSL: a CA and an index of $size revoked entries with reason codes, then one timed -gencrl.
  dir="$work/openssl-$size"; mkdir -p "$dir"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/CN=Bench CA" \
    -days 30 2> /dev/null
  python3 - "$dir" "$size" <<'PY'
import os, random, sys, time
d, n = sys.argv[1], int(sys.argv[2])
reasons = ["keyCompromise", "superseded", "cessationOfOperation", "affiliationChanged", "unspecified"]
expiry = time.strftime("%y%m%d%H%M%SZ", time.gmtime(time.time() + 365 * 86400))
with open(os.path.join(d, "index.txt"), "w") as index:
    for i in range(n):
        revoked = time.strftime("%y%m%d%H%M%SZ", time.gmtime(time.time() - i % 86400))
        index.write(f"R\t{expiry}\t{revoked},{reasons[i % 5]}\t{random.getrandbits(127) | 1 << 126:X}\tunknown\t/CN=x{i}\n")
open(os.path.join(d, "crlnumber"), "w").write("01\n")
open(os.path.join(d, "ca.cnf"), "w").write(f"[ca]\ndefault_ca=c\n[c]\ndatabase={d}/index.txt\ncrlnumber={d}/crlnumber\n"
    f"default_md=sha256\ndefault_crl_days=1\nunique_subject=no\n")
PY
  start=$(date +%s.%N)
  openssl ca -config "$dir/ca.cnf" -gencrl -keyfile "$dir/ca.key" -cert "$dir/ca.pem" -out "$dir/crl.pem" 2> /dev/null
  openssl_s=$(seconds_since "$start")
  rows+="| $size | $ours | $openssl_s s |"$'\n'
  echo "$size entries: ca-core $ours; openssl $openssl_s s"
done

write_section "## CRL building" "$(cat <<MD
Command: \`bench/crl-build.sh\` — $(date -u +%Y-%m-%d), $(machine).
ca-core's \`CrlBuilder\` (EC P-256 CA, random 16-octet serials, reason codes as the service writes them, revocation
times spread over one day, signature and RFC 5280 self-checks included; median of 3 builds) in a JVM with
\`-Xmx512m\`, beside OpenSSL 3 building and signing a CRL of the same entries from an index file in the same run
(\`openssl ca -gencrl\`). The peak heap counts garbage not yet collected.

| entries | ca-core (time, peak heap, size) | baseline: openssl ca -gencrl |
| --- | --- | --- |
$rows
MD
)"
echo "wrote docs/benchmarks.md"
