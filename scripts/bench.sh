#!/usr/bin/env bash
# Runs every benchmark in scripts/bench/ under target/release/pyl and python3,
# interleaved, RUNS times each; checks both print the same output; prints the
# median wall time of each, the ratio (CPython time / pyl time: above 1 means
# pyl is faster) and the geometric mean of the ratios.
#
# usage: scripts/bench.sh [pyl flags...]     e.g. scripts/bench.sh --no-gil
# env:   RUNS (default 5), BENCH_FILTER (substring of benchmark names)
source "$(dirname "$0")/bench_common.sh"
out_dir=$(mktemp -d)
trap 'rm -rf "$out_dir"' EXIT

printf '%-18s %10s %10s %8s\n' benchmark "python3 s" "pyl s" ratio
ratios=()
status=0
for f in scripts/bench/*.pyl; do
  name=$(basename "$f" .pyl)
  [[ -n "${BENCH_FILTER:-}" && "$name" != *"$BENCH_FILTER"* ]] && continue
  py_times=(); pyl_times=()
  for ((i = 0; i < RUNS; i++)); do
    t0=$(now); "$PY" "$f" > "$out_dir/py.out"; t1=$(now)
    "$PYL" "$@" "$f" > "$out_dir/pyl.out"; t2=$(now)
    py_times+=("$(echo "$t1 - $t0" | bc -l)")
    pyl_times+=("$(echo "$t2 - $t1" | bc -l)")
    if ! cmp -s "$out_dir/py.out" "$out_dir/pyl.out"; then
      echo "$name: outputs differ" >&2
      diff "$out_dir/py.out" "$out_dir/pyl.out" | head -5 >&2
      status=1
      break
    fi
  done
  py=$(median "${py_times[@]}"); pyl=$(median "${pyl_times[@]}")
  ratio=$(echo "$py / $pyl" | bc -l)
  ratios+=("$ratio")
  printf '%-18s %10.3f %10.3f %8.2f\n' "$name" "$py" "$pyl" "$ratio"
done
if [ ${#ratios[@]} -gt 0 ]; then
  geo=$(printf '%s\n' "${ratios[@]}" | awk '{s += log($1)} END {print exp(s / NR)}')
  printf '%-18s %10s %10s %8.2f\n' "geometric mean" "" "" "$geo"
fi
exit $status
