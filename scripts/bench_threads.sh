#!/usr/bin/env bash
# Benchmarks of the interpreter lock (issue "threads and the switchable GIL"):
#
# 1. Speedup of two threads over sequential work: scripts/bench/threads/
#    countdown_seq.pyl (two countdowns of 10 million, one after the other)
#    against countdown_par.pyl (the same two in two threads), and the
#    call-heavy calls_seq.pyl/calls_par.pyl, under python3, pyl (GIL) and
#    pyl --no-gil. Speedup = seq time / par time.
# 2. What --no-gil costs a single thread: every single-threaded benchmark
#    in scripts/bench/ under pyl and pyl --no-gil. Cost = nogil / gil - 1.
#
# Median wall time of RUNS runs (default 5).
source "$(dirname "$0")/bench_common.sh"

# time_of CMD...: median wall time of RUNS runs of CMD (stdout discarded).
time_of() {
  local times=() t0 t1
  for ((i = 0; i < RUNS; i++)); do
    t0=$(now); "$@" > /dev/null; t1=$(now)
    times+=("$(echo "$t1 - $t0" | bc -l)")
  done
  median "${times[@]}"
}

# Pairs of scripts/bench/threads/<name>_seq.pyl and <name>_par.pyl:
# countdown (locals only) and calls (a global function called in a loop,
# an attribute of the thread's own object updated).
for pair in countdown calls; do
  echo "Two threads vs one after the other: $pair ($(nproc) cores)"
  printf '%-16s %10s %10s %8s\n' interpreter "seq s" "2 threads s" speedup
  for who in python3 "pyl" "pyl --no-gil"; do
    case "$who" in
      python3) cmd=("$PY") ;;
      pyl) cmd=("$PYL") ;;
      *) cmd=("$PYL" --no-gil) ;;
    esac
    seq=$(time_of "${cmd[@]}" "scripts/bench/threads/${pair}_seq.pyl")
    par=$(time_of "${cmd[@]}" "scripts/bench/threads/${pair}_par.pyl")
    printf '%-16s %10.3f %10.3f %8.2f\n' "$who" "$seq" "$par" "$(echo "$seq / $par" | bc -l)"
  done
  echo
done

echo "Single thread: pyl with the GIL vs pyl --no-gil"
printf '%-18s %10s %10s %8s\n' benchmark "gil s" "no-gil s" cost
for f in scripts/bench/*.pyl; do
  name=$(basename "$f" .pyl)
  # Benchmarks that start threads or processes measure something else.
  grep -q '^import \(threading\|queue\|multiprocessing\)' "$f" && continue
  gil=$(time_of "$PYL" "$f")
  nogil=$(time_of "$PYL" --no-gil "$f")
  printf '%-18s %10.3f %10.3f %7.1f%%\n' "$name" "$gil" "$nogil" "$(echo "($nogil / $gil - 1) * 100" | bc -l)"
done
