#!/usr/bin/env bash
# What SchemagenBuildPlugin costs a build, on a copy of Examples/TodoApp (issue 6):
#   - a no-op rebuild (schema unchanged) with the plugin, against the same package without it
#     (the generated files committed as sources instead);
#   - a rebuild after a one-column change to schema.yaml, against the same change made to the
#     committed files, and whether schemagen ran exactly once (and not again on the next build).
#
#   Benchmarks/plugin.sh [RUNS]    # default 7; prints every time and the medians, in seconds
#
#   Benchmarks/plugin.sh cold [SCHEMAGEN]    # what adopting the plugin costs (issue 14), see cold() below
#
# Works in Benchmarks/.build-bench/plugin (ignored by git; each copy has its own .build, so the
# first run builds schemagen and its dependencies once). Not part of the tests.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# A fresh consumer package (one target, the example's schema.yaml and configuration, the build plugin
# applied, and a root schema.yaml for the command plugin) that depends on the schemagen checkout at
# $1 (default: this one). Times its first, second and third `swift build` and the first and second
# `swift package generate-schema`, once each, in seconds; prints one table row. The package folder is
# new on every run, so the first build resolves and compiles everything; SwiftPM's shared caches of
# fetched repositories (~/.cache) are used as usual.
cold() {
    local schemagen consumer start
    schemagen="$(cd "${1:-$root}" && pwd)"
    consumer="$root/Benchmarks/.build-bench/plugin-cold/$(date +%s)"
    mkdir -p "$consumer/Sources/Model"
    cat >"$consumer/Package.swift" <<MANIFEST
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Consumer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "schemagen", path: "$schemagen")],
    targets: [.target(name: "Model", plugins: [.plugin(name: "SchemagenBuildPlugin", package: "schemagen")])]
)
MANIFEST
    # The schema only, no integrations (no configuration): a consumer of the plugin alone, which must
    # not compile a database client. (The example's own Swift uses GRDB, which this package lacks.)
    cp "$root/Examples/TodoApp/Sources/TodoModel/schema.yaml" "$consumer/Sources/Model/"
    printf '/// Uses a generated record, so the build needs the plugin'"'"'s output.\ntypealias FirstList = Todo.List\n' >"$consumer/Sources/Model/Model.swift"
    cp "$root/Examples/TodoApp/Sources/TodoModel/schema.yaml" "$consumer/schema.yaml"
    local times=() i
    # Each step's output stays in the package folder (build-1.log, ...): what was compiled when.
    for i in 1 2 3; do
        start=$(date +%s.%N)
        swift build -v --package-path "$consumer" >"$consumer/build-$i.log" 2>&1 || { cat "$consumer/build-$i.log" >&2; exit 1; }
        times+=("$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }")")
    done
    for i in 1 2; do
        start=$(date +%s.%N)
        swift package --package-path "$consumer" --allow-writing-to-package-directory generate-schema >"$consumer/command-$i.log" 2>&1 ||
            { cat "$consumer/command-$i.log" >&2; exit 1; }
        times+=("$(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }")")
    done
    echo "logs in $consumer" >&2
    echo "| $(git -C "$schemagen" rev-parse --short HEAD 2>/dev/null || basename "$schemagen") | ${times[0]} s | ${times[1]} s | ${times[2]} s | ${times[3]} s | ${times[4]} s |"
}

if [ "${1:-}" = cold ]; then
    echo "| schemagen | first build | second | third | generate-schema | again |"
    cold "${2:-}"
    exit 0
fi

runs="${1:-7}"
work="$root/Benchmarks/.build-bench/plugin"
with="$work/with" without="$work/without"
line="schemagen: Swift records"

# The example's SQLite model alone (TodoModel and its tests; the server model would bring PostgresNIO).
copy() {
    mkdir -p "$1/Sources" "$1/Tests"
    rm -rf "$1/Sources/TodoModel" "$1/Tests/TodoModelTests"
    cp -R "$root/Examples/TodoApp/Sources/TodoModel" "$1/Sources/"
    cp -R "$root/Examples/TodoApp/Tests/TodoModelTests" "$1/Tests/"
    cat >"$1/Package.swift.new" <<MANIFEST
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "TodoApp",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "schemagen", path: "$root"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(
            name: "TodoModel",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["migrations"],
            plugins: [.plugin(name: "SchemagenBuildPlugin", package: "schemagen")]
        ),
        .testTarget(name: "TodoModelTests", dependencies: ["TodoModel", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
MANIFEST
    # Only a changed manifest is rewritten: a rewrite costs the next build a manifest reload.
    cmp -s "$1/Package.swift.new" "$1/Package.swift" 2>/dev/null && rm "$1/Package.swift.new" || mv "$1/Package.swift.new" "$1/Package.swift"
}

# Seconds taken by `swift build` of a package; its output in $work/last.log.
build() {
    local start end
    start=$(date +%s.%N)
    swift build --package-path "$1" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
    end=$(date +%s.%N)
    awk "BEGIN { printf \"%.3f\", $end - $start }"
}

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
runs_of() { grep -c "$line" "$work/last.log" || true; }

mkdir -p "$work"
copy "$with"
copy "$without"
# Without the plugin: the same package, its target compiling the files the plugin generates.
sed -i '/plugins: \[.plugin(name: "SchemagenBuildPlugin"/d; s|exclude: \["migrations"\],|exclude: ["migrations"]|' "$without/Package.swift"
rm -f "$without/Sources/TodoModel/"*.yaml

echo "first builds (cold when the work folder is new): with plugin $(build "$with") s" >&2
generated="$(find "$with/.build/plugins/outputs" -type d -path '*/TodoModel/destination/SchemagenBuildPlugin')"
sync_generated() {
    for file in "$generated"/*.swift; do
        cmp -s "$file" "$without/Sources/TodoModel/$(basename "$file")" || cp "$file" "$without/Sources/TodoModel/"
    done
}
sync_generated
echo "  without plugin $(build "$without") s" >&2
build "$with" >/dev/null; build "$without" >/dev/null

noop_with=() noop_without=()
for _ in $(seq "$runs"); do
    noop_with+=("$(build "$with")")
    [ "$(runs_of)" = 0 ] || { echo "plugin.sh: schemagen ran on a no-op build" >&2; exit 1; }
    noop_without+=("$(build "$without")")
done
echo "no-op rebuild, with plugin:    ${noop_with[*]}"
echo "no-op rebuild, without plugin: ${noop_without[*]}"

schema="$with/Sources/TodoModel/schema.yaml"
change_with=() change_without=() after_with=()
for i in $(seq "$runs"); do
    # One column added, then removed again: each run is a one-column change.
    if [ $((i % 2)) = 1 ]; then
        sed -i 's|^      due_on:   date?$|      due_on:   date?\n      note:     text?|' "$schema"
    else
        sed -i '/^      note:     text?$/d' "$schema"
    fi
    change_with+=("$(build "$with")")
    [ "$(runs_of)" = 1 ] || { echo "plugin.sh: schemagen ran $(runs_of) times after a one-column change" >&2; exit 1; }
    after_with+=("$(build "$with")")
    [ "$(runs_of)" = 0 ] || { echo "plugin.sh: schemagen ran again on the build after the change" >&2; exit 1; }
    sync_generated
    change_without+=("$(build "$without")")
done
# Leave the copy as the example is.
cp "$root/Examples/TodoApp/Sources/TodoModel/schema.yaml" "$schema"

echo "one-column change, with plugin (schemagen ran once each time): ${change_with[*]}"
echo "  next build (schemagen not run again):                        ${after_with[*]}"
echo "same change to committed files, without plugin:                ${change_without[*]}"
echo
echo "medians over $runs runs (seconds):"
echo "  no-op rebuild:     with plugin $(median "${noop_with[@]}"), without $(median "${noop_without[@]}")"
echo "  one-column change: with plugin $(median "${change_with[@]}"), without $(median "${change_without[@]}")"
