#!/usr/bin/env bash
# Instructions per operation, pyl against python3, for the one-operation
# loops in scripts/bench/micro/. Each program runs under callgrind twice
# (N1 and N2 iterations) so start-up cancels out; the empty loop's cost per
# iteration is then subtracted (except for rows marked "baseline: none").
# Instruction counts, not time: they are stable on a loaded machine.
#
# usage: scripts/bench_micro.sh [pyl flags...]
# env:   N1, N2 (iterations, default 20000 and 120000), MICRO_FILTER
source "$(dirname "$0")/bench_common.sh"
N1=${N1:-20000}
N2=${N2:-60000}
# The interpreter itself, not a launcher script (pyenv shims are shell scripts).
PY=$("$PY" -c 'import sys; print(sys.executable)')

# Instructions callgrind counted for one run of the command given.
instructions() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    awk '/Collected :/ {print $NF}'
}

# Instructions per iteration of one program under one interpreter.
per_iter() {
  local a b
  a=$(instructions "$@" "$N1")
  b=$(instructions "$@" "$N2")
  echo "($b - $a) / ($N2 - $N1)" | bc -l
}

dir=scripts/bench/micro
base_pyl=$(per_iter "$PYL" "$@" "$dir/empty.pyl")
base_py=$(per_iter "$PY" -S "$dir/empty.pyl")
printf '%-16s %9s %9s %8s\n' operation "pyl Ir" "py Ir" "py/pyl"
printf '%-16s %9.0f %9.0f %8s\n' "(empty loop)" "$base_pyl" "$base_py" ""
ratios=()
for f in "$dir"/*.pyl; do
  name=$(basename "$f" .pyl)
  [ "$name" = empty ] && continue
  [[ -n "${MICRO_FILTER:-}" && "$name" != *"$MICRO_FILTER"* ]] && continue
  if ! cmp -s <("$PY" -S "$f" 50) <("$PYL" "$@" "$f" 50); then
    echo "$name: outputs differ" >&2
    continue
  fi
  pyl=$(per_iter "$PYL" "$@" "$f")
  py=$(per_iter "$PY" -S "$f")
  if ! grep -q '^# baseline: none' "$f"; then
    pyl=$(echo "$pyl - $base_pyl" | bc -l)
    py=$(echo "$py - $base_py" | bc -l)
  fi
  # An operation pyl compiles away (`try: pass` costs what the empty loop
  # does) has no ratio: it is shown as free and left out of the mean.
  if (( $(echo "$pyl < 1" | bc -l) )); then
    printf '%-16s %9.0f %9.0f %8s\n' "$name" 0 "$py" free
    continue
  fi
  ratio=$(echo "$py / $pyl" | bc -l)
  ratios+=("$ratio")
  printf '%-16s %9.0f %9.0f %8.2f\n' "$name" "$pyl" "$py" "$ratio"
done
if [ ${#ratios[@]} -gt 0 ]; then
  geo=$(printf '%s\n' "${ratios[@]}" | awk '{s += log($1)} END {print exp(s / NR)}')
  printf '%-16s %9s %9s %8.2f\n' "geometric mean" "" "" "$geo"
fi
