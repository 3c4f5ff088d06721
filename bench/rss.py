#!/usr/bin/env python3
"""Runs a command, prints its wall time and peak resident memory (children).

usage: rss.py CMD... ; stdout of CMD goes to /dev/null unless RSS_STDOUT is set.
Prints: "wall_s=<seconds> peak_rss_mb=<MB>" on stderr."""
import os, resource, subprocess, sys, time

t0 = time.monotonic()
out = None if os.environ.get("RSS_STDOUT") else subprocess.DEVNULL
rc = subprocess.call(sys.argv[1:], stdout=out)
wall = time.monotonic() - t0
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
print(f"wall_s={wall:.3f} peak_rss_mb={peak:.1f}", file=sys.stderr)
sys.exit(rc)
