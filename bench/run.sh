#!/bin/sh
# All benchmarks; needs ../shared/data and python3. Results go to stdout;
# record them with the command in bench/RESULTS.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
echo "## throughput"; sh "$here/throughput.sh"
echo "## dictionary"; sh "$here/dictionary.sh"
echo "## accuracy"; python3 "$here/accuracy.py"
