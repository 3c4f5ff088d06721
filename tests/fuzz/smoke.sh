#!/bin/sh
# Builds the fuzz targets with clang and runs each for a few seconds.
# usage: smoke.sh SOURCE_DIR BUILD_DIR SECONDS
set -eu
src=$1
build=$2
seconds=$3
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRP_FUZZ=ON >/dev/null
cmake --build "$build" --target riposte fuzz_text fuzz_page fuzz_dict_source fuzz_dict_load \
  fuzz_reader fuzz_jsonl fuzz_code >/dev/null
FUZZ_WORK="$build/fuzz-work" sh "$src/tests/fuzz/run.sh" "$build" "$seconds"
