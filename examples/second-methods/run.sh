#!/usr/bin/env bash
# The second methods against the exact spectrum: the product oracle (p = 2, alpha = 2, d = 2048), the deterministic
# equivalent (p = 1, alpha = 2, d = 1024), and the counting-products lemma.
# Run from anywhere: examples/second-methods/run.sh   (writes the files beside this script)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ps="$here/../../powerspec"
cd "$here"
"$ps" spectrum --alpha 2 --p 2 --d 2048 --out p2-alpha2-d2048.csv --plot p2-alpha2-d2048-oracle.png --overlay oracle
"$ps" oracle --alpha 2 --p 2 --count 2048 --v 8192 --out oracle-p2-alpha2-v8192.csv
"$ps" spectrum --alpha 2 --p 1 --d 1024 --out p1-alpha2-d1024.csv --plot p1-alpha2-d1024-equivalent.png --overlay equivalent,oracle
"$ps" equivalent --alpha 2 --d 1024 --out equivalent-alpha2-d1024.csv
"$ps" lemma counting-products --multiset-limit 100000 --out lemma-counting-products.txt || true
{
  echo "p = 2, alpha = 2, d = 2048: lambda_j / oracle_j (min, max) over j = 16..512, and over j = 1..15 and 1537..2048:"
  paste -d, p2-alpha2-d2048.csv oracle-p2-alpha2-v8192.csv | awk -F, '
    NR > 1 { j = $1; r = $2 / $5
      if (j >= 16 && j <= 512) { if (a == "" || r < a) a = r; if (r > b) b = r }
      if (j < 16) { if (c == "" || r < c) c = r; if (r > e) e = r }
      if (j > 1536) { if (f == "" || r < f) f = r; if (r > g) g = r } }
    END { printf "  j = 16..512: %.3f %.3f\n  j = 1..15: %.3f %.3f\n  j = 1537..2048: %.3f %.3f\n", a, b, c, e, f, g }'
  echo "p = 1, alpha = 2, d = 1024: |lambda_j / equivalent_j - 1| over the bulk d/8 <= j <= 7d/8 (max, mean), and the top j <= 16 (max):"
  paste -d, p1-alpha2-d1024.csv equivalent-alpha2-d1024.csv | awk -F, '
    NR > 1 { j = $1; r = $2 / $5 - 1; if (r < 0) r = -r
      if (j >= 128 && j <= 896) { if (r > m) m = r; s += r; n++ }
      if (j <= 16 && r > t) t = r }
    END { printf "  bulk: %.4f %.4f\n  top: %.4f\n", m, s / n, t }'
} > agreement.txt
cat agreement.txt
echo "wrote $(ls "$here" | grep -v run.sh | tr '\n' ' ')"
