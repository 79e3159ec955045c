#!/usr/bin/env bash
# Idle cost of the player while a 10-minute step counts down: CPU, wake-ups and peak memory.
# Targets (issue 3): at most 0.02% of a core, at most 2 wake-ups a second, peak RSS under 15 MB.
#
#   benches/idle-cpu.sh [SECONDS] [extra limberup flags...]     (default 60 s, --mute)
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
LIMBERUP_DATA_DIR=$data "$tool" -s "$secs" -- target/release/limberup run benches/ten-minute-hold.toml "${flags[@]}"
