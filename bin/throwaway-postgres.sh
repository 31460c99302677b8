#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for tests and benchmarks, from Debian's postgresql package.
# Sourced:  throwaway_postgres_start   starts one; sets CA_TEST_DB_URL, CA_TEST_DB_USER, CA_TEST_DB_PASSWORD, THROWAWAY_PG_DIR,
#                                      THROWAWAY_PG_PORT
#           throwaway_postgres_stop    stops it and deletes its data
# Run:      bin/throwaway-postgres.sh start   prints those four variables as NAME=value lines
#           bin/throwaway-postgres.sh stop DIR
# The URL names the maintenance database "postgres"; the user owns the cluster and may create databases.

throwaway_postgres_run() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    if [ "$(id -u)" = 0 ]; then
        # PostgreSQL refuses to run as root.
        runuser -u postgres -- "$bin/$1" "${@:2}"
    else
        "$bin/$1" "${@:2}"
    fi
}

throwaway_postgres_start() {
    THROWAWAY_PG_DIR=$(mktemp -d)
    if [ "$(id -u)" = 0 ]; then chown postgres "$THROWAWAY_PG_DIR"; fi
    local port=55432
    while (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
    CA_TEST_DB_PASSWORD=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    (umask 077 && echo "$CA_TEST_DB_PASSWORD" > "$THROWAWAY_PG_DIR/password")
    if [ "$(id -u)" = 0 ]; then chown postgres "$THROWAWAY_PG_DIR/password"; fi
    throwaway_postgres_run initdb -D "$THROWAWAY_PG_DIR/data" -U civicca --pwfile="$THROWAWAY_PG_DIR/password" \
        -A scram-sha-256 -E UTF8 >/dev/null
    throwaway_postgres_run pg_ctl -D "$THROWAWAY_PG_DIR/data" -l "$THROWAWAY_PG_DIR/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $THROWAWAY_PG_DIR" start >/dev/null
    export CA_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$port/postgres" CA_TEST_DB_USER=civicca CA_TEST_DB_PASSWORD THROWAWAY_PG_DIR
    THROWAWAY_PG_PORT=$port
}

throwaway_postgres_stop() {
    if [ -n "${THROWAWAY_PG_DIR:-}" ] && [ -d "$THROWAWAY_PG_DIR" ]; then
        throwaway_postgres_run pg_ctl -D "$THROWAWAY_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
        rm -rf "$THROWAWAY_PG_DIR"
    fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
        start)
            throwaway_postgres_start
            printf 'CA_TEST_DB_URL=%s\nCA_TEST_DB_USER=%s\nCA_TEST_DB_PASSWORD=%s\nTHROWAWAY_PG_DIR=%s\n' \
                "$CA_TEST_DB_URL" "$CA_TEST_DB_USER" "$CA_TEST_DB_PASSWORD" "$THROWAWAY_PG_DIR" ;;
        stop)
            THROWAWAY_PG_DIR=$2
            throwaway_postgres_stop ;;
        *)
            echo "usage: $0 start | stop DIR" >&2
            exit 2 ;;
    esac
fi
