#!/usr/bin/env bash
# The cut-off example (Maloney, Roberts, Sully, arXiv:2210.16859): H's power law stops at M = 64
# (lambda_i = i^-2 for i <= 64, 0 beyond). The linear model (p = 1) has rank <= M; p = 2 continues past M.
# Run from anywhere: examples/cutoff/run.sh   (writes the files beside this script)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ps="$here/../../powerspec"
cd "$here"
# p = 1: the first 64 eigenvalues, then zeros below their error bound; overlay the oracle and the equivalent
"$ps" spectrum --alpha 2 --p 1 --d 512 --cutoff 64 --out p1-cutoff64-d512.csv --plot p1-cutoff64-d512.png --overlay oracle,equivalent
# p = 2: the products 4*lambda_a*lambda_b (a <= b <= 64) carry the power law past j = 64
"$ps" spectrum --alpha 2 --p 2 --d 512 --cutoff 64 --out p2-cutoff64-d512.csv --plot p2-cutoff64-d512.png --overlay oracle
"$ps" oracle --alpha 2 --p 2 --count 512 --v 2048 --cutoff 64 --format text --out oracle-p2-cutoff64.txt
# the numbers behind the claims: eigenvalues below their bound past M (p = 1), and lambda_j / oracle_j past M (p = 2)
{
  echo "p = 1, cutoff M = 64, d = 512: j > M with |lambda_j| <= its error bound, of $((512 - 64)):"
  awk -F, 'NR > 65 { l = $2 < 0 ? -$2 : $2; if (l <= $3) n++ } END { print "  " n }' p1-cutoff64-d512.csv
  echo "p = 1: largest |lambda_j| for j > M:"
  awk -F, 'NR > 65 { l = $2 < 0 ? -$2 : $2; if (l > m) m = l } END { printf "  %.3e\n", m }' p1-cutoff64-d512.csv
  echo "p = 2, cutoff M = 64, d = 512: lambda_j / oracle_j over M < j <= d/4 = 128 (min, max):"
  "$ps" oracle --alpha 2 --p 2 --count 512 --v 2048 --cutoff 64 2>/dev/null > oracle.tmp
  paste -d, p2-cutoff64-d512.csv oracle.tmp | awk -F, 'NR > 65 && NR <= 129 { r = $2 / $5; if (min == "" || r < min) min = r; if (r > max) max = r }
    END { printf "  %.3f %.3f\n", min, max }'
  rm -f oracle.tmp
} > cutoff-numbers.txt
cat cutoff-numbers.txt
echo "wrote $(ls "$here" | grep -v run.sh | tr '\n' ' ')"
