#!/usr/bin/env bash
# The claim checker, walked through: three hand-written claims about the p = 2, alpha = 1.5 spectrum, checked with
# a report, then the same sweep split into two shards and merged. Regenerates every file beside this script.
set -euo pipefail
cd "$(dirname "$0")"
ps=../../powerspec

# 1. check the three claims; --report draws r_j against j and the extremes of r_j against d
set +e
$ps check p2-with-log.yaml p2-without-log.yaml p2-lower-bound.yaml --report report > check.txt 2> check-progress.txt
echo "check exit code: $?" >> check.txt
set -e

# 2. the same sweep in two parts (e.g. two machines or a batch array), then merged: the same verdicts
$ps check p2-with-log.yaml p2-without-log.yaml p2-lower-bound.yaml --shard 1/2 --out part-1.json 2> /dev/null
$ps check p2-with-log.yaml p2-without-log.yaml p2-lower-bound.yaml --shard 2/2 --out part-2.json 2> /dev/null
set +e
$ps merge part-1.json part-2.json > merge.txt
echo "merge exit code: $?" >> merge.txt
set -e
rm -f part-1.json part-2.json
grep -E '^verdict' check.txt | sed 's/ ([0-9.]* s)$//' > verdicts-check.txt
grep -E '^verdict' merge.txt | sed 's/ ([0-9.]* s)$//' > verdicts-merge.txt
if cmp -s verdicts-check.txt verdicts-merge.txt; then echo "merged shards: the same verdicts as one check"; else echo "merged shards DIFFER" >&2; exit 1; fi
rm -f verdicts-check.txt verdicts-merge.txt
