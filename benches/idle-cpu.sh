#!/usr/bin/env bash
# Idle cost of the player while a 10-minute step counts down: CPU, wake-ups and peak memory.
# Targets (issue 3): at most 0.02% of a core, at most 2 wake-ups a second, peak RSS under 15 MB.
#
#   benches/idle-cpu.sh [SECONDS] [extra limberup flags...]     (default 60 s, --mute)
#
# With sound (any flags but --mute, e.g. `--volume 50`) the output opens only around cues, so the
# 10-minute hold measures the sound thread at rest. IDLE_ROUTINE=benches/every-second.toml plays a cue
# every second instead, which keeps the output open: the cost of a running stream.
# IDLE_ROUTINE=benches/ten-minute-figure.toml IDLE_SIZE=120x40 measures a moving figure (issue 14:
# at most 5 wake-ups a second); add --no-figures for the same without it.
#
# Uses ../shared/tools/idle-cpu (tmux + /proc) on the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
flags=("$@")
[[ ${#flags[@]} -gt 0 ]] || flags=(--mute)
tool=${IDLE_CPU_TOOL:-../shared/tools/idle-cpu}
cargo build --release --quiet
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
routine=${IDLE_ROUTINE:-benches/ten-minute-hold.toml}
LIMBERUP_DATA_DIR=$data "$tool" -s "$secs" -W "${IDLE_SIZE:-80x24}" -- target/release/limberup run "$routine" "${flags[@]}"
