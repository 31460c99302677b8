#!/usr/bin/env bash
# Benchmark: start-up to the first request served, on the embedded default. The service as deployed (the layout of
# bin/prepare-service: extracted jar, class-data-sharing archive, bean definitions generated at build time) beside
# the same build started as `java -jar ca-api/target/ca-api.jar` (the README's command), in turns in the same run:
# a first start on an empty ca.home (it creates both CAs, the audit key and the admin token) and a restart on it.
# Then the CLI's own start (it runs cold at every command): `--version`, and the dry run of the province file, beside
# the JVM alone (`java -version`). Writes the section "Start-up" of docs/benchmarks.md.
# Usage: bench/startup.sh [runs=5]   (from a built tree: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs=${1:-5}
work=$(mktemp -d)
SERVICE_PID=
trap 'kill $SERVICE_PID 2>/dev/null || true; rm -rf "$work"' EXIT
prepare_service
plain=(-jar ca-api/target/ca-api.jar)

# once NAME FIRST|RESTART JAVA-ARGS...: one start, its seconds and CPU seconds appended to $work/NAME-KIND.
once() {
  local name=$1 kind=$2 home="$work/home-$1" port
  shift 2
  [ "$kind" = first ] && rm -rf "$home"
  port=$(free_port)
  launch_service "$home" "$port" "$work/$name.log" "$@" --
  echo "$STARTUP_SECONDS $(cpu_seconds "$SERVICE_PID")" >> "$work/$name-$kind"
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2> /dev/null || true
}

for _ in $(seq "$runs"); do
  for kind in first restart; do
    once prepared "$kind" "${SERVICE_LAUNCH[@]}"
    once plain "$kind" "${plain[@]}"
  done
done

# cli NAME COMMAND...: its wall seconds appended to $work/NAME; stops the benchmark if it fails.
cli() {
  local name=$1 started
  shift
  started=$(date +%s.%N)
  "$@" > "$work/cli.out" 2>&1 || { echo "failed: $*" >&2; cat "$work/cli.out" >&2; exit 1; }
  seconds_since "$started" >> "$work/$name"
}
# The dry run checks every row and asks the service for the agencies: a service runs for it.
port=$(free_port)
start_service "$work/home-cli" "$port"
server=http://127.0.0.1:$port
export CA_TOKEN=$TOKEN
cli agencies bin/civicca --server "$server" agencies import ../shared/data/agencies.csv
for run in $(seq "$runs"); do
  cli cli-version bin/civicca --version
  cli cli-dry-run bin/civicca --server "$server" enroll --csv ../shared/data/enrollment.csv --out "$work/dry-run-$run" --dry-run
  cli jvm java -version
done

figure() { cut -d' ' -f"$2" "$work/$1" | median; }
all() { cut -d' ' -f1 "$work/$1" | tr '\n' ' ' | sed 's/ $//'; }
row() {
  local kind=$1 label=$2 ours theirs
  ours=$(figure "prepared-$kind" 1); theirs=$(figure "plain-$kind" 1)
  echo "| $label | $ours (CPU $(figure "prepared-$kind" 2)) | $theirs (CPU $(figure "plain-$kind" 2)) | $(ratio "$ours" "$theirs") |"
}
# cli_row NAME LABEL: a CLI command's median beside the JVM's own start.
cli_row() {
  echo "| $2 | $(figure "$1" 1) | $(figure jvm 1) | $(ratio "$(figure "$1" 1)" "$(figure jvm 1)" 1) |"
}
first=$(row first "first start, empty ca.home")
restart=$(row restart "restart")
echo "$first"; echo "$restart"

write_section "## Start-up" "$(cat <<MD
Command: \`bench/startup.sh $runs\` — $(date -u +%Y-%m-%d), $(machine).
Seconds from launching the JVM (\`-Xmx512m\`, embedded H2) to the first answer of \`/actuator/health\` with the admin
token written, median of $runs runs each, taken in turns; in brackets the CPU seconds the process had used by then.
**Deployed**: the layout of \`bin/prepare-service\` (the jar extracted, a class-data-sharing archive of the classes a
start loads) started with \`-XX:SharedArchiveFile=… -Dspring.aot.enabled=true\` (bean definitions generated at build
time), as docs/operations.md deploys it. **Baseline**: the same build as \`java -jar ca-api/target/ca-api.jar\`.
A first start also creates both CAs, the audit key and the admin token; a restart loads them.

| start | deployed, s | baseline \`java -jar\`, s | ratio |
| --- | --- | --- | --- |
$first
$restart

Each run, deployed (first start): $(all prepared-first); baseline: $(all plain-first).

The CLI (\`bin/civicca\`: \`ca-cli/target/ca-cli.jar\` with its libraries beside it in \`lib/\`), median of $runs runs, beside
the JVM alone:

| command | s | baseline \`java -version\`, s | ratio |
| --- | --- | --- | --- |
$(cli_row cli-version "\`civicca --version\`")
$(cli_row cli-dry-run "\`civicca enroll --csv enrollment.csv --dry-run\` (1,998 rows checked, the agencies read from the service)")
MD
)"
echo "wrote docs/benchmarks.md"
