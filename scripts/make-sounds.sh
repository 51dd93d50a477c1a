#!/usr/bin/env bash
# Makes the waiting-room display's sounds into resources/public/sounds/ (served with the
# renderer build, so the station and the desktop app both have them):
#   chime.ogg            a two-tone "ding-dong" synthesised with sox
#   shomare.ogg, miz.ogg «شماره», «میز»
#   va.ogg               «و» as it joins numbers ("chehel-o do"), spoken "o"
#   0.ogg … 19.ogg, 20.ogg … 90.ogg (tens), 100.ogg … 900.ogg (hundreds)
# The display assembles a call from these: 342 = سیصد + و + چهل + و + دو.
#
# Needs espeak-ng (with its Persian voice, `espeak-ng --voices=fa`) and sox with Ogg Vorbis
# (Debian: apt-get install -y espeak-ng sox libsox-fmt-base). Run from anywhere:
#   bash scripts/make-sounds.sh
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=resources/public/sounds
VOICE=${VOICE:-fa}
SPEED=${SPEED:-145}
PITCH=${PITCH:-42}
RATE=22050
QUALITY=${QUALITY:-3} # Ogg Vorbis quality (-1 … 10)

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install -y espeak-ng sox libsox-fmt-base)" >&2; exit 1; }
done
if ! espeak-ng --voices="$VOICE" | awk 'NR > 1 { print $2 }' | grep -qx "$VOICE"; then
  echo "espeak-ng has no '$VOICE' voice" >&2
  exit 1
fi
EXT=ogg
if ! sox -h | grep -q 'vorbis'; then
  echo "sox has no Ogg Vorbis support: writing 16 kHz mono WAV instead" >&2
  EXT=wav
  RATE=16000
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
rm -f "$OUT"/*.ogg "$OUT"/*.wav

encode() { # encode <in.wav> <name> [extra sox effects…]
  local in=$1 name=$2
  shift 2
  if [ "$EXT" = ogg ]; then
    sox "$in" -r "$RATE" -c 1 -C "$QUALITY" "$OUT/$name.ogg" "$@"
  else
    sox "$in" -r "$RATE" -c 1 -b 16 "$OUT/$name.wav" "$@"
  fi
}

# speak <name> <text>: one clip, leading and trailing silence trimmed, normalised to -1 dBFS.
speak() {
  local name=$1 text=$2
  espeak-ng -v "$VOICE" -s "$SPEED" -p "$PITCH" -w "$TMP/raw.wav" "$text"
  encode "$TMP/raw.wav" "$name" \
    silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse \
    pad 0.02 0.03 norm -1
}

speak shomare 'شماره'
speak miz 'میز'
speak va '[[o]]' # the joining «و» of numbers is said "o", not "va"

names=(
  [0]='صفر' [1]='یک' [2]='دو' [3]='سه' [4]='چهار' [5]='پنج' [6]='شش' [7]='هفت' [8]='هشت'
  [9]='[[n'"'"'oh]]' # «نه» the number (noh), not the word "no" (na) that espeak reads by default
  [10]='ده' [11]='یازده' [12]='دوازده' [13]='سیزده' [14]='چهارده' [15]='پانزده' [16]='شانزده'
  [17]='هفده' [18]='هجده' [19]='نوزده'
  [20]='بیست' [30]='سی' [40]='چهل' [50]='پنجاه' [60]='شصت' [70]='هفتاد' [80]='هشتاد' [90]='نود'
  [100]='صد' [200]='دویست' [300]='سیصد' [400]='چهارصد' [500]='پانصد' [600]='ششصد'
  [700]='هفتصد' [800]='هشتصد' [900]='نهصد'
)
for n in "${!names[@]}"; do
  speak "$n" "${names[$n]}"
done

# The chime: two bell-like tones, "ding" (E5) then "dong" (C5), each a fundamental with softer
# partials an octave and a twelfth above, struck and fading over its whole length; the ding's
# tail crossfades into the dong, with a little room after.
calc() { awk "BEGIN { print $1 }"; }
tone() { # tone <file> <Hz> <seconds>
  local f=$1 hz=$2 len=$3
  sox -V1 -n -r 44100 -c 3 -t wav - synth "$len" sine "$hz" sine "$(calc "$hz * 2")" sine "$(calc "$hz * 3")" |
    sox -V1 -t wav - -c 1 "$f" remix 1v0.6,2v0.25,3v0.1 fade q 0.005 "$len" "$(calc "$len - 0.02")"
}
tone "$TMP/ding.wav" 659.25 0.7
tone "$TMP/dong.wav" 523.25 1.0
sox "$TMP/ding.wav" "$TMP/dong.wav" "$TMP/chime.wav" splice -q 0.55,0.1
encode "$TMP/chime.wav" chime norm -3 pad 0 0.15

count=$(find "$OUT" -maxdepth 1 -name "*.$EXT" | wc -l)
echo "Wrote $count files to $OUT ($(du -ch "$OUT"/*."$EXT" | tail -1 | cut -f1) in all)."
