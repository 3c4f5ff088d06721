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
l=$(for i in 1 2 3 4 5; do "$R" dict info --dict "$tmp/d.rpd" | sed -n 's/^open time\t\([0-9.]*\) ms/\1/p'; done | best)
"$R" dict info --dict "$tmp/d.rpd" | sed 's/^/  /'
awk -v c="$c" -v l="$l" 'BEGIN { printf "compile (data/ -> riposte.rpd, whole process): %.0f ms; open (mmap + full validation): %.2f ms\n", c * 1000, l }'
