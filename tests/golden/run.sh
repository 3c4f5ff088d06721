#!/bin/sh
# Golden test: the events coded from examples/ must equal examples.expected
# (reviewed line by line when created or changed). With --update as the
# fourth argument, rewrites the expectation for review instead.
# usage: run.sh RIPOSTE GOLDEN_DIR SOURCE_DIR [--update]
set -eu
R=$1
G=$2
SRC=$3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
cd "$SRC"
# columns: doc, sent, date, source, target, code, mode, verb_text
"$R" code --format tsv examples/ | cut -f1,3,4,7,8,9,14,17 >"$out"
if [ "${4:-}" = "--update" ]; then
  cp "$out" "$G/examples.expected"
  echo "rewrote $G/examples.expected: review it line by line"
  exit 0
fi
if ! diff -u "$G/examples.expected" "$out"; then
  echo "golden.examples: output differs from tests/golden/examples.expected"
  exit 1
fi
echo "golden.examples: $(($(wc -l <"$out") - 1)) events as expected"
