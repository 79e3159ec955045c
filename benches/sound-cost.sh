#!/usr/bin/env bash
# What sound costs while a routine plays: CPU and wake-ups of the whole process, counting the sound
# threads that come and go (the output opens around cues and closes in between, so per-thread
# counters such as ../shared/tools/idle-cpu reads lose the threads that have ended).
#
#   benches/sound-cost.sh [ROUTINE] [SECONDS] [extra limberup flags...]
#   (default: upper-back-stretch, 120 s, sound on at volume 50)
#
# Runs the release binary in a tmux pane twice, for 20 s and for 20 + SECONDS, each under a wrapper
# that reads the process's rusage when it exits (SIGTERM), and prints the difference per second, so
# start-up is left out. Needs a sound server or device for sound to play (PULSE_SERVER is passed on).
set -euo pipefail
cd "$(dirname "$0")/.."
routine=${1:-upper-back-stretch}
secs=${2:-120}
shift 2 || shift $# || true
flags=("$@")
[[ ${#flags[@]} -gt 0 ]] || flags=(--volume 50)
cargo build --release --quiet
work=$(mktemp -d)
trap 'tmux -L soundcost kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

run_for() { # seconds -> "cpu_ms voluntary involuntary"
    local out="$work/rusage.$1"
    tmux -L soundcost -f /dev/null new-session -d -x 80 -y 24 \
        "PULSE_SERVER=${PULSE_SERVER:-} LIMBERUP_DATA_DIR=$work/data python3 -c '
import os, sys, resource
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
open(\"$out.pid\", \"w\").write(str(pid))
_, _, r = os.wait4(pid, 0)
open(\"$out\", \"w\").write(\"%d %d %d\" % ((r.ru_utime + r.ru_stime) * 1000, r.ru_nvcsw, r.ru_nivcsw))
' target/release/limberup run $routine ${flags[*]}"
    sleep "$1"
    kill -TERM "$(cat "$out.pid")" 2>/dev/null || true
    for _ in $(seq 50); do [[ -s $out ]] && break; sleep 0.1; done
    tmux -L soundcost kill-server 2>/dev/null || true
    cat "$out"
}
read -r c0 v0 i0 <<<"$(run_for 20)"
read -r c1 v1 i1 <<<"$(run_for $((20 + secs)))"
awk -v c="$((c1 - c0))" -v w="$((v1 + i1 - v0 - i0))" -v s="$secs" -v r="$routine" \
    'BEGIN { printf "%s: cpu_pct=%.3f wakeups_per_s=%.1f (over %d s, start-up left out)\n", r, c / (s * 10), w / s, s }'
