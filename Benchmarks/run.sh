#!/usr/bin/env bash
# Speed of schemagen against the floor (libyaml scanning the same bytes) and,
# with PEERS=1, against the peers (SQLAlchemy DDL, Alembic autogenerate, migra),
# all in one run, through the benchmark kit in ../shared/bench (BENCH_KIT).
#
#   Benchmarks/run.sh [N ...]            # default: 100 1000 5000; schemagen + libyaml only
#   PEERS=1 Benchmarks/run.sh 100 1000   # the kit's whole benchmark, schemagen included
#
# Environment: BENCH_KIT (default ../shared/bench), RUNS (5), WARMUP (1),
# BENCH_WORK (work folder, kept), PYTHON (for PEERS=1: a venv with the kit's
# requirements; made in Benchmarks/.venv when unset), BENCH_PG (see the kit).
# Not part of the tests: speed is measured here, never in timed unit tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kit="${BENCH_KIT:-$root/../shared/bench}"
[ -f "$kit/bench_time.py" ] || { echo "run.sh: no benchmark kit at $kit (set BENCH_KIT)" >&2; exit 2; }
ns=("$@"); [ ${#ns[@]} -gt 0 ] || ns=(100 1000 5000)

echo "== building schemagen (release)" >&2
(cd "$root" && swift build -c release --product schemagen >&2)
schemagen="$root/.build/release/schemagen"

bin="$root/Benchmarks/.build-bench"; mkdir -p "$bin"
cc -O2 -o "$bin/yaml_scan" "$kit/yaml_scan.c" -lyaml
cc -O2 -o "$bin/benchrun" "$kit/benchrun.c"
export BENCHRUN="$bin/benchrun"

if [ "${PEERS:-}" = 1 ]; then
    if [ -z "${PYTHON:-}" ]; then
        [ -x "$root/Benchmarks/.venv/bin/python" ] || python3 -m venv "$root/Benchmarks/.venv"
        "$root/Benchmarks/.venv/bin/pip" install -q -r "$kit/requirements.txt"
        export PYTHON="$root/Benchmarks/.venv/bin/python"
    fi
    exec env SCHEMAGEN="$schemagen" "$kit/run_peers.sh" "${ns[@]}"
fi

work="${BENCH_WORK:-$(mktemp -d)}"; mkdir -p "$work"
results="$work/results.jsonl"
bt() { python3 "$kit/bench_time.py" run --runs "${RUNS:-5}" --warmup "${WARMUP:-1}" --results "$results" "$@"; }
for n in "${ns[@]}"; do
    d="$work/$n"; mkdir -p "$d"
    python3 "$kit/gen_schema.py" "$n" > "$d/base.yaml"
    python3 "$kit/gen_schema.py" "$n" --mutate > "$d/mutated.yaml"
    b=$(stat -c %s "$d/base.yaml"); bm=$(( b + $(stat -c %s "$d/mutated.yaml") ))
    bt --label libyaml_scan_base --n "$n" --bytes "$b" -- "$bin/yaml_scan" "$d/base.yaml"
    bt --label libyaml_scan_base_mutated --n "$n" --bytes "$bm" -- "$bin/yaml_scan" "$d/base.yaml" "$d/mutated.yaml"
    export SCHEMAGEN_PHASES=1
    bt --label schemagen_sql_sqlite --n "$n" --bytes "$b" --stdout "$d/schemagen.sqlite.sql" -- "$schemagen" sql "$d/base.yaml" --dialect sqlite
    bt --label schemagen_sql_postgres --n "$n" --bytes "$b" --stdout "$d/schemagen.postgres.sql" -- "$schemagen" sql "$d/base.yaml" --dialect postgres
    # The Swift records, integrations off (no config) and both on, each into a folder of its own.
    printf 'integrations: [grdb, postgresnio]\n' > "$d/integrations.yaml"
    bt --label schemagen_swift_plain --n "$n" --bytes "$b" -- "$schemagen" swift --schema "$d/base.yaml" --output "$d/swift-plain"
    bt --label schemagen_swift_integrations --n "$n" --bytes "$b" -- "$schemagen" swift --schema "$d/base.yaml" --config "$d/integrations.yaml" --output "$d/swift-integrations"
    bt --label schemagen_diff_postgres --n "$n" --bytes "$bm" --stdout "$d/schemagen.diff.sql" -- "$schemagen" diff "$d/base.yaml" "$d/mutated.yaml" --dialect postgres --allow-destructive
    unset SCHEMAGEN_PHASES
done
python3 "$kit/bench_time.py" report "$results"
echo
echo "raw results: $results"
