# Shared by the benchmark scripts: the machine's description, a free port, the ca-core classpath, the JMH benchmarks,
# a service on the embedded default, and the writer of one section of docs/benchmarks.md. Source it from the
# repository root.

machine() {
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(java -version 2>&1 | head -1)"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# The runtime classpath of ca-core (its jar, Bouncy Castle and the optional native provider the service prefers), for
# the single-file Java programs under bench/.
core_classpath() {
  local core
  core=$(mktemp)
  ./mvnw -q -pl ca-core dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$core" > /dev/null
  [ -s "$core" ] || { echo "could not resolve the classpath of ca-core" >&2; exit 1; }
  echo "$(cat "$core"):$(ls ca-core/target/ca-core-*.jar | head -1)"
  rm -f "$core"
}

# The JMH benchmarks of bench/jmh, a Maven project outside the root reactor: installs ca-core, builds
# bench/jmh/target/benchmarks.jar and prints its path. Offline first; the registry only for the first download.
benchmarks_jar() {
  local step
  for step in "install -DskipTests -pl ca-core -am" "-f bench/jmh/pom.xml package"; do
    # shellcheck disable=SC2086
    ./mvnw -q -o $step > /dev/null 2>&1 || ./mvnw -q $step >&2
  done
  echo bench/jmh/target/benchmarks.jar
}

# run_ceiling DIR THREADS [JMH options...]: the raw ceiling and core pipeline benchmarks (CeilingBenchmark) with each
# thread count of THREADS ("1 2"), on Bouncy Castle and on the native provider the service prefers where it loads.
# JMH's results go to DIR/threads-N.json and its log to stderr; prints one
# "ceiling KEY OP threads=N ops_per_s=X provider=NAME" line a figure.
run_ceiling() {
  local dir=$1 threads=$2 jar providers=BC native n
  shift 2
  jar=$(benchmarks_jar)
  native=$(java -cp "$jar" org.civicca.bench.NativeProviderName 2> /dev/null)
  if [ -n "$native" ]; then
    providers="BC,$native"
  fi
  for n in $threads; do
    java -jar "$jar" -t "$n" -p provider="$providers" -rf json -rff "$dir/threads-$n.json" "$@" >&2
  done
  python3 - "$dir"/threads-*.json <<'PY'
import json, re, sys
for path in sys.argv[1:]:
    for result in json.load(open(path)):
        # verifyKeptKey -> verify-kept-key
        op = re.sub(r"(?<!^)(?=[A-Z])", "-", result["benchmark"].rsplit(".", 1)[1]).lower()
        params, score = result["params"], result["primaryMetric"]["score"]
        print(f"ceiling {params['key']} {op} threads={result['threads']} ops_per_s={score:.0f} provider={params['provider']}")
PY
}

# The service as operators deploy it (docs/operations.md): ca-api/target/service, laid out by bin/prepare-service
# unless it is newer than the jar, started on the bean definitions generated at build time.
SERVICE_LAUNCH=(-XX:SharedArchiveFile=ca-api/target/service/ca-api.jsa -Dspring.aot.enabled=true -jar ca-api/target/service/ca-api.jar)
# Prepared again when the jar is newer, or when this java cannot map the archive (after a JDK upgrade the JVM would
# otherwise start without it, silently).
prepare_service() {
  if [ ! ca-api/target/service/ca-api.jsa -nt ca-api/target/ca-api.jar ] \
      || ! java -Xshare:on -XX:+PrintSharedArchiveAndExit "${SERVICE_LAUNCH[@]}" > /dev/null 2>&1; then
    bin/prepare-service > /dev/null
  fi
}

# launch_service HOME PORT LOG JAVA-ARGS... -- [service args...]: starts the service with -Xmx512m, waits until it
# answers and its first start wrote the admin token; sets SERVICE_PID, STARTUP_SECONDS (launch to first request
# served) and TOKEN.
launch_service() {
  local home=$1 port=$2 log=$3 started java=()
  shift 3
  while [ "$1" != "--" ]; do java+=("$1"); shift; done
  shift
  started=$(date +%s.%N)
  java -Xmx512m "${java[@]}" --ca.home="$home" --server.port="$port" "$@" > "$log" 2>&1 &
  SERVICE_PID=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && [ -f "$home/admin.token" ]; do
    kill -0 "$SERVICE_PID" 2> /dev/null || { echo "the service exited during start; its log:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  STARTUP_SECONDS=$(seconds_since "$started")
  TOKEN=$(cat "$home/admin.token")
}

# start_service HOME PORT [service args...]: the prepared service (see prepare_service), logging to HOME.log.
start_service() {
  local home=$1 port=$2
  shift 2
  prepare_service
  launch_service "$home" "$port" "$home.log" "${SERVICE_LAUNCH[@]}" -- "$@"
}

# create_agency PORT: the agency the benchmark requests name (so-tc), as the admin.
create_agency() {
  curl -sf -X POST "http://127.0.0.1:$1/api/v1/agencies" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"code":"so-tc","name":"Sở Tài chính","taxCode":"2561744874","locality":"Vĩnh Yên"}' > /dev/null
}

# seed_database HOME PORT SQL: a fresh service home with the so-tc agency and both CAs, then SQL run on its stopped
# database with H2's own RunScript tool from the service's jar (rows written this way skip the API, for large seeds).
seed_database() {
  local home=$1 port=$2 sql=$3 tools
  start_service "$home" "$port"
  create_agency "$port"
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2> /dev/null || true
  tools=$(mktemp -d)
  unzip -q -j -o ca-api/target/ca-api.jar 'BOOT-INF/lib/h2-*.jar' -d "$tools"
  echo "$sql" > "$tools/seed.sql"
  java -cp "$(ls "$tools"/h2-*.jar)" org.h2.tools.RunScript -url "jdbc:h2:file:$home/db/ca" -user sa -password "" -script "$tools/seed.sql"
  rm -rf "$tools"
}

# Service CPU seconds so far (user + system).
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"
}

# seconds_since START: wall seconds since START, a `date +%s.%N` reading, to the hundredth.
seconds_since() {
  python3 -c "import time; print(f'{time.time() - $1:.2f}')"
}

# ratio A B [DIGITS=2]: A ÷ B.
ratio() {
  python3 -c "print(f'{$1 / $2:.${3:-2}f}')"
}

median() {
  sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# write_section "## Heading" TEXT: replaces that section of docs/benchmarks.md (or appends it).
write_section() {
  python3 - "$1" "$2" <<'PY'
import pathlib, re, sys
heading, body = sys.argv[1], sys.argv[2].strip() + "\n"
path = pathlib.Path("docs/benchmarks.md")
text = path.read_text() if path.exists() else "# Benchmarks\n"
pattern = re.compile(re.escape(heading) + r"\n.*?(?=\n## |\Z)", re.S)
section = heading + "\n\n" + body
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip() + "\n\n" + section
path.write_text(text)
PY
}
