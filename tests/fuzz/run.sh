#!/bin/sh
# Runs every libFuzzer target built in BUILD for SECONDS each, on its seed
# corpus (copied to a work directory, so new inputs do not touch the repo).
# usage: tests/fuzz/run.sh BUILD SECONDS
set -eu
build=$1
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
work=${FUZZ_WORK:-$build/fuzz-work}
mkdir -p "$work"
status=0
for exe in "$build"/tests/fuzz/fuzz_*; do
  if [ ! -x "$exe" ]; then
    echo "run.sh: no fuzz targets in $build/tests/fuzz (configure with clang and -DRP_FUZZ=ON)" >&2
    exit 2
  fi
  name=$(basename "$exe" | sed 's/^fuzz_//')
  corpus="$work/$name"
  mkdir -p "$corpus"
  cp -n "$here/corpus/$name"/* "$corpus"/ 2>/dev/null || true
  if [ "$name" = dict_load ]; then
    "$build/riposte" dict compile "$here/../data/mini" -o "$corpus/mini.rpd" >/dev/null 2>&1 || true
  fi
  echo "== $name: ${seconds}s"
  dict=""
  [ -f "$here/$name.dict" ] && dict="-dict=$here/$name.dict"
  if ! "$exe" $dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$work/crash-$name-" "$corpus" 2>"$work/$name.log"; then
    echo "FINDING in $name: see $work/$name.log"; tail -40 "$work/$name.log"; status=1
  fi
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|cov:" "$work/$name.log" | tail -3
done
exit $status
