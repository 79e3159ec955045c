#!/usr/bin/env bash
# What `limberup runs import` costs on the release build: wall time and peak memory (GNU time's
# "Maximum resident set size") of importing
#   1. a folder of 1,000 GPX runs (one a day, 30 minutes each, a point a second: ~1,800 points,
#      ~190 kB a file), into a new history;
#   2. one 60 MB GPX (a point a second over ~7 days: ~615,000 points), into a new history.
# Goals (issue 24): under 5 s for the 1,000; under 1 s and 100 MB for the big file.
#
#   benches/runs-import.sh [RUNS]   (default 3 runs of each; the best and the worst are printed)
#
# Needs python3 (to write the files) and GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
cargo build --release --quiet
bin=$PWD/target/release/limberup
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import math, os, sys
work = sys.argv[1]
start = 1672560000  # 2023-01-01T08:00:00Z: the 1,000th run is in 2025, never in the future
def stamp(t):
    import time
    return time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(t))
def points(begin, count, out):
    lat, lon = 52.5, 13.4
    for i in range(count):
        # about 2.8 m a second to the north-east, with a little wobble
        lat += 0.000018 + 0.000002 * math.sin(i / 7)
        lon += 0.000020
        out.write(f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{35 + math.sin(i / 50):.1f}</ele>'
                  f'<time>{stamp(begin + i)}</time></trkpt>\n')
def gpx(path, begin, count):
    with open(path, 'w') as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
                  'xmlns="http://www.topografix.com/GPX/1/1"><trk><type>running</type><trkseg>\n')
        points(begin, count, out)
        out.write('</trkseg></trk></gpx>\n')
os.makedirs(f'{work}/folder')
for day in range(1000):
    gpx(f'{work}/folder/run-{day:04}.gpx', start + day * 86400, 1800)
gpx(f"{work}/big.gpx", start - 30 * 86400, 615000)
PY
printf 'folder: %s files, %s\n' "$(ls "$work/folder" | wc -l)" "$(du -sh "$work/folder" | cut -f1)"
printf 'big file: %s bytes\n' "$(stat -c %s "$work/big.gpx")"

measure() { # label, paths... -> one line per run: wall seconds and peak RSS in MB
    local label=$1
    shift
    for n in $(seq "$runs"); do
        local data="$work/data.$label.$n"
        /usr/bin/time -v -o "$work/time.txt" env LIMBERUP_DATA_DIR="$data" "$bin" runs import "$@" \
            >"$work/out.txt" 2>"$work/err.txt" || true
        local wall rss imported
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s}' "$work/time.txt")
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2 / 1024}' "$work/time.txt")
        imported=$(grep -c ': imported as #' "$work/out.txt" || true)
        printf '%-8s run %d: %6.2f s, peak %6.1f MB, %d imported\n' "$label" "$n" "$wall" "$rss" "$imported"
    done
}

measure 1000-runs "$work/folder"
measure big-gpx "$work/big.gpx"
