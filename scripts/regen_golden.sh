#!/usr/bin/env bash
# Regenerates the expected results of the golden conformance suite by running
# CPython 3.11 (the oracle) on every tests/golden/**/*.py. Next to each script
# it writes:
#   <name>.out   the exact stdout bytes
#   <name>.exit  line 1: the exit status; if non-zero, line 2: the last
#                non-empty line of stderr
#   <name>.err   only for scripts under a directory named diagnostics: the
#                whole stderr, with the script's directory written as <dir>
#                (tracebacks show absolute paths; none is recorded)
# pyl's deliberate additions to CPython's stderr for learners are declared by
# hand in <name>.extra (see tests/golden.rs); this script never writes them.
# Files named *_mod.py or _*.py are helper modules imported by tests, not tests.
# A script may have a <name>.mask whose steps are applied to its stdout
# here and to pyl's by tests/golden.rs: "digits" turns each run of digits
# into N (process ids, timings), "sort" sorts the lines (output whose order
# depends on scheduling). Used for the tutorial's process examples.
# A test may be a symlink to a runnable script elsewhere (tests/golden/threads/
# tutorial/ links the tutorial's scripts in scripts/tutorial/).
#
# Scripts under a directory named memory run with their address space
# limited to 512 MiB (ulimit -v 524288), as tests/golden.rs runs pyl on them:
# their MemoryError cases then fail within the limit, on any machine.
#
# Each script runs with its absolute path as argv[0], stdin empty, the current
# directory set to a fresh temporary directory (so tests that write files do
# not litter the repository) and a timeout. Every script is run twice with
# different hash seeds; if the two runs differ the script is not
# deterministic (e.g. it prints a set of strings) and the script fails.
#
# Usage: scripts/regen_golden.sh [SUBSTRING]   (only scripts whose path contains it)
# Environment: PYTHON (default python3), GOLDEN_TIMEOUT seconds (default 60).
set -uo pipefail

cd "$(dirname "$0")/.."
root="$PWD/tests/golden"
python="${PYTHON:-python3}"
limit="${GOLDEN_TIMEOUT:-60}"
filter="${1:-}"

version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])') || exit 1
if [[ "$version" != "3.11" ]]; then
    echo "regen_golden: $python is Python $version; the oracle must be CPython 3.11" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run SCRIPT SEED OUTDIR: runs the script in a fresh directory; leaves
# OUTDIR/stdout, OUTDIR/stderr and OUTDIR/status.
run() {
    local script=$1 seed=$2 out=$3 cwd
    mkdir -p "$out"
    cwd=$(mktemp -d "$work/cwd.XXXXXX")
    (
        if [[ "/${script#"$root/"}" == */memory/* ]]; then ulimit -v 524288 || exit 1; fi
        cd "$cwd" &&
        PYTHONHASHSEED=$seed PYTHONDONTWRITEBYTECODE=1 PYTHONUTF8=1 PYTHONPATH= \
            timeout --kill-after=5 "$limit" "$python" "$script" \
            </dev/null >"$out/stdout" 2>"$out/stderr"
    )
    echo $? >"$out/status"
    rm -rf "$cwd"
}

# mask MASKFILE FILE: applies the mask's steps to FILE in place.
mask() {
    local step
    while IFS= read -r step; do
        case "$step" in
        digits) sed -E -i 's/[0-9]+/N/g' "$2" ;;
        sort) LC_ALL=C sort -o "$2" "$2" ;;
        '' | '#'*) ;;
        *) echo "regen_golden: $1: unknown mask step '$step'" >&2 && exit 1 ;;
        esac
    done <"$1"
}

count=0
failed=0
while IFS= read -r -d '' script; do
    name=$(basename "$script" .py)
    case "$name" in _* | *_mod) continue ;; esac
    rel=${script#"$root/"}
    # The filter sees the path inside the repository, not the checkout's
    # own location (which may contain any word).
    [[ -n "$filter" && "$rel" != *"$filter"* ]] && continue
    run "$script" 1 "$work/a"
    run "$script" 2 "$work/b"
    maskfile="$(dirname "$script")/$name.mask"
    if [[ -f "$maskfile" ]]; then
        mask "$maskfile" "$work/a/stdout"
        mask "$maskfile" "$work/b/stdout"
    fi
    status=$(cat "$work/a/status")
    if [[ "$status" == 124 || "$status" == 137 ]]; then
        echo "regen_golden: $rel timed out after ${limit}s" >&2
        failed=$((failed + 1))
        continue
    fi
    last_a=$(grep -v '^[[:space:]]*$' "$work/a/stderr" | tail -n 1)
    last_b=$(grep -v '^[[:space:]]*$' "$work/b/stderr" | tail -n 1)
    diagnostic=0
    [[ "/$(dirname "$rel")/" == */diagnostics/* ]] && diagnostic=1
    if ! cmp -s "$work/a/stdout" "$work/b/stdout" ||
        [[ "$status" != "$(cat "$work/b/status")" || "$last_a" != "$last_b" ]] ||
        { ((diagnostic)) && ! cmp -s "$work/a/stderr" "$work/b/stderr"; }; then
        echo "regen_golden: $rel is not deterministic (output differs between two runs)" >&2
        diff "$work/a/stdout" "$work/b/stdout" | head -n 10 >&2
        failed=$((failed + 1))
        continue
    fi
    dir=$(dirname "$script")
    cp "$work/a/stdout" "$dir/$name.out"
    if ((diagnostic)); then
        # Literal replacement of the directory (no pattern characters).
        DIR="$dir/" "$python" -c 'import os, sys; sys.stdout.write(sys.stdin.read().replace(os.environ["DIR"], "<dir>/"))' \
            <"$work/a/stderr" >"$dir/$name.err"
        last_a=$(grep -v '^[[:space:]]*$' "$dir/$name.err" | tail -n 1)
    fi
    if [[ "$status" == 0 ]]; then
        echo 0 >"$dir/$name.exit"
    else
        printf '%s\n%s\n' "$status" "$last_a" >"$dir/$name.exit"
    fi
    count=$((count + 1))
done < <(find -L "$root" -name '*.py' -type f -print0 | sort -z)

# tests/deadlock/*.py hang in CPython (pyl reports them): what CPython
# prints before it hangs is their expected stdout (the scripts flush).
while IFS= read -r -d '' script; do
    [[ -n "$filter" && "${script#"$PWD/"}" != *"$filter"* ]] && continue
    (cd "$work" && PYTHONHASHSEED=1 PYTHONDONTWRITEBYTECODE=1 timeout 3 "$python" -u "$script" \
        </dev/null >"$work/hung.out" 2>/dev/null)
    status=$?
    if [[ "$status" != 124 ]]; then
        echo "regen_golden: ${script#"$PWD/"} ended (status $status) instead of hanging" >&2
        failed=$((failed + 1))
        continue
    fi
    cp "$work/hung.out" "${script%.py}.out"
    count=$((count + 1))
done < <(find "$PWD/tests/deadlock" -name '*.py' -type f -print0 | sort -z)

# Nothing may be left behind by imports of helper modules.
find "$root" -name __pycache__ -type d -prune -exec rm -rf {} +

echo "regen_golden: wrote expectations for $count scripts" >&2
if ((failed > 0)); then
    echo "regen_golden: $failed scripts FAILED (see above)" >&2
    exit 1
fi
