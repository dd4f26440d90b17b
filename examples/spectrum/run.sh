#!/usr/bin/env bash
# The spectrum of the random-feature covariance K, in double and in double-double, with plots.
# Run from anywhere: examples/spectrum/run.sh   (writes the files beside this script)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ps="$here/../../powerspec"
cd "$here"
# p = 2, alpha = 2 at d = 1024 (v = 4d by default): the head/tail picture of the theorem
"$ps" spectrum --alpha 2 --p 2 --d 1024 --seed 1 --out p2-alpha2-d1024.csv --plot p2-alpha2-d1024.png
# p = 3, alpha = 1.5 at d = 512, as JSON with every input and the timings
"$ps" spectrum --alpha 1.5 --p 3 --d 512 --format json --out p3-alpha1.5-d512.json --plot p3-alpha1.5-d512.svg
# alpha = 8, p = 2, d = 60: double precision's floor swallows the tail; double-double does not
"$ps" spectrum --alpha 8 --p 2 --d 60 --v 240 --out alpha8-d60-double.csv --plot alpha8-d60-double.png
"$ps" spectrum --alpha 8 --p 2 --d 60 --v 240 --precision high --out alpha8-d60-high.csv --plot alpha8-d60-high.png
# the closed form against sampling, with its negative controls
"$ps" lemma closed-form-vs-monte-carlo --out lemma-monte-carlo.txt
echo "wrote $(ls "$here" | grep -v run.sh | tr '\n' ' ')"
