#!/usr/bin/env bash
# Benchmark: the raw signing ceiling and ca-core's pipeline per CA key type (EC P-256, P-384, RSA-2048, Ed25519), on
# Bouncy Castle alone and on the native provider the service prefers, 1 and 2 threads (bench/Ceiling.java). Writes the
# section "Raw ceiling and core pipeline" of docs/benchmarks.md.
# Usage: bench/ceiling.sh   (from a built tree: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
out=$(mktemp)
trap 'rm -f "$out"' EXIT
java -cp "$(core_classpath)" bench/Ceiling.java | tee "$out"

table=$(python3 - "$out" <<'PY'
import collections, sys
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    _, key, op, threads, rate, provider = line.split()
    rows.setdefault((key, provider.split("=")[1]), {})[(op, threads.split("=")[1])] = int(rate.split("=")[1])
ops = ["sign", "verify-kept-key", "verify-fresh-csr", "pipeline"]
print("| key | provider | " + " | ".join(f"{op} 1 / 2 threads" for op in ops) + " | pipeline ÷ (sign+verify ceiling), 2 threads |")
print("| --- | --- | " + " | ".join("---" for _ in ops) + " | --- |")
for (key, provider), r in rows.items():
    cells = [f"{r[(op, '1')]} / {r[(op, '2')]}" for op in ops]
    # One certificate costs a signature, a self-check with the kept key and a proof of possession with a fresh key.
    ceiling = 1 / (1 / r[("sign", "2")] + 1 / r[("verify-kept-key", "2")] + 1 / r[("verify-fresh-csr", "2")])
    print(f"| {key} | {provider} | " + " | ".join(cells) + f" | {r[('pipeline', '2')] / ceiling:.2f} |")
PY
)

write_section "## Raw ceiling and core pipeline" "$(cat <<MD
Command: \`bench/ceiling.sh\` — $(date -u +%Y-%m-%d), $(machine).
Operations per second in one JVM with the service's own code: \`sign\` with the CA key, \`verify-kept-key\` (the
self-check of what the CA signed, always Bouncy Castle with the CA key's precomputation kept), \`verify-fresh-csr\`
(CSR parse and proof of possession with a new key each time), \`pipeline\` (ca-core's whole IssuancePipeline: parse,
proof of possession, subject, grant, build, sign, self-checks). Median of 3 runs of 1.5 s after 2 s of warm-up. The
last column compares the pipeline with what its three signature operations alone allow on the same provider.

$table
MD
)"
echo "wrote docs/benchmarks.md"
