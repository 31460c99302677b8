#!/usr/bin/env bash
# Benchmark: the raw signing ceiling and ca-core's pipeline per CA key type (EC P-256, P-384, RSA-2048, Ed25519), on
# Bouncy Castle alone and on the native provider the service prefers, 1 and 2 threads, measured by JMH (bench/jmh,
# CeilingBenchmark; about 25 minutes on 2 cores). Writes the section "Raw ceiling and core pipeline" of
# docs/benchmarks.md.
# Usage: bench/ceiling.sh [JMH options, e.g. -p key=EC-P256]   (from a built tree: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
run_ceiling "$out" "1 2" "$@"

body=$(python3 - "$out"/threads-*.json <<'PY'
import json, math, sys
results = [result for path in sys.argv[1:] for result in json.load(open(path))]
ops = {"sign": "sign", "verifyKeptKey": "verify-kept-key", "verifyFreshCsr": "verify-fresh-csr", "pipeline": "pipeline"}
rows, errors, settings = {}, [], set()
for result in results:
    params, metric = result["params"], result["primaryMetric"]
    rows.setdefault((params["key"], params["provider"]), {})[(result["benchmark"].rsplit(".", 1)[1], result["threads"])] = metric["score"]
    error = float(metric["scoreError"])  # NaN when there are too few iterations
    if not math.isnan(error):
        errors.append(100 * error / metric["score"])
    settings.add(f"forks: {result['forks']}, warm-up: {result['warmupIterations']} × {result['warmupTime']}, "
                 f"measurement: {result['measurementIterations']} × {result['measurementTime']}")
errors.sort()
spread = (f"at most {errors[-1]:.1f} % of the score (median {errors[len(errors) // 2]:.1f} %)" if errors
          else "not computed (too few measured iterations)")

print(f"""Operations per second measured by JMH {results[0]['jmhVersion']} (`bench/jmh`, `CeilingBenchmark`) with the service's
own code: `sign` with the CA key, `verify-kept-key` (the self-check of what the CA signed, always Bouncy Castle
with the CA key's precomputation kept), `verify-fresh-csr` (CSR parse and proof of possession, cycling through
pre-generated CSRs so that each has a new key), `pipeline` (ca-core's whole IssuancePipeline: parse, proof of
possession, subject, grant, build, sign, self-checks), each on 1 and 2 threads (`-t`).
Throughput mode; {'; '.join(sorted(settings))}.
Each figure is JMH's score, the mean of the measured iterations; its error (half the 99.9 % confidence interval) is
{spread}.
The last column compares the pipeline with what its three signature operations alone allow on the same provider.
""")
print("| key | provider | " + " | ".join(f"{op} 1 / 2 threads" for op in ops.values()) + " | pipeline ÷ (sign+verify ceiling), 2 threads |")
print("| --- | --- | " + " | ".join("---" for _ in ops) + " | --- |")
order = ["EC-P256", "EC-P384", "RSA-2048", "Ed25519"]  # as the old table, Bouncy Castle first
for (key, provider), r in sorted(rows.items(), key=lambda row: (order.index(row[0][0]), row[0][1] != "BC")):
    cells = [" / ".join(f"{r[(op, n)]:.0f}" if (op, n) in r else "—" for n in (1, 2)) for op in ops]
    # One certificate costs a signature, a self-check with the kept key and a proof of possession with a fresh key.
    parts = [r.get((op, 2)) for op in ("sign", "verifyKeptKey", "verifyFreshCsr", "pipeline")]
    ratio = f"{parts[3] * (1 / parts[0] + 1 / parts[1] + 1 / parts[2]):.2f}" if all(parts) else "—"
    print(f"| {key} | {provider} | " + " | ".join(cells) + f" | {ratio} |")
PY
)

command="bench/ceiling.sh${*:+ $*}"
write_section "## Raw ceiling and core pipeline" "$(cat <<MD
Command: \`$command\` — $(date -u +%Y-%m-%d), $(machine).
$body
MD
)"
echo "wrote docs/benchmarks.md"
