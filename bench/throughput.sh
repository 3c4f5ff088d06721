#!/bin/sh
# Coding throughput on the 87,486 news sentences (../shared/data/news/sentences),
# dictionaries loaded, output to /dev/null: sentences/s and MB/s on 1 and 2
# threads, peak memory. Best of 3 runs each.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
R=${RIPOSTE:-$here/../build/riposte}
IN=${INPUT:-$here/../../shared/data/news/sentences/news-sentences.jsonl}
[ -f "$IN" ] || { echo "input $IN not found"; exit 1; }
sh "$here/machine.sh"
n=$(wc -l <"$IN")
bytes=$(wc -c <"$IN")
events=$("$R" code "$IN" | wc -l)
with=$("$R" code "$IN" | sed 's/.*"doc":"\([^"]*\)".*/\1/' | sort -u | wc -l)
echo "input: $IN ($n sentences, $bytes bytes); events coded: $events, in $with sentences ($(awk -v a="$with" -v b="$n" 'BEGIN{printf "%.1f", 100*a/b}')%)"
for j in 1 2; do
  best=""
  for run in 1 2 3; do
    line=$(python3 "$here/rss.py" "$R" code -q -j "$j" "$IN" 2>&1 >/dev/null | tail -1)
    wall=$(echo "$line" | sed 's/.*wall_s=\([0-9.]*\).*/\1/')
    rss=$(echo "$line" | sed 's/.*peak_rss_mb=\([0-9.]*\).*/\1/')
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; bestrss=$rss; fi
  done
  awk -v n="$n" -v b="$bytes" -v w="$best" -v j="$j" -v r="$bestrss" \
    'BEGIN { printf "-j %d: %.3f s, %.0f sentences/s, %.1f MB/s, peak RSS %.1f MB (%.1fx TABARI)\n", j, w, n / w, b / w / 1e6, r, n / w / 27500 }'
done
# TABARI cannot be built here (no source in ../shared); its figure on this machine kind,
# same sentences, is in ../shared/data/news/sentences/README.md
echo "reference, not run here: TABARI 0.8.4b2, CAMEO master verbs + Phoenix actors, one core: 27,500 sentences/s, 10 MB, events in about 2.4% of sentences"
