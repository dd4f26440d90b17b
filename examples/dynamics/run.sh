#!/usr/bin/env bash
# Two-layer dynamics examples: the paper's figure settings (Worschech & Rosenow, arXiv:2410.09005; see
# ../../README.md, "Two-layer dynamics"), scaled down where noted so that the whole script runs in minutes.
# Every output here was written by this script; rerun it to reproduce them (same seeds, same numbers).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ps="$here/../../powerspec"
cd "$here"

# Fig. 1: erf, K = M = 2, eta = 0.1, beta = 1, sigma_J = 0.01, N = 1024; the plateau shrinks as L grows.
# (L up to 64 instead of 1024: the cost of the explicit integrator grows with lambda_1 ~ L.)
"$ps" dynamics plateau --K 2 --L 1,4,16,64 --eta 0.1 --beta 1 --sigma-j 0.01 --N 1024 --time 1e4 --seeds 3 \
  --plot fig1-plateau-vs-L.png --length-plot fig1-plateau-length.png > fig1-plateau-vs-L.txt

# The plateau table: K = M = 2..6, L = 1..32, 3 seeds, unscaled outputs and outputs scaled by 1/sqrt K; each band
# centred on the run's own symmetric fixed point, mu_esc from its Jacobian; the lengths plotted with the fitted law.
"$ps" dynamics plateau --K 2..6 --L 1,2,4,8,16,32 --eta 0.1 --beta 1 --time 2e4 --per-decade 50 --seeds 3 \
  --length-plot plateau-length-none.png > plateau-table-none.txt
"$ps" dynamics plateau --K 2..6 --L 1,2,4,8,16,32 --eta 0.1 --beta 1 --time 1e5 --per-decade 50 --output-scaling sqrt \
  --seeds 3 --length-plot plateau-length-sqrt.png > plateau-table-sqrt.txt

# Fig. 2 (right): linear, N = L = 1024, beta = 0.75, eta = 0.01, K = M = 1: the closed form (matrix exponential),
# and SGD against the ODE from the same weights (to alpha = 1000; the closed form runs to 1e5).
"$ps" dynamics ode --activation linear --K 1 --M 1 --L 1024 --beta 0.75 --eta 0.01 --N 1024 --sigma-j 0.01 \
  --method closed-form --time 1e5 --out fig2-linear-closed-form.csv --plot fig2-linear-closed-form.png
"$ps" dynamics compare --activation linear --K 1 --M 1 --L 1024 --beta 0.75 --eta 0.01 --N 1024 --sigma-j 0.01 \
  --time 1000 --points 40 --plot fig2-linear-sgd-vs-ode.png > fig2-linear-sgd-vs-ode.txt || true

# Fig. 3: L = N = 256, K = M = 1, eta = 0.05, beta = 1; only the top N_l eigen-directions trained; averaged over 10
# seeds of the initial weights, as the paper does.
for nl in 8 32 128; do
  "$ps" dynamics ode --activation linear --K 1 --M 1 --L 256 --beta 1 --eta 0.05 --N 256 --trainable "$nl" --seeds 10 \
    --method closed-form --time 1e4 --out "fig3-trainable-$nl.csv" --plot "fig3-trainable-$nl.png"
done

# Fig. 6 scaled down: erf, K = M = 8 (paper: 40), L = N = 64 (paper: 512), eta = 0.01, sigma_J = 1e-6, outputs / sqrt K;
# averaged over 10 seeds, as the paper does.
"$ps" dynamics ode --K 8 --M 8 --L 64 --beta 1 --eta 0.01 --sigma-j 1e-6 --N 64 --output-scaling sqrt --time 1e4 --seeds 10 \
  --out fig6-small.csv --plot fig6-small.png

# ODE against SGD: the largest gap shrinks with N (erf, K = M = 2, L = 4, beta = 1, eta = 0.5, sigma_J = 0.5).
"$ps" dynamics compare --L 4 --beta 1 --eta 0.5 --N 500,2000,8000 --time 5 --plot compare-N.png > compare-N.txt

# Every dynamics lemma with its negative control.
"$ps" dynamics lemma all > lemmas.txt

# The claims about the dynamics written as files, and their controls (exit 1: the controls FAIL, as they must).
"$ps" dynamics check ../../proofs/dynamics/*.yaml ../../proofs/dynamics/controls/*.yaml --report claims-report \
  > claims.txt || test $? -eq 1

# Fig. 1 at the paper's full L = N = 1024, with the stabilised integrator (about 15 s instead of ~10 CPU-minutes).
"$ps" dynamics ode --K 2 --M 2 --L 1024 --beta 1 --eta 0.1 --sigma-j 0.01 --N 1024 --time 1e4 --integrator rkc \
  --rel-tol 1e-8 --abs-tol 1e-12 --out fig1-L1024-rkc.csv --plot fig1-L1024-rkc.png

# Fig. 6 at its full settings (K = M = 40, L = N = 512; about 8 minutes alone on 2 cores, 15 with other load), not rerun:
#   "$ps" dynamics ode --K 40 --M 40 --L 512 --beta 1 --eta 0.01 --sigma-j 1e-6 --N 512 --time 1e3 --output-scaling sqrt \
#     --integrator rkc --rel-tol 1e-8 --abs-tol 1e-12 --out fig6-K40-L512-rkc.csv --plot fig6-K40-L512-rkc.png

# The speed table (RKC; the K = 40 case takes ~8 minutes, so it is not rerun here; bench-rkc.md holds its output):
#   "$ps" dynamics bench --out bench-rkc.md
# see bench-dynamics.md for the Dormand-Prince figures.
