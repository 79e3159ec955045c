#!/bin/sh
# Regenerates the cue sounds in this folder; the results are committed and compiled into the binary, so
# nobody needs these tools to build limberup. Needs sox, espeak-ng and oggenc (Debian: apt-get install
# sox espeak-ng vorbis-tools). Run from anywhere: sh sounds/make-sounds.sh
#
# Every tone starts on its own note, so a listener (and the end-to-end test, which tells cues apart by
# the pitch of their first 60 ms) can tell them apart: tick 1760 Hz, start 880 Hz, halfway 660 Hz,
# switch 1175 Hz, rest 784 Hz, done 523 Hz. Soft attacks and fades keep them pleasant at low volume.
set -eu
cd "$(dirname "$0")"

RATE=22050
out() { echo "sounds/$1"; }
# --missing: only the voice clips not made yet (see below); the tones stay as they are.
missing=false
[ "${1:-}" = "--missing" ] && missing=true

# One note: frequency, length in seconds, fade-out in seconds.
note() {
    sox -n -r $RATE -c 1 -b 16 "$1" synth "$3" sine "$2" fade q 0.005 "$3" "$4" vol 0.5
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! $missing; then
# tick: a short, bright click for the last seconds of a segment.
note tick.wav 1760 0.06 0.05
out tick.wav

# start: rising fifth, "go".
note "$tmp/a.wav" 880 0.14 0.04
note "$tmp/b.wav" 1320 0.22 0.15
sox "$tmp/a.wav" "$tmp/b.wav" start.wav
out start.wav

# halfway: one soft, round note.
note halfway.wav 660 0.35 0.3
out halfway.wav

# switch sides: the same note twice, a tap-tap.
note "$tmp/s.wav" 1175 0.1 0.05
sox -n -r $RATE -c 1 -b 16 "$tmp/gap.wav" trim 0 0.08
sox "$tmp/s.wav" "$tmp/gap.wav" "$tmp/s.wav" switch.wav
out switch.wav

# rest: falling fourth-and-more, winding down.
note "$tmp/r1.wav" 784 0.18 0.05
note "$tmp/r2.wav" 523 0.35 0.3
sox "$tmp/r1.wav" "$tmp/r2.wav" rest.wav
out rest.wav

# done: a rising major arpeggio that rings out.
note "$tmp/d1.wav" 523 0.13 0.03
note "$tmp/d2.wav" 659 0.13 0.03
note "$tmp/d3.wav" 784 0.13 0.03
note "$tmp/d4.wav" 1047 0.7 0.65
sox "$tmp/d1.wav" "$tmp/d2.wav" "$tmp/d3.wav" "$tmp/d4.wav" done.wav
out done.wav

fi

# The spoken words and names: every line of voice.txt (not blank, not a comment), said by espeak-ng,
# trimmed of silence, levelled, and stored as small Ogg Vorbis (16 kHz mono, lowest quality: speech
# stays clear and the 80-odd clips add about half a megabyte to the binary) under voice/, named by
# the text's slug: lower case, every run of other characters a dash ("Child's pose" is
# voice/child-s-pose.ogg). limberup finds a clip by the same slug. With --missing, only the lines
# without a clip are made, so the clips already committed stay byte for byte (Ogg streams carry a
# random serial number, so a clip made again differs even when it sounds the same).
slug() { printf '%s' "$1" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9][^a-z0-9]*/-/g; s/^-//; s/-$//'; }
$missing || rm -f voice/*.ogg
mkdir -p voice
grep -v '^#' voice.txt | grep -v '^ *$' | while IFS= read -r text; do
    if $missing && [ -e "voice/$(slug "$text").ogg" ]; then continue; fi
    espeak-ng -v en-us -s 165 -w "$tmp/raw.wav" "$text"
    sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$tmp/trim.wav" \
        silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse norm -6
    oggenc -Q -q -1 -o "voice/$(slug "$text").ogg" "$tmp/trim.wav"
    out "voice/$(slug "$text").ogg"
done
