#!/usr/bin/env bash
# The d -> infinity limit of the head rate for p = 1, 2, 3 (alpha = 2) on the product oracle, to j = 10^7:
# check.txt (verdicts and the decade tables) and report/ (one plot of mu_j/rate(j) by decade per claim).
# About 2-3 minutes on 2 cores (three streams of 10^7 eigenvalues).
set -euo pipefail
cd "$(dirname "$0")"
ps=../../powerspec
set +e
$ps check limit-p1-alpha2.yaml limit-p2-alpha2.yaml limit-p3-alpha2.yaml --report report --no-timings > check.txt 2> /dev/null
echo "check exit code: $?" >> check.txt
set -e
