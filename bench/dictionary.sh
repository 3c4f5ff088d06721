#!/bin/sh
# Dictionary compile time (data/ sources -> riposte.rpd) and load time of the
# compiled, memory-mapped file (open + validate + one lookup), best of 5.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
R=${RIPOSTE:-$here/../build/riposte}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh "$here/machine.sh"
best() { sort -n | head -1; }
c=$(for i in 1 2 3 4 5; do python3 "$here/rss.py" "$R" dict compile "$here/../data" -o "$tmp/d.rpd" 2>&1 | sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p'; done | best)
l=$(for i in 1 2 3 4 5; do python3 "$here/rss.py" "$R" dict info --dict "$tmp/d.rpd" 2>&1 | sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p'; done | best)
e=$(for i in 1 2 3 4 5; do python3 "$here/rss.py" "$R" version 2>&1 | sed -n 's/.*wall_s=\([0-9.]*\).*/\1/p'; done | best)
"$R" dict info --dict "$tmp/d.rpd" | sed 's/^/  /'
awk -v c="$c" -v l="$l" -v e="$e" 'BEGIN { printf "compile: %.0f ms; load (open, validate, stats): %.1f ms, of which %.1f ms is starting the process\n", c * 1000, l * 1000, e * 1000 }'
