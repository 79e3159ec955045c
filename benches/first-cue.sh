#!/usr/bin/env bash
# How long from `limberup run` to each of the first cues, with 200 names of the runner's own and a
# speech program that takes 2 s a name, against the same routine with no speech program at all: the
# voice is made in the background, so the two should match (issue 23's goal: no later than without).
#
#   benches/first-cue.sh [RUNS]   (default 5 runs of each; needs a sound server: PULSE_SERVER)
#
# Times come from the player's own log (`playing sound=`), relative to the process's first log line.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --quiet
work=$(mktemp -d)
trap 'tmux -L firstcue kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
{
    printf 'name = "Many names"\nkind = "stretch"\n[defaults]\nprepare = "3s"\ncountdown = 2\nrest = 0\n'
    for n in $(seq 200); do printf '[[steps]]\nname = "Own exercise %d"\nduration = "3s"\n' "$n"; done
} > "$work/routine.toml"
mkdir -p "$work/slow" "$work/none"
printf '#!/bin/sh\nsleep 2\nexit 1\n' > "$work/slow/espeak-ng"
chmod +x "$work/slow/espeak-ng"

one_run() { # PATH prefix -> "get-ready tick tick start" seconds after start
    local data="$work/data.$RANDOM"
    tmux -L firstcue -f /dev/null new-session -d -x 80 -y 24 \
        "cd $work && PATH=$1 PULSE_SERVER=${PULSE_SERVER:-} LIMBERUP_LOG=debug LIMBERUP_DATA_DIR=$data $PWD/target/release/limberup run routine.toml"
    sleep 5
    tmux -L firstcue kill-server 2>/dev/null || true
    sleep 0.5
    python3 - "$data/limberup.log" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
def at(line):
    h, m, s = line[11:26].split(':')
    return int(h) * 3600 + int(m) * 60 + float(s)
start = at(lines[0])
plays = [(at(l) - start, l.split('sound=')[1]) for l in lines if 'playing sound=' in l][:4]
print(' '.join(f'{name}@{t * 1000:.0f}ms' for t, name in plays))
PY
}

echo "with a speech program that takes 2 s a name (200 names):"
for _ in $(seq "$runs"); do one_run "$work/slow"; done
echo "with no speech program:"
for _ in $(seq "$runs"); do one_run "$work/none"; done
