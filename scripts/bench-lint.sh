#!/usr/bin/env bash
# Times `starbank lint --format json` end to end on generated banks (1,000 and 10,000
# stories by default), side by side with proselint on the same prose, and prints the ratio.
#
#   scripts/bench-lint.sh [SIZE...]
#
# proselint (PyPI, a baseline only) is installed into a venv under /tmp on first use
# (PROSELINT_VENV to choose another). starbank's figure is the fastest of RUNS runs (5) after
# one warm-up run, which also writes the bank's index on disk (.starbank/index), as a second
# lint in CI finds it; its peak RSS is the largest of those runs. proselint runs once: it is
# two orders of magnitude slower. STARBANK_THREADS=1 measures one thread. On a shared machine
# wall times are noisy: compare the minimum.
set -euo pipefail
cd "$(dirname "$0")/.."

work=${BENCH_DIR:-/tmp/starbank-bench-lint}
venv=${PROSELINT_VENV:-/tmp/proselint-venv}
runs=${RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

if [ ! -x "$venv/bin/proselint" ]; then
    echo "installing proselint into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet proselint
fi
nice -n 5 cargo build --release --quiet --bin starbank --example generate
starbank=target/release/starbank

# Runs a command RUNS times (or once) and prints "min_wall_seconds peak_rss_mb".
measure() {
    local times=$1
    shift
    python3 - "$times" "$@" <<'PY'
import resource, subprocess, sys, time
times, command = int(sys.argv[1]), sys.argv[2:]
best = float("inf")
for _ in range(times):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    best = min(best, time.perf_counter() - start)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{best:.3f} {peak:.0f}")
PY
}

printf '%-8s %12s %10s %14s %8s\n' stories "starbank s" "peak MB" "proselint s" ratio
for size in "${sizes[@]}"; do
    bank=$work/bank-$size
    prose=$work/prose-$size
    last=$(printf 'story-%05d.ron' $((size - 1)))
    if [ ! -e "$bank/$last" ] || [ ! -d "$prose" ]; then
        rm -rf "$bank" "$prose"
        target/release/examples/generate "$bank" "$size" 42 --prose "$prose"
    fi
    "$starbank" lint --format json "$bank" >/dev/null || true
    read -r ours peak < <(measure "$runs" "$starbank" lint --format json "$bank")
    read -r theirs _ < <(measure 1 "$venv/bin/proselint" check "$prose")
    ratio=$(python3 -c "print(f'{$theirs / $ours:.0f}x')")
    printf '%-8s %12s %10s %14s %8s\n' "$size" "$ours" "$peak" "$theirs" "$ratio"
done
