# Independent double-precision reference for powerspec's spectrum: numpy + LAPACK on a fixed sketch file.
# Run (from this folder): python3 gen_numpy_sketch_fixture.py
# Writes sketch-v96-d40.csv (W, v=96 rows x d=40 columns) and numpy-spectra-v96-d40.csv with the eigenvalues
# of K = (1/d) sum_k b_k D^(p-k) G^{ok} D^(p-k), G = W' diag(j^-alpha) W, for alpha = 2 and p = 1..4, descending.
# The kernel coefficients b_k = k! c_k^2 are computed here from scratch (c_k = p!/(k! 2^m m!)), not taken from powerspec.
import numpy as np
from math import factorial

rng = np.random.default_rng(20261123)
v, d, alpha = 96, 40, 2.0
W = rng.standard_normal((v, d))
np.savetxt("sketch-v96-d40.csv", W, delimiter=",", fmt="%.17g")
W = np.loadtxt("sketch-v96-d40.csv", delimiter=",")  # exactly what powerspec reads
lam = np.arange(1, v + 1, dtype=float) ** (-alpha)
G = W.T @ (lam[:, None] * W)
s = np.sqrt(np.diag(G))
rows = []
for p in range(1, 5):
    K = np.zeros((d, d))
    for k in range(p % 2, p + 1, 2):
        m = (p - k) // 2
        c = factorial(p) // (factorial(k) * 2**m * factorial(m))
        b = factorial(k) * c * c
        K += b * np.outer(s ** (p - k), s ** (p - k)) * G ** k
    K /= d
    ev = np.sort(np.linalg.eigvalsh(K))[::-1]
    for j, e in enumerate(ev, start=1):
        rows.append(f"{p},{j},{e:.17g}")
with open("numpy-spectra-v96-d40.csv", "w") as f:
    f.write("p,j,eigenvalue\n" + "\n".join(rows) + "\n")
