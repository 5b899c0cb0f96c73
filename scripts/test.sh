#!/usr/bin/env bash
# The project's one test command.
#
#   scripts/test.sh [swift test arguments...]
#
# Starts a throwaway PostgreSQL 15 cluster in a temporary folder (unix socket
# only, no TCP), exports where to reach it, then runs `swift build`,
# `swift test "$@"` and `schemagen check` on the repository's own schema.yaml
# (if there is one), then builds and tests the example package Examples/TodoApp.
# The cluster and the folder are removed on exit, whatever happens.
#
# Exported for the tests:
#   SCHEMAGEN_PG_SOCKET    <tmp>/.s.PGSQL.<port>
#   SCHEMAGEN_PG_HOST      <tmp> (the socket directory)
#   SCHEMAGEN_PG_PORT      the port (default 54329)
#   SCHEMAGEN_PG_USER      postgres (superuser, trust authentication)
#   SCHEMAGEN_PG_DATABASE  postgres
#   SCHEMAGEN_PG_BINDIR    the PostgreSQL 15 binaries (psql, ...)
#   PGHOST, PGPORT, PGUSER, PGDATABASE  the same, for psql and libpq tools
#
# Environment:
#   SCHEMAGEN_PG_PORT            port number of the socket (default 54329)
#   SCHEMAGEN_PG_BINDIR          PostgreSQL 15 binaries (default: found)
#   SCHEMAGEN_SWIFT_BUILD_FLAGS  extra flags for swift build / swift test,
#                                split on spaces (e.g. "-c release")
#   SCHEMAGEN_TEST_DRY_RUN=1     skip Swift: only probe the cluster with
#                                psql -c 'select version()' "$@"
#   SCHEMAGEN_SKIP_EXAMPLE=1     skip building and testing Examples/TodoApp
#
# As root (CI), PostgreSQL runs as the unprivileged system user `schemagen`,
# created on first use.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

die() {
    echo "test.sh: error: $*" >&2
    exit 1
}

pg_port="${SCHEMAGEN_PG_PORT:-54329}"
[[ "$pg_port" =~ ^[0-9]+$ ]] || die "SCHEMAGEN_PG_PORT must be a number, got '$pg_port'"

# --- PostgreSQL 15 server binaries -----------------------------------------

is_pg15_bindir() {
    local dir="$1"
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] &&
        "$dir/postgres" --version 2>/dev/null | grep -Eq '\(PostgreSQL\) 15([^0-9]|$)'
}

pg_bindir=""
for candidate in "${SCHEMAGEN_PG_BINDIR:-}" /usr/lib/postgresql/15/bin \
    "$(pg_config --bindir 2>/dev/null || true)"; do
    if is_pg15_bindir "$candidate"; then
        pg_bindir="$candidate"
        break
    fi
done
[ -n "$pg_bindir" ] || die "PostgreSQL 15 server binaries (initdb, pg_ctl, postgres) not found
  looked in: ${SCHEMAGEN_PG_BINDIR:+$SCHEMAGEN_PG_BINDIR, }/usr/lib/postgresql/15/bin, \$(pg_config --bindir)
  install them (Debian/Ubuntu: apt-get install postgresql-15) or set SCHEMAGEN_PG_BINDIR"

psql_bin="$pg_bindir/psql"
[ -x "$psql_bin" ] || psql_bin="$(command -v psql || true)"

# --- who runs the server ------------------------------------------------------

pg_os_user=""
if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root.
    pg_os_user=schemagen
    if ! id -u "$pg_os_user" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$pg_os_user" ||
            die "could not create the system user '$pg_os_user'"
    fi
fi

# Runs a command as the PostgreSQL OS user (from inside the temp folder, so no
# tool complains about an unreadable working directory).
as_pg() {
    if [ -z "$pg_os_user" ]; then
        (cd "$pg_tmp" && "$@")
    elif command -v runuser >/dev/null 2>&1; then
        (cd "$pg_tmp" && runuser -u "$pg_os_user" -- "$@")
    else
        (cd "$pg_tmp" && su -s /bin/bash "$pg_os_user" -c "$(printf '%q ' "$@")")
    fi
}

# --- throwaway cluster --------------------------------------------------------

pg_tmp=""
pg_data=""

cleanup() {
    local status=$?
    set +e
    if [ -n "$pg_tmp" ] && [ -d "$pg_tmp" ]; then
        if [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ]; then
            as_pg "$pg_bindir/pg_ctl" -D "$pg_data" stop -m immediate -w -t 30 >/dev/null 2>&1
            # Last resort if pg_ctl could not stop it.
            if [ -f "$pg_data/postmaster.pid" ]; then
                local pid
                pid="$(head -n 1 "$pg_data/postmaster.pid" 2>/dev/null)"
                if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
                    kill -KILL "$pid" 2>/dev/null
                    sleep 1
                fi
            fi
        fi
        rm -rf "$pg_tmp"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_tmp="$(mktemp -d "${TMPDIR:-/tmp}/schemagen-pg.XXXXXX")"
pg_data="$pg_tmp/data"
pg_socket="$pg_tmp/.s.PGSQL.$pg_port"
# Unix socket paths are limited to 107 bytes.
[ "${#pg_socket}" -le 100 ] || die "socket path too long: $pg_socket (set TMPDIR to a shorter folder)"

if [ -n "$pg_os_user" ]; then
    chown "$pg_os_user" "$pg_tmp"
fi
# Traversable, so the test process can reach the socket.
chmod 0755 "$pg_tmp"
if [ -n "$pg_os_user" ] && ! runuser -u "$pg_os_user" -- test -x "$pg_tmp" 2>/dev/null; then
    die "user '$pg_os_user' cannot reach $pg_tmp (set TMPDIR to a world-traversable folder such as /tmp)"
fi

if ! as_pg "$pg_bindir/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
    >"$pg_tmp/initdb.log" 2>&1; then
    cat "$pg_tmp/initdb.log" >&2
    die "initdb failed"
fi

cat >>"$pg_data/postgresql.conf" <<EOF

# scripts/test.sh: throwaway cluster, unix socket only, no durability.
listen_addresses = ''
unix_socket_directories = '$pg_tmp'
port = $pg_port
fsync = off
full_page_writes = off
synchronous_commit = off
# The tests run in parallel, each with a few connections of its own.
max_connections = 300
EOF

if ! as_pg "$pg_bindir/pg_ctl" -D "$pg_data" -l "$pg_tmp/postgres.log" -w -t 60 start >/dev/null; then
    tail -n 50 "$pg_tmp/postgres.log" >&2 || true
    die "could not start PostgreSQL (log above)"
fi

ready=""
for _ in $(seq 1 60); do
    if "$pg_bindir/pg_isready" -q -h "$pg_tmp" -p "$pg_port" -U postgres -d postgres; then
        ready=1
        break
    fi
    sleep 0.5
done
if [ -z "$ready" ]; then
    tail -n 50 "$pg_tmp/postgres.log" >&2 || true
    die "PostgreSQL did not become ready on $pg_socket"
fi

export SCHEMAGEN_PG_SOCKET="$pg_socket"
export SCHEMAGEN_PG_HOST="$pg_tmp"
export SCHEMAGEN_PG_PORT="$pg_port"
export SCHEMAGEN_PG_USER=postgres
export SCHEMAGEN_PG_DATABASE=postgres
export SCHEMAGEN_PG_BINDIR="$pg_bindir"
export PGHOST="$pg_tmp" PGPORT="$pg_port" PGUSER=postgres PGDATABASE=postgres

# --- tests ----------------------------------------------------------------------

if [ "${SCHEMAGEN_TEST_DRY_RUN:-}" = 1 ]; then
    [ -n "$psql_bin" ] || die "psql not found"
    echo "test.sh: dry run: PostgreSQL at $SCHEMAGEN_PG_SOCKET"
    "$psql_bin" -X -v ON_ERROR_STOP=1 -h "$SCHEMAGEN_PG_HOST" -p "$SCHEMAGEN_PG_PORT" \
        -U "$SCHEMAGEN_PG_USER" -d "$SCHEMAGEN_PG_DATABASE" -c 'select version()' "$@"
    exit 0
fi

swift_flags=()
if [ -n "${SCHEMAGEN_SWIFT_BUILD_FLAGS:-}" ]; then
    read -r -a swift_flags <<<"$SCHEMAGEN_SWIFT_BUILD_FLAGS"
fi

swift build ${swift_flags[@]+"${swift_flags[@]}"}
if ! swift test ${swift_flags[@]+"${swift_flags[@]}"} "$@"; then
    # What the server refused is in its log (the client's PSQLError hides it): the fatal
    # errors, and the last errors, so a failure on CI can be read from its output.
    echo "test.sh: swift test failed; the server's FATAL lines and last ERROR lines:" >&2
    grep -E "FATAL|PANIC" "$pg_tmp/postgres.log" | tail -n 20 >&2 || true
    grep -E "ERROR" "$pg_tmp/postgres.log" | tail -n 20 >&2 || true
    exit 1
fi

if [ -f schema.yaml ]; then
    bin_path="$(swift build ${swift_flags[@]+"${swift_flags[@]}"} --show-bin-path)"
    "$bin_path/schemagen" check
    # The namespaced project of MigrationOracleTests/NamespacedChainTests: its migrations and records stay current.
    "$bin_path/schemagen" check --schema Tests/Fixtures/namespaced/schema.yaml --output Tests/MigrationOracleTests/Namespaced
fi

# The example consumer (Examples/TodoApp): depends on this package by path and compiles records the
# build plugin generates. It has its own .build (nothing is shared with the one above), so its first
# build compiles schemagen again. SCHEMAGEN_SKIP_EXAMPLE=1 skips it.
if [ "${SCHEMAGEN_SKIP_EXAMPLE:-}" != 1 ]; then
    swift build --package-path Examples/TodoApp --build-tests ${swift_flags[@]+"${swift_flags[@]}"}
    swift test --package-path Examples/TodoApp --skip-build ${swift_flags[@]+"${swift_flags[@]}"}
    # The server example as a user runs it: a new database, migrated on the first start, not on the second.
    "$psql_bin" -X -q -v ON_ERROR_STOP=1 -c 'CREATE DATABASE kanban_example'
    example_bin="$(swift build --package-path Examples/TodoApp ${swift_flags[@]+"${swift_flags[@]}"} --show-bin-path)"
    first="$(PGDATABASE=kanban_example "$example_bin/kanban-server")"
    second="$(PGDATABASE=kanban_example "$example_bin/kanban-server")"
    printf '%s\n' "$first" "$second"
    grep -qx 'migrations applied: 0001_init' <<<"$first" && grep -qx 'migrations applied: none' <<<"$second" ||
        die "kanban-server did not migrate once (output above)"
fi
