#!/usr/bin/env bash
# Builds the front-end fuzz target with libFuzzer and AddressSanitizer and runs it.
#   Fuzz/run.sh [seconds]     (default 600)
# The corpus starts from every schema under Tests/Fixtures and grows in
# Fuzz/corpus (not committed); crashes are written to Fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
seconds="${1:-600}"
swift build -c debug --scratch-path .build-fuzz --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize=fuzzer,address
mkdir -p corpus artifacts
find ../Tests/Fixtures ../modules ../schema.yaml -name '*.yaml' -exec cp {} corpus/ \; 2>/dev/null || true
exec .build-fuzz/debug/FuzzSchema corpus -dict=schema.dict -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=4096 -max_len=8192 -artifact_prefix=artifacts/ -print_final_stats=1
