# Shared by the benchmark scripts (sourced, not run): the interpreters to
# compare and the timing helpers. Runs from the repository root.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${RUNS:-5}
PYL=${PYL:-target/release/pyl}
[ -x "$PYL" ] || cargo build --release --quiet
PY=${PYTHON:-python3}

now() { date +%s.%N; }

# Median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
