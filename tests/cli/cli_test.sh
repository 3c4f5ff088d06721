#!/bin/sh
# CLI behaviour: help and usage errors, exit codes, bad and hostile inputs
# (each must give a clear message naming the file, never a crash or hang),
# output formats, stdin, and identical output with -j.
# usage: cli_test.sh RIPOSTE SOURCE_DIR SHARED_DATA
set -u
R=$1
SRC=$2
SHARED=$3
T=$(mktemp -d /tmp/rp-cli-XXXXXX)
trap 'rm -rf "$T"' EXIT
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# run EXPECTED_RC CMD...: runs with a time limit, output in $T/out, $T/err
run() {
  want=$1; shift
  timeout 120 "$@" >"$T/out" 2>"$T/err"
  rc=$?
  [ "$rc" = "$want" ] || fail "'$*' exited $rc, expected $want; stderr: $(head -c 400 "$T/err")"
}
has() { grep -q -- "$2" "$T/$1" || fail "$1 of the last command lacks '$2': $(head -c 400 "$T/$1")"; }
hasnt() { ! grep -q -- "$2" "$T/$1" || fail "$1 of the last command has '$2'"; }

# ---- help, version, usage errors
run 0 "$R" --help;               has out "usage: riposte"; has out "code"
run 0 "$R" --version;            has out "riposte 0."
run 0 "$R" code --help;          has out "usage: riposte code"; has out "exit codes"
run 0 "$R" help dict;            has out "riposte dict compile"
run 0 "$R" tokenize --help;      has out "usage: riposte tokenize"
run 2 "$R";                      has err "usage"
run 2 "$R" frobnicate;           has err "unknown command 'frobnicate'"
run 2 "$R" code --format xml x;  has err "unknown format 'xml'"
run 2 "$R" code --jobs 0 x;      has err "--jobs"
run 2 "$R" code --date notadate x; has err "is not a date"
run 2 "$R" code --nope x;        has err "unknown option"
run 2 "$R" dict;                 has err "missing subcommand"
run 1 "$R" code --dict /nonexistent/dict.rpd "$SRC/examples";  has err "/nonexistent/dict.rpd"

# rules are checked with the small test dictionary, so that they do not
# depend on the production dictionaries' coverage
M="--dict $SRC/tests/data/mini"

# ---- a plain article, all formats
cat >"$T/a.txt" <<'TXT'
US orders Russia to close consulate

Friday 1 September 2017

The United States ordered Russia on Thursday to close its consulate in San Francisco.

The US is not expelling any Russian officials, a senior official said.
TXT
run 0 "$R" code $M "$T/a.txt";                has out '"source":"USA'; has out '"code":"161"'; hasnt out '"code":"174"'
has out '"date":"2017-08-31"'; has out '"date_from":"text"'
run 0 "$R" code $M --format tsv "$T/a.txt";   has out "^doc	event	sent	date"; has out "161"
run 0 "$R" code $M --format table "$T/a.txt"; has out "US orders Russia to close consulate"; has out "161"
run 0 "$R" code $M --explain "$T/a.txt";      has out "sentence 0 \[headline\]"; has out "no event: negated"
run 0 "$R" tokenize $M --tokens "$T/a.txt";   has out "title	US orders Russia to close consulate"; has out "published	2017-09-01 (text)"
run 0 "$R" code $M --date 2016-12-30 "$T/a.txt"; has out '"date":"2016-12-29"'
# standard input
run 0 sh -c "cat '$T/a.txt' | '$R' code $M -";   has out '"code":"161"'
run 0 sh -c "cat '$T/a.txt' | '$R' code $M";     has out '"code":"161"'

# ---- hostile and bad inputs: clear message naming the file, no crash, rest still coded
: >"$T/empty.txt"
run 0 "$R" code $M "$T/empty.txt" "$T/a.txt";   has out '"code":"161"'
printf 'Russia expelled \377\376 British diplomats.\n' >"$T/badutf8.txt"
run 0 "$R" code $M "$T/badutf8.txt";            has err "badutf8.txt: warning: 2 invalid UTF-8 sequences"
printf 'Russia expelled\000 British\000 diplomats.\n' >"$T/nul.txt"
run 0 "$R" code $M "$T/nul.txt";                has err "nul.txt: warning: 2 NUL bytes dropped"
head -c 200000 /dev/urandom >"$T/garbage.txt"
run 3 "$R" code $M "$T/garbage.txt" "$T/a.txt"; has err "garbage.txt"; has err "binary"; has out '"code":"161"'
printf '{"id":"j1","date":"2017-08-31","text":"The US ordered Russia to close its consulate."}\n{"id":"j2","text":\n{"id":"j3"}\n' >"$T/in.jsonl"
run 3 "$R" code $M "$T/in.jsonl";               has err "in.jsonl:2: invalid JSON"; has err "in.jsonl:3: record has no"; has out '"doc":"j1"'
run 3 "$R" code $M "$T/missing.txt" "$T/a.txt"; has err "missing.txt"; has out '"code":"161"'
# a 50 MB single line: cut at the document limit, with a message, in bounded time
awk 'BEGIN { s = "The US ordered Russia to close its consulate and "; for (i = 0; i < 1000000; i++) printf "%s", s }' >"$T/long.txt"
run 0 "$R" code $M --format tsv "$T/long.txt";  has err "long.txt"; has err "first"
# a gzip file and a directory
gzip -c "$T/a.txt" >"$T/a2.txt.gz"
run 0 "$R" code $M "$T/a2.txt.gz";              has out '"code":"161"'

# ---- -j gives the same output in the same order
run 0 "$R" code -j 1 "$SRC/examples";  cp "$T/out" "$T/j1"
run 0 "$R" code -j 4 "$SRC/examples";  cmp -s "$T/j1" "$T/out" || fail "-j 4 output differs from -j 1"
[ -s "$T/j1" ] || fail "no events from examples/"

if [ -f "$SHARED/news/sentences/news-sentences.jsonl" ]; then
  head -n 3000 "$SHARED/news/sentences/news-sentences.jsonl" >"$T/news.jsonl"
  run 0 "$R" code -j 1 "$T/news.jsonl"; cp "$T/out" "$T/n1"
  run 0 "$R" code -j 3 "$T/news.jsonl"; cmp -s "$T/n1" "$T/out" || fail "-j 3 output differs on news"
fi

[ "$fails" = 0 ] && echo "all CLI checks passed" || { echo "$fails CLI check(s) failed"; exit 1; }
