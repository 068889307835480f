#!/usr/bin/env bash
# What the instruments cost: every benchmark in scripts/bench/ (threads
# and processes included) under pyl as it is, pyl --gil-stats and
# pyl --timeline, interleaved; with BASE=path/to/older/pyl also under that
# binary (e.g. one built before the instruments existed), to show what
# recording costs when no instrument is asked for.
#
# Median wall time of RUNS runs (default 5); cost = time / plain time - 1.
# usage: BASE=/tmp/pyl-base scripts/bench_instruments.sh [pyl flags...]
source "$(dirname "$0")/bench_common.sh"
out_dir=$(mktemp -d)
trap 'rm -rf "$out_dir"' EXIT

# runs NAME CMD...: appends one wall time of CMD to the array named NAME.
runs() {
  local -n into=$1
  shift
  local t0 t1
  t0=$(now); "$@" > /dev/null 2>&1; t1=$(now)
  into+=("$(echo "$t1 - $t0" | bc -l)")
}

cost() { echo "($1 / $2 - 1) * 100" | bc -l; }

if [ -n "${BASE:-}" ]; then
  printf '%-18s %9s %9s %8s %11s %10s\n' benchmark "plain s" "base s" "off" "gil-stats" "timeline"
else
  printf '%-18s %9s %11s %10s\n' benchmark "plain s" "gil-stats" "timeline"
fi
for f in scripts/bench/*.pyl; do
  name=$(basename "$f" .pyl)
  [[ -n "${BENCH_FILTER:-}" && "$name" != *"$BENCH_FILTER"* ]] && continue
  plain=(); base=(); stats=(); tl=()
  for ((i = 0; i < RUNS; i++)); do
    runs plain "$PYL" "$@" "$f"
    [ -n "${BASE:-}" ] && runs base "$BASE" "$@" "$f"
    runs stats "$PYL" "$@" --gil-stats "$f"
    runs tl "$PYL" "$@" --timeline "$out_dir/t" "$f"
  done
  p=$(median "${plain[@]}"); s=$(median "${stats[@]}"); t=$(median "${tl[@]}")
  if [ -n "${BASE:-}" ]; then
    b=$(median "${base[@]}")
    printf '%-18s %9.3f %9.3f %7.1f%% %10.1f%% %9.1f%%\n' "$name" "$p" "$b" "$(cost "$p" "$b")" \
      "$(cost "$s" "$p")" "$(cost "$t" "$p")"
  else
    printf '%-18s %9.3f %10.1f%% %9.1f%%\n' "$name" "$p" "$(cost "$s" "$p")" "$(cost "$t" "$p")"
  fi
done
