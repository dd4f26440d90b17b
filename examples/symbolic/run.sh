#!/usr/bin/env bash
# Exact coefficient tables and kernels for a paper, and the lemma behind them.
# Run from anywhere: examples/symbolic/run.sh   (writes the files beside this script)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ps="$here/../../powerspec"
cd "$here"
"$ps" coeffs --p 1..12 --format csv   --out coeffs-p1-12.csv
"$ps" coeffs --p 1..6  --format latex --out coeffs-p1-6.tex
"$ps" coeffs --f "y^3-3*y" --format json --out coeffs-he3.json
"$ps" kernel --p 4 --out kernel-p4.txt
"$ps" kernel --f "2*y^2+y" --format json --out kernel-2y2+y.json
"$ps" lemma hermite-expansion --p 1..20 --out lemma-hermite-expansion.txt
echo "wrote $(ls "$here" | grep -v run.sh | tr '\n' ' ')"
